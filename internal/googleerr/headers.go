package googleerr

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

type wwwAuth struct {
	errorCode string   // error="insufficient_scope"
	scopes    []string // scope="a b c": the scopes the method accepts, any one suffices
}

// authParamRE matches one RFC 7235 auth-param: name=token or name="quoted \" string".
var authParamRE = regexp.MustCompile(`([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))`)

// parseWWWAuthenticate reads Google's `Bearer realm="...", error="insufficient_scope", scope="..."` challenge.
func parseWWWAuthenticate(values []string) wwwAuth {
	var a wwwAuth
	for _, v := range values {
		for _, m := range authParamRE.FindAllStringSubmatch(v, -1) {
			val := m[3]
			if m[3] == "" {
				val = unquote(m[2])
			}
			switch strings.ToLower(m[1]) {
			case "error":
				if a.errorCode == "" {
					a.errorCode = val
				}
			case "scope":
				a.scopes = append(a.scopes, strings.Fields(val)...)
			}
		}
	}
	return a
}

func unquote(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// maxRetryAfter bounds what a server can ask for, so a hostile value cannot overflow a time.Duration.
const maxRetryAfter = 365 * 24 * time.Hour

// retryInMessageRE finds Gmail's "Retry after 2024-05-01T12:00:00.000Z" inside error.message.
var retryInMessageRE = regexp.MustCompile(`(?i)retry after\s+(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))`)

// retryAfter reads when the server asked to be retried: the Retry-After header (delta-seconds or an HTTP date),
// else a time inside the message. It returns the wait (0 when not said, or already past) and the instant (zero
// when unknown, e.g. delta-seconds with a zero now).
func retryAfter(header, message string, now time.Time) (time.Duration, time.Time) {
	header = strings.TrimSpace(header)
	if header != "" {
		if secs, err := strconv.ParseInt(header, 10, 64); err == nil {
			if secs <= 0 {
				return 0, time.Time{}
			}
			d := maxRetryAfter
			if secs < int64(maxRetryAfter/time.Second) {
				d = time.Duration(secs) * time.Second
			}
			if now.IsZero() {
				return d, time.Time{}
			}
			return d, now.Add(d)
		}
		if at, err := http.ParseTime(header); err == nil {
			return until(at, now), at
		}
	}
	if m := retryInMessageRE.FindStringSubmatch(message); m != nil {
		if at, err := time.Parse(time.RFC3339Nano, m[1]); err == nil {
			return until(at, now), at
		}
	}
	return 0, time.Time{}
}

func until(at, now time.Time) time.Duration {
	if now.IsZero() || !at.After(now) {
		return 0
	}
	d := at.Sub(now)
	if d > maxRetryAfter {
		d = maxRetryAfter
	}
	return d
}

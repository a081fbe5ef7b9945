package googleerr

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// FactsHeader is the response header in which the transport tells FromError what it knows about the request
// behind a failed answer. Google never sends it; gog adds it only to an error answer it hands back.
const FactsHeader = "X-Gog-Transport"

// Why the transport declined to repeat a failed request (Facts.NotRepeated).
const (
	NotRepeatedWrite = "write" // a write that a repeat could duplicate (the server may have acted on it)
	NotRepeatedBody  = "body"  // the request body could not be sent again
)

// Why the transport stopped retrying (Facts.GaveUp).
const (
	GaveUpAttempts = "attempts" // the attempt limit was reached
	GaveUpBudget   = "budget"   // the next wait would have passed the total time budget
	GaveUpWait     = "wait"     // the server asked for a longer single wait than gog allows
)

// What happened to a scope 403 (Facts.ScopeRefresh).
const (
	ScopeReplayed      = "replayed"        // a fresh token was minted and the request replayed once
	ScopeRefreshFailed = "failed"          // minting a fresh token failed; the original 403 was returned
	ScopeNotRecovered  = "not-recoverable" // credentials that cannot be refreshed, or a body that cannot be replayed
)

// Facts is what the transport knows about a request beyond the answer itself.
type Facts struct {
	Method   string // HTTP method of the request
	Path     string // URL path (never the query: it may carry secrets)
	Attempts int    // requests sent, replays included

	NotRepeated  string    // NotRepeated* when a retryable failure was deliberately not retried
	GaveUp       string    // GaveUp* when retries stopped on a limit
	RetryAt      time.Time // when the server said to come back, if gog did not wait that long
	ScopeRefresh string    // Scope* for a scope 403
	RefreshError string    // OAuth error code (or "network"/"error") of a forced refresh that failed
}

// IsZero reports whether f says nothing.
func (f Facts) IsZero() bool { return f == Facts{} }

// Annotate writes f into h under FactsHeader, replacing any previous value. Values are query-escaped, so no
// path or server-chosen code can break the "k=v; k=v" form (or the header).
func (f Facts) Annotate(h http.Header) {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+url.QueryEscape(v))
		}
	}
	add("method", f.Method)
	add("path", f.Path)
	if f.Attempts > 0 {
		add("attempts", strconv.Itoa(f.Attempts))
	}
	add("not-repeated", f.NotRepeated)
	add("gave-up", f.GaveUp)
	if !f.RetryAt.IsZero() {
		add("retry-at", f.RetryAt.UTC().Format(time.RFC3339))
	}
	add("scope-refresh", f.ScopeRefresh)
	add("refresh-error", f.RefreshError)
	h.Set(FactsHeader, strings.Join(parts, "; "))
}

// FactsFrom reads the facts the transport wrote into h; unknown or malformed parts are ignored.
func FactsFrom(h http.Header) Facts {
	var f Facts
	for _, part := range strings.Split(h.Get(FactsHeader), ";") {
		k, raw, ok := strings.Cut(strings.TrimSpace(part), "=")
		v, err := url.QueryUnescape(raw)
		if !ok || err != nil {
			continue
		}
		switch k {
		case "method":
			f.Method = v
		case "path":
			f.Path = v
		case "attempts":
			f.Attempts, _ = strconv.Atoi(v)
		case "not-repeated":
			f.NotRepeated = v
		case "gave-up":
			f.GaveUp = v
		case "retry-at":
			f.RetryAt, _ = time.Parse(time.RFC3339, v)
		case "scope-refresh":
			f.ScopeRefresh = v
		case "refresh-error":
			f.RefreshError = v
		}
	}
	return f
}

// TransportError is a request that got no HTTP answer to hand back: the network failed (after any retries the
// transport judged safe) or the context ended while it waited. Err is the cause; errors.Is/As see through it.
type TransportError struct {
	Facts Facts
	Err   error
}

// Error names the request and the cause. The path carries no query, so no secret can appear here.
func (e *TransportError) Error() string {
	s := fmt.Sprintf("%s %s: %v", e.Facts.Method, e.Facts.Path, e.Err)
	if e.Facts.Attempts > 1 {
		s += fmt.Sprintf(" (after %d attempts)", e.Facts.Attempts)
	}
	return s
}

// Unwrap returns the cause.
func (e *TransportError) Unwrap() error { return e.Err }

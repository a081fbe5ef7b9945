package googleerr

import (
	"net/http"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/errs"
)

// Classification is what one error answer from Google means.
type Classification struct {
	Class   errs.Class
	Status  int
	Reason  string // the reason that decided the class, else the first reason Google gave, else its status string
	Domain  string // errors[].domain or ErrorInfo domain that went with Reason
	Message string // error.message (or an OAuth error_description), shortened; "" when the body had none
	// Service and Method are ErrorInfo metadata: "calendar-json.googleapis.com", "calendar.v3.CalendarList.List".
	Service string
	Method  string
	// RetryAfter is how long the server asked to wait (Retry-After header, or a time written in the message);
	// 0 when it did not say. RetryAt is the same as an instant, zero when unknown.
	RetryAfter time.Duration
	RetryAt    time.Time
	// ActivationURL is where to enable a disabled API (ErrorInfo activationUrl, a Help link or the message).
	ActivationURL string
	// AcceptedScopes are the scopes the method accepts, from WWW-Authenticate's scope= (any one of them is enough).
	AcceptedScopes []string
	// Quota names the quota that ran out, as precisely as Google said ("Queries per day", "daily limit", ...).
	Quota string
	// Retryable reports whether waiting a little and trying again may succeed: rate limits, and 408/500/502/503/504.
	Retryable bool
}

// The reasons that decide a class. Matching is exact: Google's reasons are identifiers, not prose, and a 403 whose
// text merely mentions "permission" or "scope" must not become a scope error.
func isScopeReason(r string) bool {
	return r == "insufficientPermissions" || r == "ACCESS_TOKEN_SCOPE_INSUFFICIENT"
}

func isRateReason(r string) bool {
	switch r {
	case "rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED", "concurrentLimitExceeded":
		return true
	}
	return false
}

func isQuotaReason(r string) bool {
	switch r {
	case "dailyLimitExceeded", "dailyLimitExceededUnreg", "quotaExceeded", "sharingRateLimitExceeded":
		return true
	}
	return false
}

func isDisabledReason(r string) bool {
	return r == "accessNotConfigured" || r == "SERVICE_DISABLED" || r == "API_DISABLED"
}

func isPolicyReason(r string) bool {
	return r == "domainPolicy" || r == "ACCESS_DENIED_BY_POLICY" || r == "orgPolicyViolated"
}

// OAuth error codes (token endpoint bodies, {"error":"invalid_grant"}): the sign-in is dead, or the client is.
func isAuthOAuthCode(c string) bool {
	return c == "invalid_grant" || c == "invalid_token" || c == "unauthorized" || c == "access_denied"
}

func isConfigOAuthCode(c string) bool { return c == "invalid_client" || c == "unauthorized_client" }

// Classify decides what an error answer means. It is pure (it reads only its arguments) and never panics on any
// input. now converts a retry time into a wait; a zero now leaves RetryAfter 0 for absolute retry times.
// A status below 400 yields class General; only a 403 is ever class Scope.
func Classify(status int, header http.Header, body []byte, now time.Time) Classification {
	env := parseEnvelope(body)
	auth := parseWWWAuthenticate(header.Values("WWW-Authenticate"))
	c := Classification{
		Status:         status,
		Message:        shorten(env.message),
		Service:        env.service,
		Method:         env.method,
		ActivationURL:  env.activationURL,
		AcceptedScopes: auth.scopes,
		Quota:          env.quota,
	}
	c.RetryAfter, c.RetryAt = retryAfter(header.Get("Retry-After"), env.message, now)

	pick := func(class errs.Class, match func(string) bool) bool {
		for _, r := range env.reasons {
			if match(r.reason) {
				c.Class, c.Reason, c.Domain = class, r.reason, r.domain
				return true
			}
		}
		return false
	}
	switch {
	case status < 400:
		c.Class = errs.General
	case status == http.StatusForbidden:
		switch {
		case pick(errs.Scope, isScopeReason):
		case auth.errorCode == "insufficient_scope":
			c.Class, c.Reason = errs.Scope, "insufficient_scope"
		case pick(errs.RateLimit, isRateReason):
		case pick(errs.Quota, isQuotaReason):
		case pick(errs.APIDisabled, isDisabledReason):
		case pick(errs.Policy, isPolicyReason):
		default:
			c.Class = errs.Permission
		}
	case status == http.StatusTooManyRequests:
		if !pick(errs.Quota, isQuotaReason) {
			c.Class = errs.RateLimit
			if strings.Contains(strings.ToLower(c.Quota), "per day") {
				c.Class = errs.Quota
			}
		}
	case isConfigOAuthCode(env.oauthCode):
		c.Class, c.Reason = errs.Config, env.oauthCode
	case status == http.StatusUnauthorized:
		c.Class = errs.Auth
	case isAuthOAuthCode(env.oauthCode):
		c.Class, c.Reason = errs.Auth, env.oauthCode
	case status == http.StatusNotFound || status == http.StatusGone:
		c.Class = errs.NotFound
	case status == http.StatusConflict || status == http.StatusPreconditionFailed:
		c.Class = errs.Conflict
	case status == http.StatusRequestTimeout || status >= 500:
		c.Class = errs.Server
	default:
		c.Class = errs.Invalid
	}
	if c.Reason == "" {
		c.Reason, c.Domain = env.firstReason()
	}
	if c.Class == errs.APIDisabled && c.Service == "" {
		c.Service = serviceFromActivationURL(c.ActivationURL)
	}
	if c.Class == errs.Quota && c.Quota == "" {
		c.Quota = quotaFromReason(c.Reason, c.Domain)
	}
	c.Retryable = c.Class == errs.RateLimit || c.Class == errs.Server && transientStatus(status)
	return c
}

// transientStatus is a server status worth trying again: not 501 Not Implemented, 505, and the like.
func transientStatus(status int) bool {
	switch status {
	case http.StatusRequestTimeout, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// shorten keeps a message to one readable paragraph: Google's messages are short, but a hostile or broken body
// must not flood a terminal.
func shorten(s string) string {
	s = strings.TrimSpace(s)
	const limit = 400
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func quotaFromReason(reason, domain string) string {
	switch {
	case domain == "youtube.quota":
		return "the YouTube Data API daily quota of the OAuth client's project"
	case reason == "dailyLimitExceeded" || reason == "dailyLimitExceededUnreg":
		return "the API's daily limit for the OAuth client's project"
	case reason == "sharingRateLimitExceeded":
		return "the limit on sharing notifications"
	case reason == "quotaExceeded":
		return "the usage limit of this account"
	}
	return "a quota of the OAuth client's project"
}

func serviceFromActivationURL(u string) string {
	const marker = "/apis/api/"
	i := strings.Index(u, marker)
	if i < 0 {
		return ""
	}
	rest := u[i+len(marker):]
	if j := strings.IndexAny(rest, "/?#"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

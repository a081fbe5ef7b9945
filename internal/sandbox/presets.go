package sandbox

import (
	"net/http"
	"sort"
	"strings"

	"github.com/gogcli/gog/internal/discovery"
	"github.com/gogcli/gog/internal/sandbox/gapi"
)

// presetErrors are Google's answers a fault can replay by name, each in the envelope style of the API the
// request is for (shared/google-wire.md §1–3, §7). The method-specific ones (insufficient_scope,
// invalid_credentials, api_disabled) name the request's own service and method.
func presetError(name string, m discovery.Method) *gapi.Error {
	switch name {
	case "insufficient_scope":
		return gapi.InsufficientScopes(m)
	case "invalid_credentials":
		return gapi.InvalidCredentials(m, false)
	case "rate_limit":
		return gapi.RateLimited()
	case "rate_limit_403":
		return &gapi.Error{Code: 403, Message: "Rate Limit Exceeded", Reason: "rateLimitExceeded", Domain: "usageLimits"}
	case "user_rate_limit":
		return &gapi.Error{Code: 403, Message: "User Rate Limit Exceeded", Reason: "userRateLimitExceeded", Domain: "usageLimits"}
	case "daily_limit":
		return &gapi.Error{Code: 403, Message: "Daily Limit Exceeded", Reason: "dailyLimitExceeded", Domain: "usageLimits"}
	case "quota_exceeded":
		if m.API == "youtube" {
			return &gapi.Error{Code: 403, Reason: "quotaExceeded", Domain: "youtube.quota",
				Message: `The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.`}
		}
		return &gapi.Error{Code: 403, Message: "Calendar usage limits exceeded.", Reason: "quotaExceeded", Domain: "usageLimits"}
	case "api_disabled":
		return apiDisabled(m)
	case "domain_policy":
		return gapi.Forbidden("domainPolicy", "The domain administrators have disabled this app.")
	case "not_found":
		return gapi.NotFound("")
	case "backend_error":
		return gapi.BackendError()
	case "unavailable":
		return &gapi.Error{Code: 503, Message: "The service is currently unavailable.", Status: "UNAVAILABLE"}
	}
	return nil
}

// tokenPresets are OAuth token-endpoint errors, sent in the token endpoint's own shape.
func tokenPreset(name string) (int, string) {
	switch name {
	case "invalid_grant":
		return 400, `{"error": "invalid_grant", "error_description": "Token has been expired or revoked."}`
	case "invalid_client":
		return 401, `{"error": "invalid_client", "error_description": "Unauthorized"}`
	}
	return 0, ""
}

func presetNames() []string {
	names := []string{"insufficient_scope", "invalid_credentials", "rate_limit", "rate_limit_403", "user_rate_limit",
		"daily_limit", "quota_exceeded", "api_disabled", "domain_policy", "not_found", "backend_error", "unavailable",
		"invalid_grant", "invalid_client"}
	sort.Strings(names)
	return names
}

func knownPreset(name string) bool {
	for _, n := range presetNames() {
		if n == name {
			return true
		}
	}
	return false
}

// preset renders a named answer for r.
func preset(name string, r *http.Request) (int, []byte, http.Header) {
	if status, body := tokenPreset(name); status != 0 {
		return status, []byte(body), http.Header{"Content-Type": {"application/json; charset=utf-8"}}
	}
	m, style := methodFor(r)
	e := presetError(name, m)
	h := http.Header{}
	for k, vs := range e.Header {
		h[k] = vs
	}
	return e.Code, e.Envelope(style), h
}

// methodFor is the discovery method r is for, or a stand-in naming no method when r is for none.
func methodFor(r *http.Request) (discovery.Method, gapi.Style) {
	if m, res, _ := discovery.Lookup(r.Method, r.URL.EscapedPath()); res == discovery.Found {
		return m.Method, gapi.StyleOf(m.Method)
	}
	return discovery.Method{LegacyErrors: true}, gapi.Legacy
}

// genericError is the answer to a fault that gives a status and nothing else.
func genericError(status int, r *http.Request) *gapi.Error {
	reason := map[int]string{400: "badRequest", 401: "authError", 403: "forbidden", 404: "notFound", 409: "conflict",
		410: "deleted", 412: "conditionNotMet", 429: "rateLimitExceeded", 500: "backendError", 502: "backendError",
		503: "backendError", 504: "backendError"}[status]
	if reason == "" {
		reason = strings.ToLower(strings.ReplaceAll(http.StatusText(status), " ", ""))
	}
	msg := http.StatusText(status)
	if status == 500 {
		msg = "Backend Error"
	}
	return &gapi.Error{Code: status, Message: msg, Reason: reason}
}

// apiDisabled is the 403 SERVICE_DISABLED answer for the API of m (wire doc §2).
func apiDisabled(m discovery.Method) *gapi.Error {
	api, _ := discovery.APIByName(m.API)
	title := api.Title
	if title == "" {
		title = "This API"
	}
	url := "https://console.developers.google.com/apis/api/" + m.Service + "/overview?project=000000000000"
	msg := title + " has not been used in project 000000000000 before or it is disabled. Enable it by visiting " + url +
		" then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry."
	return &gapi.Error{Code: 403, Message: msg, Reason: "accessNotConfigured", Domain: "usageLimits",
		Details: []any{gapi.ErrorInfo{Type: "type.googleapis.com/google.rpc.ErrorInfo", Reason: "SERVICE_DISABLED",
			Domain: "googleapis.com", Metadata: map[string]string{"service": m.Service, "serviceTitle": title,
				"containerInfo": "000000000000", "consumer": "projects/000000000000", "activationUrl": url}}}}
}

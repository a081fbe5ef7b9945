package gapi

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/gogcli/gog/internal/discovery"
)

// Principal is who a request acts as: the account whose data it reads, the OAuth client and the granted scopes.
type Principal struct {
	Email          string   // the account (for a service-account token with sub, the delegated user)
	ClientID       string   // OAuth client (or service account's client_id)
	Scopes         []string // granted scopes, expanded (userinfo.email, not email)
	ServiceAccount string   // the service account's client_email when the token came from a key, "" otherwise
}

// HasAnyScope reports whether the principal holds at least one of scopes.
func (p Principal) HasAnyScope(scopes []string) bool {
	for _, s := range scopes {
		if slices.Contains(p.Scopes, s) {
			return true
		}
	}
	return false
}

// Authenticator turns a bearer token into a principal. It returns ErrExpiredToken for a token past its expiry
// and ErrInvalidToken for anything else it does not accept (unknown, revoked, account gone).
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (Principal, error)
}

// Token rejections an Authenticator reports.
var (
	ErrInvalidToken = errors.New("invalid access token")
	ErrExpiredToken = errors.New("access token expired")
)

// realm is the realm Google names in WWW-Authenticate.
const realm = `Bearer realm="https://accounts.google.com/"`

// BearerToken extracts the access token from the Authorization header (or the access_token query parameter,
// which Google also accepts). present is false when neither was sent.
func BearerToken(r *http.Request) (token string, present bool) {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, tok, _ := strings.Cut(h, " ")
		if !strings.EqualFold(scheme, "Bearer") {
			return "", true // present but not a bearer token: treated as invalid, not missing
		}
		return strings.TrimSpace(tok), true
	}
	if tok := r.URL.Query().Get("access_token"); tok != "" {
		return tok, true
	}
	return "", false
}

// CredentialsMissing is the 401 for a request without credentials (wire doc §3, "Login Required.").
func CredentialsMissing(m discovery.Method) *Error {
	return &Error{
		Code: 401,
		Message: "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie " +
			"or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
		ItemMessage: "Login Required.", Reason: "required", Location: "Authorization", LocationType: "header",
		Details: []any{NewErrorInfo("CREDENTIALS_MISSING", m)},
		Header:  http.Header{"Www-Authenticate": {realm}},
	}
}

// InvalidCredentials is the 401 for a bad, expired or revoked token (wire doc §3, "Invalid Credentials").
func InvalidCredentials(m discovery.Method, expired bool) *Error {
	e := &Error{
		Code: 401,
		Message: "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or " +
			"other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
		ItemMessage: "Invalid Credentials", Reason: "authError", Location: "Authorization", LocationType: "header",
		Header: http.Header{"Www-Authenticate": {realm + `, error="invalid_token"`}},
	}
	if expired {
		e.Details = []any{NewErrorInfo("ACCESS_TOKEN_EXPIRED", m)}
	}
	return e
}

// InsufficientScopes is the 403 for a token that holds none of the method's accepted scopes (wire doc §1a/§1b),
// with WWW-Authenticate naming the scopes that would be accepted.
func InsufficientScopes(m discovery.Method) *Error {
	return &Error{
		Code: 403, Message: "Request had insufficient authentication scopes.",
		ItemMessage: "Insufficient Permission", Reason: "insufficientPermissions",
		Status:  "PERMISSION_DENIED",
		Details: []any{NewErrorInfo("ACCESS_TOKEN_SCOPE_INSUFFICIENT", m)},
		Header: http.Header{"Www-Authenticate": {realm + `, error="insufficient_scope", scope="` +
			strings.Join(m.Scopes, " ") + `"`}},
	}
}

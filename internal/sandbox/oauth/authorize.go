package oauth

import (
	"fmt"
	"html"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// codeTTL is how long an authorization code may wait to be exchanged.
const codeTTL = 10 * time.Minute

var pkceValue = regexp.MustCompile(`^[A-Za-z0-9._~-]{43,128}$`)

// serveAuthorize is GET /o/oauth2/auth and /o/oauth2/v2/auth. Consent is automatic (see Consent): the answer is
// a 302 to the loopback redirect_uri with code and state, or with error=access_denied. Problems with the client
// or the redirect URI get an error page instead of a redirect, as at Google (never redirect to an unvetted URI).
func (p *Provider) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		errorPage(w, http.StatusMethodNotAllowed, "invalid_request", "Invalid HTTP method "+r.Method)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	_ = r.ParseForm()
	q := r.Form
	clientID, redirectURI := q.Get("client_id"), q.Get("redirect_uri")
	if clientID == "" {
		errorPage(w, http.StatusBadRequest, "invalid_request", "Missing required parameter: client_id")
		return
	}
	var client clientRecord
	var clientOK bool
	var consent Consent
	var accounts []gapi.Account
	err := p.store.View(r.Context(), func(tx *store.Tx) error {
		var err error
		if client, clientOK, err = store.Get[clientRecord](tx, bucketClients, clientID); err != nil {
			return err
		}
		if consent, _, err = store.Get[Consent](tx, bucketSettings, "consent"); err != nil {
			return err
		}
		accounts, err = store.List[gapi.Account](tx, gapi.AccountsBucket, "")
		return err
	})
	if err != nil {
		errorPage(w, http.StatusInternalServerError, "server_error", "Backend Error")
		return
	}
	if !clientOK {
		errorPage(w, http.StatusUnauthorized, "invalid_client", "The OAuth client was not found.")
		return
	}
	if redirectURI == "" {
		errorPage(w, http.StatusBadRequest, "invalid_request", "Missing required parameter: redirect_uri")
		return
	}
	target, err := url.Parse(redirectURI)
	if err != nil || !isLoopback(target) {
		errorPage(w, http.StatusBadRequest, "invalid_request",
			"redirect_uri must be a loopback address (http://127.0.0.1:PORT, http://[::1]:PORT or http://localhost:PORT) for a Desktop client: "+redirectURI)
		return
	}
	state := q.Get("state")
	fail := func(code, desc string) {
		redirectWith(w, r, target, url.Values{"error": {code}, "error_description": {desc}}, state)
	}

	if q.Get("response_type") != "code" {
		fail("unsupported_response_type", "Invalid response_type: "+q.Get("response_type"))
		return
	}
	requested := NormalizeScopes(q.Get("scope"))
	if len(requested) == 0 {
		fail("invalid_request", "Missing required parameter: scope")
		return
	}
	if bad := p.unknownScopes(requested); len(bad) > 0 {
		fail("invalid_scope", "Some requested scopes were invalid. {invalid=["+strings.Join(bad, ", ")+"]}")
		return
	}
	challenge, method := q.Get("code_challenge"), q.Get("code_challenge_method")
	if challenge != "" {
		if method == "" {
			method = "plain"
		}
		if (method != "S256" && method != "plain") || !pkceValue.MatchString(challenge) {
			fail("invalid_request", "Invalid code_challenge_method or code_challenge")
			return
		}
	}
	acct, ok := pickAccount(accounts, q.Get("login_hint"))
	if !ok {
		fail("access_denied", "no sandbox account matches login_hint "+q.Get("login_hint"))
		return
	}
	if consent.Deny {
		redirectWith(w, r, target, url.Values{"error": {"access_denied"}}, state)
		return
	}
	granted := requested
	if len(consent.Grant) > 0 {
		granted = nil
		for _, s := range requested {
			if isIdentity(s) || slices.Contains(consent.Grant, s) {
				granted = append(granted, s)
			}
		}
		if len(granted) == 0 {
			redirectWith(w, r, target, url.Values{"error": {"access_denied"}}, state)
			return
		}
	}
	code := randomToken("4/0A")
	rec := codeRecord{ClientID: client.ID, RedirectURI: redirectURI, Email: acct.Email, Scopes: granted,
		Challenge: challenge, ChallengeMethod: method, Nonce: q.Get("nonce"), Expiry: p.clock.Now().Add(codeTTL)}
	if challenge == "" {
		rec.ChallengeMethod = ""
	}
	if err := p.store.Update(r.Context(), func(tx *store.Tx) error { return store.Put(tx, bucketCodes, digest(code), rec) }); err != nil {
		errorPage(w, http.StatusInternalServerError, "server_error", "Backend Error")
		return
	}
	redirectWith(w, r, target, url.Values{"code": {code}, "scope": {strings.Join(granted, " ")}}, state)
}

// pickAccount chooses the account the sandbox "signs in": login_hint's, else the first provisioned.
func pickAccount(accounts []gapi.Account, hint string) (gapi.Account, bool) {
	if hint != "" {
		for _, a := range accounts {
			if strings.EqualFold(a.Email, hint) {
				return a, true
			}
		}
		return gapi.Account{}, false
	}
	if len(accounts) == 0 {
		return gapi.Account{}, false
	}
	first := accounts[0]
	for _, a := range accounts[1:] {
		if a.Seq < first.Seq {
			first = a
		}
	}
	return first, true
}

// isLoopback accepts what Google accepts for Desktop clients: http to 127.0.0.1, [::1] or localhost, any port.
func isLoopback(u *url.URL) bool {
	if u.Scheme != "http" || u.User != nil || u.Fragment != "" {
		return false
	}
	host := u.Hostname()
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func redirectWith(w http.ResponseWriter, r *http.Request, target *url.URL, params url.Values, state string) {
	u := *target
	q := u.Query()
	for k, vs := range params {
		q[k] = vs
	}
	if state != "" {
		q.Set("state", state)
	}
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// errorPage is the HTML page Google shows for a request it will not redirect.
func errorPage(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!DOCTYPE html><html><head><title>Error %d: %s</title></head><body><h1>Error %d: %s</h1><p>%s</p></body></html>\n",
		status, code, status, code, html.EscapeString(desc))
}

package sandbox_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func noRedirect() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func TestCodeExchangeRefusesWrongVerifierAndRedirectMismatch(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	ctx := context.Background()
	conf := sb.OAuthConfig(redirect, scopeCalendarRO)
	verifier := oauth2.GenerateVerifier()

	q := authorize(t, sb, conf, oauth2.S256ChallengeOption(verifier))
	_, err := conf.Exchange(ctx, q.Get("code"), oauth2.VerifierOption(oauth2.GenerateVerifier()))
	if re := retrieveError(t, err); re.ErrorCode != "invalid_grant" || re.ErrorDescription != "Invalid code verifier." {
		t.Errorf("wrong verifier: %v", err)
	}
	q = authorize(t, sb, conf, oauth2.S256ChallengeOption(verifier))
	_, err = conf.Exchange(ctx, q.Get("code"))
	if re := retrieveError(t, err); re.ErrorCode != "invalid_grant" || re.ErrorDescription != "Missing code verifier." {
		t.Errorf("missing verifier: %v", err)
	}
	q = authorize(t, sb, conf, oauth2.S256ChallengeOption(verifier))
	other := *conf
	other.RedirectURL = "http://127.0.0.1:49153/callback"
	_, err = other.Exchange(ctx, q.Get("code"), oauth2.VerifierOption(verifier))
	if re := retrieveError(t, err); re.ErrorCode != "redirect_uri_mismatch" {
		t.Errorf("redirect mismatch: %v", err)
	}
	q = authorize(t, sb, conf)
	bad := *conf
	bad.ClientSecret = "wrong"
	_, err = bad.Exchange(ctx, q.Get("code"))
	if re := retrieveError(t, err); re.ErrorCode != "invalid_client" || re.Response.StatusCode != 401 {
		t.Errorf("wrong secret: %v", err)
	}
	if ct := retrieveError(t, err).Response.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("token endpoint Content-Type = %q", ct)
	}
	resp, err := http.PostForm(sb.URL+"/token", url.Values{"grant_type": {"password"}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(body), "unsupported_grant_type") {
		t.Errorf("unsupported grant: %d %s", resp.StatusCode, body)
	}
}

func TestAuthorizeRefusesUnknownClientsAndNonLoopbackRedirects(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	for name, c := range map[string]struct {
		conf *oauth2.Config
		code int
	}{
		"unknown client": {&oauth2.Config{ClientID: "nope", RedirectURL: redirect, Endpoint: oauth2.Endpoint{AuthURL: sb.URL + "/o/oauth2/v2/auth"}}, 401},
		"https redirect": {sb.OAuthConfig("https://evil.example.com/cb"), 400},
		"remote host":    {sb.OAuthConfig("http://10.0.0.1:8080/"), 400},
	} {
		resp, err := noRedirect().Get(c.conf.AuthCodeURL("s"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.code || resp.Header.Get("Location") != "" {
			t.Errorf("%s: %d, Location %q", name, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	for _, ok := range []string{"http://localhost:1234/", "http://[::1]:5555/cb"} {
		conf := sb.OAuthConfig(ok, scopeCalendarRO)
		resp, err := noRedirect().Get(conf.AuthCodeURL("s"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 302 || !strings.HasPrefix(resp.Header.Get("Location"), ok) {
			t.Errorf("%s refused: %d", ok, resp.StatusCode)
		}
	}
}

func TestConsentCanDenyOrGrantFewerScopes(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	conf := sb.OAuthConfig(redirect, "openid", "email", scopeCalendar, scopeDrive)

	sb.SetConsent(sandbox.Consent{Deny: true})
	if q := authorize(t, sb, conf); q.Get("error") != "access_denied" || q.Get("code") != "" || q.Get("state") != "st8" {
		t.Errorf("deny: %v", q)
	}
	sb.SetConsent(sandbox.Consent{Grant: []string{scopeDrive}})
	tok, err := conf.Exchange(context.Background(), authorize(t, sb, conf).Get("code"))
	if err != nil {
		t.Fatal(err)
	}
	scope, _ := tok.Extra("scope").(string)
	if strings.Contains(scope, scopeCalendar) || !strings.Contains(scope, scopeDrive) || !strings.Contains(scope, "openid") {
		t.Errorf("granted scope = %q, want drive + identity only", scope)
	}
	sb.SetConsent(sandbox.Consent{})
	tok, err = conf.Exchange(context.Background(), authorize(t, sb, conf).Get("code"))
	if err != nil {
		t.Fatal(err)
	}
	if scope, _ := tok.Extra("scope").(string); !strings.Contains(scope, scopeCalendar) {
		t.Errorf("after reset, scope = %q", scope)
	}
}

func TestLoginHintPicksTheAccount(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	sb.CreateAccount("ada@example.com", false)
	conf := sb.OAuthConfig(redirect, "email")
	whoami := func(opts ...oauth2.AuthCodeOption) string {
		tok, err := conf.Exchange(context.Background(), authorize(t, sb, conf, opts...).Get("code"))
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest("GET", sb.URL+"/oauth2/v3/userinfo", nil)
		req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var info map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&info)
		if info["sub"] == "" || info["email_verified"] != true {
			t.Errorf("userinfo = %v", info)
		}
		email, _ := info["email"].(string)
		return email
	}
	if got := whoami(); got != sandboxtest.Account {
		t.Errorf("default account = %q", got)
	}
	if got := whoami(oauth2.SetAuthURLParam("login_hint", "ada@example.com")); got != "ada@example.com" {
		t.Errorf("login_hint account = %q", got)
	}
	q := authorize(t, sb, conf, oauth2.SetAuthURLParam("login_hint", "nobody@example.com"))
	if q.Get("error") != "access_denied" {
		t.Errorf("unknown login_hint: %v", q)
	}
}

func TestRevokingARefreshTokenKillsItsAccessTokens(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	ctx := context.Background()
	tok := sb.MintToken(sandboxtest.Account, scopeCalendarRO)
	svc := calendarService(t, sb, tok.AccessToken)
	if _, err := svc.CalendarList.List().Do(); err != nil {
		t.Fatal(err)
	}
	resp, err := http.PostForm(sb.URL+"/revoke", url.Values{"token": {tok.RefreshToken}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("revoke: %d", resp.StatusCode)
	}
	if _, err := svc.CalendarList.List().Do(); apiError(t, err).Code != 401 {
		t.Error("access token survived the revocation of its refresh token")
	}
	conf := sb.OAuthConfig(redirect)
	_, err = conf.TokenSource(ctx, &oauth2.Token{RefreshToken: tok.RefreshToken}).Token()
	if re := retrieveError(t, err); re.ErrorCode != "invalid_grant" || re.ErrorDescription != "Token has been expired or revoked." {
		t.Errorf("refresh after revoke: %v", err)
	}
	resp, err = http.PostForm(sb.URL+"/revoke", url.Values{"token": {tok.RefreshToken}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("second revoke: %d", resp.StatusCode)
	}

	// Revoking an access token revokes its whole grant, refresh token included.
	tok2 := sb.MintToken(sandboxtest.Account, scopeCalendarRO)
	resp, _ = http.PostForm(sb.URL+"/revoke", url.Values{"token": {tok2.AccessToken}})
	resp.Body.Close()
	_, err = conf.TokenSource(ctx, &oauth2.Token{RefreshToken: tok2.RefreshToken}).Token()
	if re := retrieveError(t, err); re.ErrorCode != "invalid_grant" {
		t.Errorf("refresh after access-token revoke: %v", err)
	}
}

func TestTokeninfoReportsStringsAndRejectsBadTokens(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	tok := sb.MintToken(sandboxtest.Account, "email", scopeCalendarRO)
	resp, err := http.Get(sb.URL + "/tokeninfo?access_token=" + url.QueryEscape(tok.AccessToken))
	if err != nil {
		t.Fatal(err)
	}
	var info map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	for _, k := range []string{"azp", "aud", "sub", "scope", "exp", "expires_in", "email", "email_verified", "access_type"} {
		if _, ok := info[k].(string); !ok {
			t.Errorf("tokeninfo %s = %#v, want a string", k, info[k])
		}
	}
	if info["expires_in"] != "3599" || info["email"] != sandboxtest.Account || info["access_type"] != "offline" {
		t.Errorf("tokeninfo = %v", info)
	}
	resp, err = http.Get(sb.URL + "/tokeninfo?access_token=nope")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(body), `"invalid_token"`) {
		t.Errorf("bad token: %d %s", resp.StatusCode, body)
	}
	for _, e := range sb.Requests() {
		if strings.Contains(e.Query, tok.AccessToken) {
			t.Errorf("request log leaks the access token: %+v", e)
		}
	}
}

package sandbox_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

const redirect = "http://127.0.0.1:49152/callback"

// authorize runs the authorization endpoint without following its redirect and returns the redirect's query.
func authorize(t *testing.T, sb *sandboxtest.Sandbox, conf *oauth2.Config, opts ...oauth2.AuthCodeOption) url.Values {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(conf.AuthCodeURL("st8", opts...))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("authorize: status %d", resp.StatusCode)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || !strings.HasPrefix(loc.String(), redirect) {
		t.Fatalf("authorize redirected to %q", resp.Header.Get("Location"))
	}
	return loc.Query()
}

func retrieveError(t *testing.T, err error) *oauth2.RetrieveError {
	t.Helper()
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		t.Fatalf("want *oauth2.RetrieveError, got %T %v", err, err)
	}
	return re
}

func TestCodeFlowWithPKCEThenRefresh(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	ctx := context.Background()
	conf := sb.OAuthConfig(redirect, "openid", "email", scopeCalendarRO)
	verifier := oauth2.GenerateVerifier()
	q := authorize(t, sb, conf, oauth2.AccessTypeOffline, oauth2.S256ChallengeOption(verifier))
	if q.Get("state") != "st8" || q.Get("code") == "" {
		t.Fatalf("redirect query = %v", q)
	}
	tok, err := conf.Exchange(ctx, q.Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatal(err)
	}
	if tok.RefreshToken == "" || tok.Extra("id_token") == nil {
		t.Fatalf("exchange lacks refresh or id token: %+v", tok)
	}
	if scope, _ := tok.Extra("scope").(string); !strings.Contains(scope, "https://www.googleapis.com/auth/userinfo.email") {
		t.Errorf("scope = %q: email not expanded", scope)
	}
	if d := time.Until(tok.Expiry); d < 50*time.Minute {
		t.Errorf("expiry in %v, want ~1h", d)
	}

	// A refresh returns no new refresh token and the granted scope; x/oauth2 keeps the old refresh token.
	sb.AdvanceClock(2 * time.Hour)
	tok.Expiry = time.Now().Add(-time.Minute)
	fresh, err := conf.TokenSource(ctx, tok).Token()
	if err != nil {
		t.Fatal(err)
	}
	if fresh.AccessToken == tok.AccessToken || fresh.RefreshToken != tok.RefreshToken {
		t.Fatalf("refresh: %+v", fresh)
	}
	if _, err := calendarService(t, sb, fresh.AccessToken).CalendarList.List().Do(); err != nil {
		t.Fatalf("refreshed token refused: %v", err)
	}
	if _, err := calendarService(t, sb, tok.AccessToken).CalendarList.List().Do(); apiError(t, err).Code != 401 {
		t.Fatal("expired access token accepted")
	}

	// The code was single-use.
	_, err = conf.Exchange(ctx, q.Get("code"), oauth2.VerifierOption(verifier))
	if re := retrieveError(t, err); re.ErrorCode != "invalid_grant" || re.Response.StatusCode != 400 {
		t.Fatalf("reused code: %v", err)
	}
}

package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/clock"
)

// tokenCallTimeout bounds one token-endpoint call, so a silent endpoint cannot hang a command.
const tokenCallTimeout = 60 * time.Second

// maxTokenBody is the most of a token-endpoint answer gog reads.
const maxTokenBody = 1 << 20

// tokenResponse is a token-endpoint answer (shared/google-wire.md §4).
type tokenResponse struct {
	AccessToken  string
	TokenType    string
	RefreshToken string // empty on a refresh: Google does not rotate installed-app refresh tokens
	Scope        string // the granted set, space-separated
	ExpiresIn    int64
	Expiry       time.Time // now (by the injected clock) + expires_in
	Date         time.Time // the answer's Date header, zero when absent: the clock-skew check uses it
}

// tokenEndpoint makes token-endpoint calls: exactly one attempt each (issue 5's matrix counts them; retrying a
// refresh is the caller's decision, and a code exchange must not be repeated), through the --debug trace.
//
// It is hand-written rather than x/oauth2's Config.Exchange/TokenSource because gog needs what those hide or fix:
// expiry computed from the injected clock (x/oauth2 uses time.Now), the granted `scope` and the Date header of
// every answer, and the exact number of requests sent. Failures come back as *oauth2.RetrieveError, as x/oauth2
// makes them, so the one error classifier (internal/googleerr) maps invalid_grant and friends.
type tokenEndpoint struct {
	url   string
	http  *http.Client
	clock clock.Clock
}

func (te *tokenEndpoint) post(ctx context.Context, form url.Values) (*tokenResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, tokenCallTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, te.url, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := te.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenBody))
	if err != nil {
		return nil, fmt.Errorf("reading the token endpoint's answer: %w", err)
	}
	return te.parse(resp, body)
}

// rawToken is the JSON answer; expires_in may be a number or a string.
type rawToken struct {
	AccessToken      string          `json:"access_token"`
	TokenType        string          `json:"token_type"`
	RefreshToken     string          `json:"refresh_token"`
	Scope            string          `json:"scope"`
	ExpiresIn        json.RawMessage `json:"expires_in"`
	Error            string          `json:"error"`
	ErrorDescription string          `json:"error_description"`
	ErrorURI         string          `json:"error_uri"`
}

func (te *tokenEndpoint) parse(resp *http.Response, body []byte) (*tokenResponse, error) {
	var raw rawToken
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	parseErr := error(nil)
	if ct == "application/x-www-form-urlencoded" || ct == "text/plain" {
		v, err := url.ParseQuery(string(body))
		parseErr = err
		raw = rawToken{AccessToken: v.Get("access_token"), TokenType: v.Get("token_type"), RefreshToken: v.Get("refresh_token"),
			Scope: v.Get("scope"), Error: v.Get("error"), ErrorDescription: v.Get("error_description"), ErrorURI: v.Get("error_uri")}
		if e := v.Get("expires_in"); e != "" {
			raw.ExpiresIn = json.RawMessage(strconv.Quote(e))
		}
	} else {
		parseErr = json.Unmarshal(body, &raw)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 || raw.Error != "" {
		return nil, &oauth2.RetrieveError{Response: resp, Body: body, ErrorCode: raw.Error,
			ErrorDescription: raw.ErrorDescription, ErrorURI: raw.ErrorURI}
	}
	if parseErr != nil || raw.AccessToken == "" {
		return nil, &oauth2.RetrieveError{Response: resp, Body: body, ErrorDescription: "the token endpoint's answer has no access_token"}
	}
	out := &tokenResponse{AccessToken: raw.AccessToken, TokenType: raw.TokenType, RefreshToken: raw.RefreshToken, Scope: raw.Scope}
	out.ExpiresIn = parseExpiresIn(raw.ExpiresIn)
	now := te.clock.Now()
	if out.ExpiresIn > 0 {
		out.Expiry = now.Add(time.Duration(out.ExpiresIn) * time.Second)
	} else {
		// No expires_in: Google always sends one; treat the token as good for a short while only.
		out.Expiry = now.Add(5 * time.Minute)
	}
	if d, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
		out.Date = d
	}
	return out, nil
}

func parseExpiresIn(raw json.RawMessage) int64 {
	s := strings.Trim(strings.TrimSpace(string(raw)), `"`)
	if s == "" {
		return 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		return 0
	}
	if f > 1<<31-1 {
		f = 1<<31 - 1
	}
	return int64(f)
}

package transport_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"
	"google.golang.org/api/calendar/v3"
	"google.golang.org/api/option"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
	"github.com/gogcli/gog/internal/transport"
)

const calendarScope = "https://www.googleapis.com/auth/calendar"

// sandboxRecoverer is stored user OAuth in miniature, against the sandbox's real /token: it serves the cached
// access token and, on ForceRefresh, mints a new one from the refresh token — once per rejected token, however
// many callers ask at the same time (the property the real auth core must also have, across processes).
type sandboxRecoverer struct {
	cfg    *oauth2.Config
	client *http.Client // for /token

	mu        sync.Mutex
	current   *oauth2.Token
	refresh   string
	attempts  int // ForceRefresh calls that went to /token
	refreshes int // of which succeeded
}

func (r *sandboxRecoverer) Token(context.Context) (*oauth2.Token, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.current, nil
}

func (r *sandboxRecoverer) ForceRefresh(ctx context.Context, rejected string) (*oauth2.Token, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.current.AccessToken != rejected {
		return r.current, nil // another caller already replaced it
	}
	r.attempts++
	ctx = context.WithValue(ctx, oauth2.HTTPClient, r.client)
	tok, err := r.cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: r.refresh}).Token()
	if err != nil {
		return nil, err // the cached token stays as it was
	}
	r.refreshes++
	r.current = tok
	return tok, nil
}

func (r *sandboxRecoverer) counts() (attempts, refreshes int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.attempts, r.refreshes
}

// tokenSourceCreds is a credential that can renew itself but not recover a scope 403: ADC's authorized_user,
// a service account, or a direct token (a static source).
type tokenSourceCreds struct{ ts oauth2.TokenSource }

func (c tokenSourceCreds) Token(context.Context) (*oauth2.Token, error) { return c.ts.Token() }

type credKind int

const (
	storedOAuth credKind = iota // implements ScopeRecoverer
	directToken                 // --access-token
	adcUser                     // ADC authorized_user: refreshable, yet not recovered
)

// harness is one sandbox, one account's tokens, and gog's transport stack in front of the generated client.
type harness struct {
	sb    *sandboxtest.Sandbox
	clock *clock.Fake // the transport's clock (the sandbox keeps its own)
	rec   *sandboxRecoverer
	net   *recordingNet
	rt    http.RoundTripper
	cal   *calendar.Service
}

func newHarness(t *testing.T, kind credKind) *harness {
	t.Helper()
	return newHarnessWith(t, kind, []string{calendarScope}, nil)
}

// newHarnessWith mints a token with scopes; wrap, when set, goes between gog's transport and the network.
func newHarnessWith(t *testing.T, kind credKind, scopes []string, wrap func(http.RoundTripper) http.RoundTripper) *harness {
	t.Helper()
	sb := sandboxtest.New(t)
	tok := sb.MintToken(sandboxtest.Account, scopes...)
	// No keep-alive: Go's http.Transport silently resends an idempotent request whose reused connection was
	// hung up on, which would hide from the request log what gog's transport did.
	net := &recordingNet{base: &http.Transport{DisableKeepAlives: true}}
	h := &harness{sb: sb, clock: clock.NewFake(sandboxtest.StartTime()), net: net}
	cfg := sb.OAuthConfig("", scopes...)
	cached := &oauth2.Token{AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken, TokenType: "Bearer",
		Expiry: time.Now().Add(time.Hour)}
	var creds transport.Credentials
	switch kind {
	case storedOAuth:
		h.rec = &sandboxRecoverer{cfg: cfg, client: &http.Client{Transport: net}, current: cached, refresh: tok.RefreshToken}
		creds = h.rec
	case directToken:
		creds = tokenSourceCreds{oauth2.StaticTokenSource(cached)}
	case adcUser:
		ctx := context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{Transport: net})
		creds = tokenSourceCreds{oauth2.ReuseTokenSource(cached, cfg.TokenSource(ctx, cached))}
	}
	var base http.RoundTripper = net
	if wrap != nil {
		base = wrap(net)
	}
	h.rt = transport.New(transport.Options{Base: base, Credentials: creds, Clock: h.clock, Rand: func() float64 { return 0.5 }})
	var err error
	h.cal, err = calendar.NewService(context.Background(), option.WithEndpoint(sb.URL+"/calendar/v3/"),
		option.WithHTTPClient(&http.Client{Transport: h.rt}))
	if err != nil {
		t.Fatal(err)
	}
	sb.ClearRequests()
	return h
}

// log is the sandbox's request log as "METHOD /path STATUS" lines.
func (h *harness) log() []string {
	var out []string
	for _, e := range h.sb.Requests() {
		out = append(out, fmt.Sprintf("%s %s %d", e.Method, e.Path, e.Status))
	}
	return out
}

// recordingNet is the network, keeping a copy of every answer exactly as it arrived, to compare with what the
// caller finally got.
type recordingNet struct {
	base http.RoundTripper
	mu   sync.Mutex
	got  []arrived
}

type arrived struct {
	status int
	header http.Header
	body   []byte
}

func (n *recordingNet) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := n.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	n.mu.Lock()
	n.got = append(n.got, arrived{resp.StatusCode, resp.Header.Clone(), body})
	n.mu.Unlock()
	return resp, nil
}

func (n *recordingNet) first() arrived {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.got[0]
}

// unsizedBody has no length and no GetBody: a streamed upload, which cannot be sent twice.
type unsizedBody struct{ io.Reader }

// faultOn is a fault that answers every matching request until cleared, or `times` of them.
func faultOn(method, path, preset string, times int) sandbox.Fault {
	return sandbox.Fault{Method: method, PathPrefix: path, Preset: preset, Times: times}
}

package transport

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/clock"
)

// fakeNet is a scripted network: each request gets the next reply (the last one repeats), and every request is
// recorded as the server saw it.
type fakeNet struct {
	mu      sync.Mutex
	replies []reply
	seen    []seenReq
}

type reply struct {
	status int
	header http.Header
	body   string
	err    error
}

type seenReq struct {
	method, path, auth, body string
}

func (f *fakeNet) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		_ = req.Body.Close()
	}
	f.mu.Lock()
	f.seen = append(f.seen, seenReq{req.Method, req.URL.Path, req.Header.Get("Authorization"), string(body)})
	r := f.replies[0]
	if len(f.replies) > 1 {
		f.replies = f.replies[1:]
	}
	f.mu.Unlock()
	if r.err != nil {
		return nil, r.err
	}
	h := http.Header{"Content-Type": {"application/json; charset=UTF-8"}}
	for k, v := range r.header {
		h[k] = v
	}
	return &http.Response{StatusCode: r.status, Header: h, Body: io.NopCloser(strings.NewReader(r.body)), Request: req}, nil
}

func (f *fakeNet) requests() []seenReq {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seenReq(nil), f.seen...)
}

func script(replies ...reply) *fakeNet { return &fakeNet{replies: replies} }

// staticCreds is a credential that cannot be refreshed (a direct token, ADC, a service account).
type staticCreds struct{ token string }

func (s staticCreds) Token(context.Context) (*oauth2.Token, error) {
	return &oauth2.Token{AccessToken: s.token, TokenType: "Bearer"}, nil
}

// refreshingCreds is stored user OAuth in miniature: a cached token, ForceRefresh coalescing on the rejected token.
type refreshingCreds struct {
	mu        sync.Mutex
	current   string
	next      []string // tokens each refresh mints, in order
	refreshes int
	rejected  []string
	fail      error
}

func (c *refreshingCreds) Token(context.Context) (*oauth2.Token, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return &oauth2.Token{AccessToken: c.current, TokenType: "Bearer"}, nil
}

func (c *refreshingCreds) ForceRefresh(_ context.Context, rejected string) (*oauth2.Token, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rejected = append(c.rejected, rejected)
	if c.fail != nil {
		return nil, c.fail
	}
	if rejected != c.current { // someone else already replaced it
		return &oauth2.Token{AccessToken: c.current, TokenType: "Bearer"}, nil
	}
	c.refreshes++
	c.current = c.next[0]
	c.next = c.next[1:]
	return &oauth2.Token{AccessToken: c.current, TokenType: "Bearer"}, nil
}

func (c *refreshingCreds) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.refreshes
}

var epoch = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

type rig struct {
	net   *fakeNet
	clock *clock.Fake
	rt    http.RoundTripper
	debug *bytes.Buffer
}

func newRig(t *testing.T, net *fakeNet, creds Credentials, mutate ...func(*Options)) *rig {
	t.Helper()
	r := &rig{net: net, clock: clock.NewFake(epoch), debug: &bytes.Buffer{}}
	opts := Options{Base: net, Credentials: creds, Clock: r.clock, Rand: func() float64 { return 0.5 }, Debug: &syncWriter{w: r.debug}}
	for _, m := range mutate {
		m(&opts)
	}
	r.rt = New(opts)
	return r
}

// do sends a request and returns the status and the whole body the caller can read.
func (r *rig) do(t *testing.T, ctx context.Context, method, url string, body io.Reader) (*http.Response, string, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := r.rt.RoundTrip(req)
	if err != nil {
		return nil, "", err
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading body: %v", err)
	}
	_ = resp.Body.Close()
	return resp, string(b), nil
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// Bodies in Google's shapes (shared/google-wire.md).
const (
	scope403 = `{"error":{"code":403,"message":"Request had insufficient authentication scopes.","errors":[{"message":"Insufficient Permission","domain":"global","reason":"insufficientPermissions"}],"status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com","metadata":{"service":"calendar-json.googleapis.com","method":"calendar.v3.CalendarList.List"}}]}}`
	rate429  = `{"error":{"errors":[{"domain":"usageLimits","reason":"rateLimitExceeded","message":"Rate Limit Exceeded"}],"code":429,"message":"Rate Limit Exceeded"}}`
	rate403  = `{"error":{"errors":[{"domain":"usageLimits","reason":"userRateLimitExceeded","message":"User Rate Limit Exceeded"}],"code":403,"message":"User Rate Limit Exceeded"}}`
	quota403 = `{"error":{"errors":[{"domain":"usageLimits","reason":"dailyLimitExceeded","message":"Daily Limit Exceeded"}],"code":403,"message":"Daily Limit Exceeded"}}`
	plain403 = `{"error":{"errors":[{"domain":"calendar","reason":"requiredAccessLevel","message":"You need to have writer access to this calendar."}],"code":403,"message":"You need to have writer access to this calendar."}}`
	err503   = `{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}`
	ok200    = `{"items":[]}`
)

const listURL = "https://www.googleapis.com/calendar/v3/users/me/calendarList"
const insertURL = "https://www.googleapis.com/calendar/v3/calendars/primary/events"

// Package sandboxtest starts a sandbox for a test: over httptest on a t.TempDir(), with a clock.Fake, the demo
// account provisioned and an OAuth client ready, plus typed helpers for the control API.
//
// The helpers go through the control API over HTTP (not the Go methods), so every test that uses them also
// exercises the API users script with curl. They fail the test on any error; none of them sleeps.
//
//	sb := sandboxtest.New(t)
//	tok := sb.MintToken(sandboxtest.Account, "https://www.googleapis.com/auth/calendar.readonly")
//	svc, _ := calendar.NewService(ctx, option.WithEndpoint(sb.URL+"/calendar/v3/"),
//		option.WithHTTPClient(sb.BearerClient(tok.AccessToken)))
//	sb.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/", Preset: "insufficient_scope", Times: 1})
package sandboxtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/sandbox"
)

// Account is the seeded account every test sandbox has (unless Options.NoAccount).
const Account = sandbox.DefaultAccount

// StartTime is where every test sandbox's fake clock starts: Monday 2 March 2026, 09:00 UTC.
func StartTime() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }

// Options tune NewWith. The zero value is what New uses.
type Options struct {
	StateDir  string        // default t.TempDir(); pass an old sandbox's StateDir to test a restart
	Clock     *clock.Fake   // default clock.NewFake(StartTime())
	Latency   time.Duration // sandbox.Options.Latency
	TokenTTL  time.Duration // sandbox.Options.TokenTTL (default 1h)
	NoAccount bool          // do not provision Account
}

// Sandbox is a running test sandbox.
type Sandbox struct {
	URL      string          // base URL, e.g. http://127.0.0.1:PORT (no trailing slash)
	Server   *sandbox.Server // the Go-level sandbox (Server.Transport() for in-process calls)
	Clock    *clock.Fake     // the base clock; AdvanceClock moves the sandbox's offset instead
	StateDir string
	Client   Client // an OAuth client created at start; MintToken uses it
	t        testing.TB
	ts       *httptest.Server
}

// Client is an OAuth client of the sandbox.
type Client struct {
	ID, Secret string
	JSON       []byte // Google's Desktop-client JSON
}

// New starts a sandbox with the defaults; it is shut down when the test ends.
func New(t testing.TB) *Sandbox { return NewWith(t, Options{}) }

// NewWith starts a sandbox with options.
func NewWith(t testing.TB, o Options) *Sandbox {
	t.Helper()
	if o.StateDir == "" {
		o.StateDir = t.TempDir()
	}
	if o.Clock == nil {
		o.Clock = clock.NewFake(StartTime())
	}
	ts := httptest.NewUnstartedServer(http.NotFoundHandler())
	base := "http://" + ts.Listener.Addr().String()
	srv, err := sandbox.Open(context.Background(), sandbox.Options{StateDir: o.StateDir, Clock: o.Clock,
		Latency: o.Latency, TokenTTL: o.TokenTTL, BaseURL: base, NoSync: true})
	if err != nil {
		ts.Close()
		t.Fatalf("sandboxtest: open sandbox: %v", err)
	}
	ts.Config.Handler = srv.Handler()
	ts.Start()
	s := &Sandbox{URL: base, Server: srv, Clock: o.Clock, StateDir: o.StateDir, t: t, ts: ts}
	t.Cleanup(s.Close)
	if !o.NoAccount {
		s.CreateAccount(Account, true)
	}
	s.Client = s.CreateClient()
	return s
}

// Close stops the server and closes the state (a later NewWith on the same StateDir is a restart). It is
// safe to call more than once; the test's cleanup calls it too.
func (s *Sandbox) Close() {
	s.ts.Close()
	if err := s.Server.Close(); err != nil {
		s.t.Errorf("sandboxtest: close: %v", err)
	}
}

// control calls the control API and decodes the answer into out (when non-nil); a non-2xx answer fails the test.
func (s *Sandbox) control(method, path string, in, out any) {
	s.t.Helper()
	var body io.Reader
	if in != nil {
		raw, err := json.Marshal(in)
		if err != nil {
			s.t.Fatalf("sandboxtest: %v", err)
		}
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, s.URL+path, body)
	if err != nil {
		s.t.Fatalf("sandboxtest: %v", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatalf("sandboxtest: %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		s.t.Fatalf("sandboxtest: %s %s: %d %s", method, path, resp.StatusCode, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			s.t.Fatalf("sandboxtest: %s %s: decode %s: %v", method, path, raw, err)
		}
	}
}

// CreateAccount provisions an account (with demo data when seed); an existing one is left alone.
func (s *Sandbox) CreateAccount(email string, seed bool) {
	s.t.Helper()
	s.control("POST", "/_sandbox/accounts", sandbox.AccountSpec{Email: email, Seed: seed}, nil)
}

// CreateClient registers a new Desktop OAuth client.
func (s *Sandbox) CreateClient() Client {
	s.t.Helper()
	var raw json.RawMessage
	s.control("POST", "/_sandbox/clients", nil, &raw)
	var parsed struct {
		Installed struct {
			ClientID     string `json:"client_id"`
			ClientSecret string `json:"client_secret"`
		} `json:"installed"`
	}
	if err := json.Unmarshal(raw, &parsed); err != nil {
		s.t.Fatalf("sandboxtest: client JSON: %v", err)
	}
	return Client{ID: parsed.Installed.ClientID, Secret: parsed.Installed.ClientSecret, JSON: raw}
}

// MintToken issues tokens for email with scopes, for s.Client (email/profile aliases allowed).
func (s *Sandbox) MintToken(email string, scopes ...string) sandbox.TokenResponse {
	s.t.Helper()
	var out sandbox.TokenResponse
	s.control("POST", "/_sandbox/tokens", sandbox.TokenRequest{Email: email, Scopes: scopes, ClientID: s.Client.ID}, &out)
	return out
}

// AddFault activates a fault and returns its id.
func (s *Sandbox) AddFault(f sandbox.Fault) string {
	s.t.Helper()
	var out struct {
		ID string `json:"id"`
	}
	s.control("POST", "/_sandbox/faults", f, &out)
	return out.ID
}

// ClearFaults removes every fault.
func (s *Sandbox) ClearFaults() {
	s.t.Helper()
	s.control("DELETE", "/_sandbox/faults", nil, nil)
}

// Requests returns the request log (every Google-path request, /token included, oldest first).
func (s *Sandbox) Requests() []sandbox.RequestEntry {
	s.t.Helper()
	var out struct {
		Requests []sandbox.RequestEntry `json:"requests"`
	}
	s.control("GET", "/_sandbox/requests", nil, &out)
	return out.Requests
}

// ClearRequests empties the request log.
func (s *Sandbox) ClearRequests() {
	s.t.Helper()
	s.control("DELETE", "/_sandbox/requests", nil, nil)
}

// AdvanceClock moves the sandbox clock forward (token expiry, event times) and returns the new sandbox time.
func (s *Sandbox) AdvanceClock(d time.Duration) time.Time {
	s.t.Helper()
	var out struct {
		Now time.Time `json:"now"`
	}
	s.control("POST", "/_sandbox/clock", map[string]float64{"advance_seconds": d.Seconds()}, &out)
	return out.Now
}

// SetConsent sets how the authorization endpoint answers from now on.
func (s *Sandbox) SetConsent(c sandbox.Consent) {
	s.t.Helper()
	s.control("POST", "/_sandbox/consent", c, nil)
}

// ServiceAccountKey issues a service-account key JSON (Google's format; token_uri points at the sandbox).
func (s *Sandbox) ServiceAccountKey(name string) []byte {
	s.t.Helper()
	var raw json.RawMessage
	s.control("POST", "/_sandbox/service-accounts", map[string]string{"name": name}, &raw)
	return raw
}

// OAuthConfig is an x/oauth2 config for s.Client against this sandbox (credentials in the form body, as
// Google's endpoint wants).
func (s *Sandbox) OAuthConfig(redirectURL string, scopes ...string) *oauth2.Config {
	return &oauth2.Config{ClientID: s.Client.ID, ClientSecret: s.Client.Secret, RedirectURL: redirectURL, Scopes: scopes,
		Endpoint: oauth2.Endpoint{AuthURL: s.URL + "/o/oauth2/auth", TokenURL: s.URL + "/token", AuthStyle: oauth2.AuthStyleInParams}}
}

// BearerClient is an HTTP client that sends a fixed access token (for the generated clients'
// option.WithHTTPClient).
func (s *Sandbox) BearerClient(accessToken string) *http.Client {
	return &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: accessToken})}}
}

// String identifies the sandbox in test output.
func (s *Sandbox) String() string { return fmt.Sprintf("sandbox at %s (state %s)", s.URL, s.StateDir) }

package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/endpoints"
	"github.com/gogcli/gog/internal/secrets"
)

// fakeEndpoint is a minimal token endpoint for the core's unit tests (the flows are tested against the sandbox):
// it counts calls, mints numbered access tokens, and fails on demand.
type fakeEndpoint struct {
	clk *clock.Fake

	mu        sync.Mutex
	calls     map[string]int // by grant_type
	forms     []url.Values
	minted    int
	failCode  string // error code every /token call answers with, "" for none
	status    int    // with failCode: the HTTP status
	scope     string // granted scope answered
	rotate    bool   // answer refreshes with a new refresh token
	onRefresh func() // runs inside a refresh call, before it answers
}

func newFakeEndpoint(clk *clock.Fake) *fakeEndpoint {
	return &fakeEndpoint{clk: clk, calls: map[string]int{}, scope: "openid https://www.googleapis.com/auth/calendar"}
}

func (f *fakeEndpoint) count(grant string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[grant]
}

func (f *fakeEndpoint) RoundTrip(req *http.Request) (*http.Response, error) {
	switch req.URL.Path {
	case "/token":
	case "/revoke":
		return jsonResp(http.StatusOK, `{}`), nil
	default:
		return jsonResp(http.StatusNotFound, `{"error":"not_found"}`), nil
	}
	body, _ := io.ReadAll(req.Body)
	form, _ := url.ParseQuery(string(body))
	grant := form.Get("grant_type")
	f.mu.Lock()
	f.calls[grant]++
	f.forms = append(f.forms, form)
	hook := f.onRefresh
	f.mu.Unlock()
	if hook != nil && grant == "refresh_token" {
		hook()
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failCode != "" {
		return jsonResp(f.status, fmt.Sprintf(`{"error":%q,"error_description":"Token has been expired or revoked."}`, f.failCode)), nil
	}
	f.minted++
	out := map[string]any{"access_token": fmt.Sprintf("ya29.token-%d", f.minted), "expires_in": 3599,
		"token_type": "Bearer", "scope": f.scope}
	if f.rotate && grant == "refresh_token" {
		out["refresh_token"] = fmt.Sprintf("1//rotated-%d", f.minted)
	}
	raw, _ := json.Marshal(out)
	resp := jsonResp(http.StatusOK, string(raw))
	resp.Header.Set("Date", f.clk.Now().UTC().Format(http.TimeFormat))
	return resp, nil
}

func jsonResp(status int, body string) *http.Response {
	return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"application/json; charset=utf-8"}},
		Body: io.NopCloser(strings.NewReader(body))}
}

// testRealm is where the unit tests' credentials live.
const testBase = "http://fake.test"

// world is one machine: a store, a locks dir, a fake clock, a fake endpoint. Each newManager call is one process.
type world struct {
	t     *testing.T
	clk   *clock.Fake
	fake  *fakeEndpoint
	store secrets.Store
	locks string
}

func newWorld(t *testing.T) *world {
	t.Helper()
	clk := clock.NewFake(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	return &world{t: t, clk: clk, fake: newFakeEndpoint(clk), store: secrets.NewMemory(), locks: t.TempDir()}
}

func (w *world) newManager() *Manager {
	return NewManager(Options{
		Endpoints: endpoints.Override(testBase),
		HTTP:      w.fake,
		OpenStore: func(context.Context) (secrets.Store, error) { return w.store, nil },
		LocksDir:  w.locks,
		Clock:     w.clk,
	})
}

// signedIn stores a client and a sign-in whose access token expires at expiry.
func (w *world) signedIn(email string, expiry time.Time) *Manager {
	w.t.Helper()
	m := w.newManager()
	ctx := context.Background()
	if err := m.SaveClient(ctx, &ClientCredentials{Name: DefaultClientName, ClientID: "cid", ClientSecret: "GOCSPX-secret"}); err != nil {
		w.t.Fatal(err)
	}
	rec := &TokenRecord{Realm: m.Realm(), Email: email, Client: DefaultClientName, RefreshToken: "1//refresh-" + email,
		AccessToken: "ya29.cached", TokenType: "Bearer", Expiry: expiry, Granted: []string{"openid"}, Generation: 1}
	if err := m.putRecord(ctx, rec); err != nil {
		w.t.Fatal(err)
	}
	return m
}

func (w *world) record(email string) *TokenRecord {
	w.t.Helper()
	rec, err := w.newManager().Record(context.Background(), email)
	if err != nil || rec == nil {
		w.t.Fatalf("record %s: %v %v", email, rec, err)
	}
	return rec
}

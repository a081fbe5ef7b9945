package auth

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/gogcli/gog/internal/endpoints"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
	"github.com/gogcli/gog/internal/secrets"
)

// recorder is the network under a Manager: it passes requests on and remembers them (and can rewrite answers).
type recorder struct {
	next http.RoundTripper
	mu   sync.Mutex
	reqs []recorded
	// rewrite, when set, may change an answer before the Manager sees it; before may change a request.
	rewrite func(req *http.Request, resp *http.Response)
	before  func(req *http.Request)
}

type recorded struct {
	method, url string
	form        url.Values
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	rec := recorded{method: req.Method, url: req.URL.String()}
	if req.Body != nil {
		b, _ := io.ReadAll(req.Body)
		req.Body.Close()
		rec.form, _ = url.ParseQuery(string(b))
		req.Body = io.NopCloser(bytes.NewReader(b))
	}
	r.mu.Lock()
	r.reqs = append(r.reqs, rec)
	rw, before := r.rewrite, r.before
	r.mu.Unlock()
	if before != nil {
		req = req.Clone(req.Context())
		before(req)
	}
	resp, err := r.next.RoundTrip(req)
	if err == nil && rw != nil {
		rw(req, resp)
	}
	return resp, err
}

func (r *recorder) find(pathSuffix string) []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []recorded
	for _, x := range r.reqs {
		if u, _ := url.Parse(x.url); u != nil && strings.HasSuffix(u.Path, pathSuffix) {
			out = append(out, x)
		}
	}
	return out
}

// sbWorld is a machine signing in to a sandbox served on loopback.
type sbWorld struct {
	t     *testing.T
	sb    *sandboxtest.Sandbox
	net   *recorder
	store secrets.Store
	locks string
}

func newSandboxWorld(t *testing.T) *sbWorld {
	t.Helper()
	sb := sandboxtest.New(t)
	return &sbWorld{t: t, sb: sb, net: &recorder{next: http.DefaultTransport}, store: secrets.NewMemory(), locks: t.TempDir()}
}

func (w *sbWorld) manager() *Manager {
	return NewManager(Options{Endpoints: endpoints.Override(w.sb.URL), HTTP: w.net, Clock: w.sb.Clock, LocksDir: w.locks,
		OpenStore: func(context.Context) (secrets.Store, error) { return w.store, nil }})
}

// withClient stores the sandbox's OAuth client as the default client and returns a Manager.
func (w *sbWorld) withClient() *Manager {
	w.t.Helper()
	m := w.manager()
	c, err := ParseClientJSON(w.sb.Client.JSON, m.Realm())
	if err != nil {
		w.t.Fatal(err)
	}
	c.Name = DefaultClientName
	if err := m.SaveClient(context.Background(), c); err != nil {
		w.t.Fatal(err)
	}
	return m
}

func (w *sbWorld) tokenCalls() int {
	n := 0
	for _, r := range w.sb.Requests() {
		if r.Path == "/token" {
			n++
		}
	}
	return n
}

// follow fetches a consent URL from the sandbox without following the redirect and returns where it points.
func (w *sbWorld) follow(authURL string) string {
	w.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, authURL, nil)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if loc == "" {
		w.t.Fatalf("consent answered %d without a redirect", resp.StatusCode)
	}
	return loc
}

package auth

import (
	"context"
	"io"
	"net/http"
	"sync"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/endpoints"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/secrets"
	"github.com/gogcli/gog/internal/transport"
)

// Options configure a Manager: where OAuth calls go, where secrets and locks live, how to reach a person.
type Options struct {
	Endpoints endpoints.Endpoints // Google's, or one base URL (--endpoint / --sandbox); decides the realm
	// HTTP is the base RoundTripper for OAuth calls (token, userinfo, revoke, the consent redirect): the network,
	// or the in-process sandbox. nil = http.DefaultTransport.
	HTTP http.RoundTripper
	// OpenStore opens the secret store; it is called at most once, and only by operations that need it
	// (a direct access token or ADC never opens the store).
	OpenStore func(ctx context.Context) (secrets.Store, error)
	LocksDir  string      // per-(realm, account) refresh lock files
	Clock     clock.Clock // nil = clock.Real{}
	Debug     io.Writer   // --debug trace of token-endpoint calls; nil = off
	Warn      io.Writer   // notes for a person (stderr); nil = discarded
	// Command is how a person runs gog against this realm, for hints: "gog", "gog --sandbox",
	// "gog --endpoint URL". "" = "gog".
	Command string
	// OpenBrowser opens a URL in the user's browser; nil = never (the URL is always printed).
	OpenBrowser func(ctx context.Context, url string) error
}

// Manager is the auth core for one realm: stored clients, signed-in users, service-account keys, sign-in flows,
// and the credentials the transport uses. One Manager per gog run; it hands out one UserCredentials per account,
// so every goroutine of the run shares one in-memory token and one refresh.
type Manager struct {
	opts  Options
	realm Realm

	mu       sync.Mutex
	store    secrets.Store
	storeErr error
	opened   bool
	users    map[string]*UserCredentials
}

// NewManager returns a Manager.
func NewManager(opts Options) *Manager {
	if opts.Clock == nil {
		opts.Clock = clock.Real{}
	}
	if opts.HTTP == nil {
		opts.HTTP = http.DefaultTransport
	}
	if opts.Warn == nil {
		opts.Warn = io.Discard
	}
	if opts.Command == "" {
		opts.Command = "gog"
	}
	return &Manager{opts: opts, realm: RealmOf(opts.Endpoints), users: map[string]*UserCredentials{}}
}

// Realm returns the realm this Manager works in.
func (m *Manager) Realm() Realm { return m.realm }

// Command returns how a person runs gog against this realm ("gog", "gog --endpoint URL", ...).
func (m *Manager) Command() string { return m.opts.Command }

// Store returns the secret store, opening it on first use.
func (m *Manager) Store(ctx context.Context) (secrets.Store, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.opened {
		if m.opts.OpenStore == nil {
			m.storeErr = errs.New(errs.Config, "no secret store is configured").WithHint("this is a bug in gog: please report it")
		} else {
			m.store, m.storeErr = m.opts.OpenStore(ctx)
		}
		m.opened = true
	}
	return m.store, m.storeErr
}

// httpClient is the client for OAuth calls: traced under --debug, never following redirects on its own (the
// consent redirect is read, not followed; the token endpoint never redirects).
func (m *Manager) httpClient() *http.Client {
	return &http.Client{
		Transport:     transport.NewTrace(m.opts.HTTP, m.opts.Debug, m.opts.Clock),
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

func (m *Manager) tokenEndpoint(tokenURL string) *tokenEndpoint {
	if tokenURL == "" {
		tokenURL = m.opts.Endpoints.TokenURL()
	}
	return &tokenEndpoint{url: tokenURL, http: m.httpClient(), clock: m.opts.Clock}
}

func (m *Manager) lock(account string) *fileLock {
	return newFileLock(m.opts.LocksDir, m.realm, account, m.opts.Clock)
}

package sandbox

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/oauth"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// InProcessBaseURL is the base URL used with Transport(): a reserved .invalid host, so a request meant for the
// in-process sandbox can never reach a real network by mistake.
const InProcessBaseURL = "http://sandbox.gog.invalid"

// DefaultAccount is the account `gog --sandbox` provisions with demo data.
const DefaultAccount = "you@example.com"

// Options configure a sandbox.
type Options struct {
	StateDir string        // the store lives here (created 0700); required
	Clock    clock.Clock   // base clock, default clock.Real{}; sandbox time = base + a persisted offset
	Latency  time.Duration // added (via Clock.Sleep, honouring the request context) to every Google-path request
	TokenTTL time.Duration // access-token lifetime, default 1h
	BaseURL  string        // how clients reach it: used in client JSON, token_uri, service-account keys
	// LockWait bounds how long Open waits for another process holding the same StateDir (default 30s).
	LockWait time.Duration
	// AllowNonLoopback lets Serve listen on a non-loopback address. Off by default: the control API mints tokens
	// without authentication, so it must not be reachable from other machines by accident.
	AllowNonLoopback bool
	// NoSync skips fsync on every commit: much faster, not crash-safe. For tests (sandboxtest sets it).
	NoSync bool
}

// Server is an open sandbox. Its methods and Handler are safe for concurrent use.
type Server struct {
	opts    Options
	store   *store.Store
	clock   *sandboxClock
	oauth   *oauth.Provider
	router  *gapi.Router
	apis    []gapi.API
	faults  *faultSet
	log     *requestLog
	control http.Handler
	closed  sync.Once
	cerr    error
}

// Open opens (creating if needed) the sandbox state in opts.StateDir. When another process has the same state
// open, Open waits for it, bounded by ctx and opts.LockWait.
func Open(ctx context.Context, opts Options) (*Server, error) {
	if opts.StateDir == "" {
		return nil, errors.New("sandbox: Options.StateDir is required")
	}
	if opts.Clock == nil {
		opts.Clock = clock.Real{}
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = time.Hour
	}
	if opts.BaseURL == "" {
		opts.BaseURL = InProcessBaseURL
	}
	if err := store.EnsureDir(opts.StateDir); err != nil {
		return nil, fmt.Errorf("sandbox: state directory: %w", err)
	}
	st, err := store.Open(ctx, filepath.Join(opts.StateDir, "sandbox.db"),
		store.Options{Clock: opts.Clock, LockWait: opts.LockWait, NoSync: opts.NoSync})
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, store: st, log: newRequestLog(maxLogEntries)}
	if err := s.init(ctx); err != nil {
		_ = st.Close()
		return nil, err
	}
	return s, nil
}

func (s *Server) init(ctx context.Context) error {
	offset, err := loadClockOffset(ctx, s.store)
	if err != nil {
		return err
	}
	s.clock = &sandboxClock{base: s.opts.Clock}
	s.clock.offset.Store(int64(offset))
	if s.oauth, err = oauth.New(s.store, s.clock, s.opts.BaseURL, s.opts.TokenTTL); err != nil {
		return err
	}
	if err := s.oauth.Prune(ctx); err != nil {
		return err
	}
	if s.faults, err = loadFaults(ctx, s.store); err != nil {
		return err
	}
	s.router = gapi.NewRouter(s.oauth, s.clock)
	s.apis = apis(gapi.Env{Store: s.store, Clock: s.clock, BaseURL: s.opts.BaseURL})
	for _, a := range s.apis {
		a.Register(s.router)
	}
	s.control = s.controlMux()
	return nil
}

// Handler serves everything: Google's paths (OAuth and APIs) and the control API under /_sandbox/.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// Transport returns a RoundTripper that hands requests straight to Handler, without a socket, whatever their
// host (use InProcessBaseURL). It honours each request's context.
func (s *Server) Transport() http.RoundTripper { return &inProcess{h: s.Handler()} }

// BaseURL is how clients reach this sandbox.
func (s *Server) BaseURL() string { return s.opts.BaseURL }

// Now is the sandbox's current time (base clock plus the control API's offset).
func (s *Server) Now() time.Time { return s.clock.Now() }

// Close saves and releases the state. It is safe to call more than once.
func (s *Server) Close() error {
	s.closed.Do(func() { s.cerr = s.store.Close() })
	return s.cerr
}

// sandboxClock is the base clock moved forward by the control API's offset; waits use the base clock.
type sandboxClock struct {
	base   clock.Clock
	offset atomic.Int64 // nanoseconds
}

func (c *sandboxClock) Now() time.Time { return c.base.Now().Add(time.Duration(c.offset.Load())) }

func (c *sandboxClock) Sleep(ctx context.Context, d time.Duration) error { return c.base.Sleep(ctx, d) }

const bucketSettings = "sandbox/settings"

func loadClockOffset(ctx context.Context, st *store.Store) (time.Duration, error) {
	var off time.Duration
	err := st.View(ctx, func(tx *store.Tx) error {
		var err error
		off, _, err = store.Get[time.Duration](tx, bucketSettings, "clock_offset")
		return err
	})
	return off, err
}

// AdvanceClock moves the sandbox clock forward by d (persisted) and returns the new time.
func (s *Server) AdvanceClock(ctx context.Context, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, errors.New("the sandbox clock only moves forward")
	}
	var next time.Duration
	err := s.store.Update(ctx, func(tx *store.Tx) error {
		off, _, err := store.Get[time.Duration](tx, bucketSettings, "clock_offset")
		if err != nil {
			return err
		}
		next = off + d
		return store.Put(tx, bucketSettings, "clock_offset", next)
	})
	if err != nil {
		return time.Time{}, err
	}
	s.clock.offset.Store(int64(next))
	return s.clock.Now(), nil
}

package app

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/gogcli/gog/internal/endpoints"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/google"
	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/transport"
)

// SandboxAccount is the account the embedded sandbox provisions and signs in on first use.
const SandboxAccount = "you@example.com"

// Target is where Google calls go for this run: Google itself, a base URL (--endpoint), or the in-process
// sandbox (--sandbox). Sign-in flows use it too, so OAuth endpoints follow the same choice.
type Target struct {
	Endpoints endpoints.Endpoints
	Base      http.RoundTripper // the network, or the in-process sandbox
	Sandbox   *sandbox.Server   // non-nil only under --sandbox
}

// Resolved is who this run acts as and with which credentials (decided by the auth core in one place).
type Resolved struct {
	Account     string
	Mode        string   // "oauth", "access-token", "adc", "service-account"
	Granted     []string // the scopes the credentials carry, when known
	Credentials transport.Credentials
}

// Connection is how this run reaches Google: where, as whom, over which transport stack.
type Connection struct {
	Target
	Resolved
	Clients *google.Clients
}

// Target opens (once) where calls go. Under --sandbox it opens the embedded sandbox's store, provisions the
// demo account on first use and closes the store when the command finishes.
func (a *App) Target(ctx context.Context) (*Target, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.target != nil {
		return a.target, nil
	}
	t := &Target{Base: a.Network}
	switch {
	case a.Flags.Sandbox:
		sb, err := sandbox.Open(ctx, sandbox.Options{StateDir: a.Paths.SandboxDir(), Clock: a.Clock, BaseURL: sandbox.InProcessBaseURL})
		if err != nil {
			return nil, errs.Wrap(err, errs.Config, "cannot open the sandbox in %s: %v", a.Paths.SandboxDir(), err).
				WithHint("remove that directory to start the sandbox afresh, or set GOG_HOME elsewhere")
		}
		a.closers = append(a.closers, sb.Close)
		if err := sb.EnsureAccount(ctx, SandboxAccount, true); err != nil {
			return nil, err
		}
		t.Sandbox = sb
		t.Base = sb.Transport()
		t.Endpoints = endpoints.Override(sandbox.InProcessBaseURL)
	case a.Flags.Endpoint != "":
		t.Endpoints = endpoints.Override(a.Flags.Endpoint)
	}
	a.target = t
	return t, nil
}

// Connect resolves the account and credentials and builds the transport stack and service clients, once.
func (a *App) Connect(ctx context.Context) (*Connection, error) {
	a.mu.Lock()
	conn := a.conn
	a.mu.Unlock()
	if conn != nil {
		return conn, nil
	}
	t, err := a.Target(ctx)
	if err != nil {
		return nil, err
	}
	res, err := a.resolveCredentials(ctx, t)
	if err != nil {
		return nil, err
	}
	var stack http.RoundTripper = transport.New(transport.Options{
		Base:        t.Base,
		Credentials: res.Credentials,
		Clock:       a.Clock,
		Policy:      a.retryPolicy(),
		ReadOnly:    a.Flags.ReadOnly,
		Debug:       a.debugWriter(),
	})
	stack = &google.Preflight{Next: stack, Account: res.Account, Granted: res.Granted, Command: a.GogCommand()}
	if a.Flags.DryRun {
		stack = &google.DryRun{Next: stack, Out: a.IO.Out}
	}
	conn = &Connection{
		Target:   *t,
		Resolved: *res,
		Clients:  &google.Clients{Endpoints: t.Endpoints, HTTP: &http.Client{Transport: stack}, Account: res.Account},
	}
	a.mu.Lock()
	a.conn = conn
	a.mu.Unlock()
	return conn, nil
}

// Google returns the service-client constructors for this run's account.
func (a *App) Google(ctx context.Context) (*google.Clients, error) {
	conn, err := a.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return conn.Clients, nil
}

// CurrentConnection returns the connection if one was made during this run (for error hints), else nil.
func (a *App) CurrentConnection() *Connection {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.conn
}

// debugWriter is where --debug traces go: stderr, or nowhere.
func (a *App) debugWriter() io.Writer {
	if !a.Flags.Debug {
		return nil
	}
	return a.IO.ErrOut
}

// retryPolicy is the transport's default policy with the config file's overrides.
func (a *App) retryPolicy() transport.Policy {
	p := transport.DefaultPolicy()
	if n, err := strconv.Atoi(a.Setting("retry_max_attempts")); err == nil && n > 0 {
		p.MaxAttempts = n
	}
	if d, err := time.ParseDuration(a.Setting("retry_budget")); err == nil && d > 0 {
		p.Budget = d
	}
	return p
}

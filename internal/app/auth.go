package app

import (
	"context"
	"strings"
	"sync"

	"github.com/gogcli/gog/internal/auth"
	"github.com/gogcli/gog/internal/secrets"
)

// authState is the run's auth core, built once on first use.
type authState struct {
	once  sync.Once
	mgr   *auth.Manager
	err   error
	store secrets.Store // set by UseSecretStore; nil = open the configured one
}

// UseSecretStore makes this App keep secrets in st instead of the configured store. Tests use it to share an
// in-memory store between the runs of one simulated machine without paying the file backend's key derivation on
// every run; the file backend itself is exercised by the tests that run gog as a process.
func (a *App) UseSecretStore(st secrets.Store) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.auth == nil {
		a.auth = &authState{}
	}
	a.auth.store = st
}

// Auth returns the auth core for this run's target (Google, --endpoint, or the sandbox), built once. Under
// --sandbox the first use also sets the sandbox up: a sandbox OAuth client and SandboxAccount signed in.
func (a *App) Auth(ctx context.Context) (*auth.Manager, error) {
	a.mu.Lock()
	if a.auth == nil {
		a.auth = &authState{}
	}
	st := a.auth
	a.mu.Unlock()
	st.once.Do(func() { st.mgr, st.err = a.newAuth(ctx) })
	return st.mgr, st.err
}

func (a *App) newAuth(ctx context.Context) (*auth.Manager, error) {
	t, err := a.Target(ctx)
	if err != nil {
		return nil, err
	}
	m := auth.NewManager(auth.Options{
		Endpoints:   t.Endpoints,
		HTTP:        t.Base,
		OpenStore:   a.openSecrets,
		LocksDir:    a.Paths.LocksDir(),
		Clock:       a.Clock,
		Debug:       a.debugWriter(),
		Warn:        a.IO.ErrOut,
		Command:     a.GogCommand(),
		OpenBrowser: a.browserOpener(),
	})
	if t.Sandbox != nil {
		if err := m.BootstrapSandbox(ctx, t.Sandbox.CreateClient, SandboxAccount); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// GogCommand is how a person runs gog against this run's target, for hints.
func (a *App) GogCommand() string {
	switch {
	case a.Flags.Sandbox:
		return "gog --sandbox"
	case a.Flags.Endpoint != "":
		return "gog --endpoint " + strings.TrimRight(a.Flags.Endpoint, "/")
	}
	return "gog"
}

// AuthChoice gathers what decides this run's credentials: flags, environment, config.
func (a *App) AuthChoice() auth.Choice {
	c := auth.Choice{
		AccessToken: a.Flags.AccessToken,
		AuthMode:    a.Getenv("GOG_AUTH_MODE"),
		Account:     a.Flags.Account,
		Getenv:      a.Getenv,
	}
	c.AccessTokenSource = "--access-token"
	if v := a.Getenv("GOG_ACCESS_TOKEN"); v != "" && v == c.AccessToken {
		c.AccessTokenSource = "GOG_ACCESS_TOKEN"
	}
	c.AccountSource = "--account"
	if v := a.Getenv("GOG_ACCOUNT"); v != "" && v == c.Account {
		c.AccountSource = "GOG_ACCOUNT"
	}
	if f, err := a.Config(); err == nil {
		c.Aliases = f.Aliases
		c.DefaultAccount, _ = f.Get("default_account")
	}
	return c
}

// ResolveAuth decides this run's credentials (see auth.Manager.Resolve), with why.
func (a *App) ResolveAuth(ctx context.Context) (*auth.Resolution, error) {
	m, err := a.Auth(ctx)
	if err != nil {
		return nil, err
	}
	return m.Resolve(ctx, a.AuthChoice())
}

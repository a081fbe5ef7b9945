package auth

import (
	"context"

	"github.com/gogcli/gog/internal/scopes"
)

// kindMeta keys hold small facts about a realm's store, such as "the sandbox was set up".
const kindMeta = "meta"

// BootstrapSandbox sets up `gog --sandbox` on first use: it installs a sandbox OAuth client (from createClient,
// the sandbox's Desktop client JSON) as the default client and signs email in for every service through the
// real OAuth code path — code + PKCE against the sandbox's endpoints, gog following the consent redirect itself.
// It runs once per sandbox store; an account the user later removes stays removed.
func (m *Manager) BootstrapSandbox(ctx context.Context, createClient func(ctx context.Context) ([]byte, error), email string) error {
	done := key(kindMeta, m.realm, "sandbox-bootstrapped")
	if _, ok, err := m.get(ctx, done); err != nil || ok {
		return err
	}
	c, err := m.Client(ctx, DefaultClientName)
	if err != nil {
		return err
	}
	if c == nil {
		raw, err := createClient(ctx)
		if err != nil {
			return err
		}
		if c, err = ParseClientJSON(raw, m.realm); err != nil {
			return err
		}
		c.Name = DefaultClientName
		if err := m.SaveClient(ctx, c); err != nil {
			return err
		}
	}
	rec, err := m.Record(ctx, email)
	if err != nil {
		return err
	}
	if rec == nil {
		if _, err := m.SignIn(ctx, SignInRequest{Email: email, Services: scopes.Names(), Flow: FlowLoopback}); err != nil {
			return err
		}
	}
	return m.set(ctx, done, []byte("1"))
}

package auth

import (
	"context"
	"encoding/json"
	"time"

	"github.com/gogcli/gog/internal/errs"
)

// BundleFormat marks a token bundle file.
const BundleFormat = "gog-tokens"

// Bundle moves sign-ins to another machine (a headless box): the refresh tokens with their grants and the
// OAuth clients they belong to. It is as secret as the store itself; the command writing it refuses a terminal.
type Bundle struct {
	Format     string              `json:"format"`
	Version    int                 `json:"version"`
	Realm      Realm               `json:"realm"`
	ExportedAt time.Time           `json:"exported_at"`
	Clients    []ClientCredentials `json:"clients"`
	Accounts   []BundleAccount     `json:"accounts"`
}

// BundleAccount is one sign-in in a bundle (no access token: the importing machine mints its own).
type BundleAccount struct {
	Email        string    `json:"email"`
	Client       string    `json:"client"`
	RefreshToken string    `json:"refresh_token"`
	Granted      []string  `json:"granted_scopes"`
	Services     []string  `json:"services,omitempty"`
	Requested    []string  `json:"requested_scopes,omitempty"`
	SignedInAt   time.Time `json:"signed_in_at,omitzero"`
}

// Export bundles the sign-ins of emails (all of this realm's when empty) with their clients.
func (m *Manager) Export(ctx context.Context, emails []string) (*Bundle, error) {
	if len(emails) == 0 {
		all, err := m.Accounts(ctx)
		if err != nil {
			return nil, err
		}
		emails = all
	}
	if len(emails) == 0 {
		return nil, errs.New(errs.Auth, "no account is signed in%s, so there is nothing to export", m.atRealm()).
			WithHint("run: %s auth add EMAIL", m.opts.Command)
	}
	b := &Bundle{Format: BundleFormat, Version: 1, Realm: m.realm, ExportedAt: m.opts.Clock.Now().UTC()}
	seen := map[string]bool{}
	for _, e := range emails {
		rec, err := m.Record(ctx, e)
		if err != nil {
			return nil, err
		}
		if rec == nil || rec.RefreshToken == "" {
			return nil, m.notSignedIn(normalizeEmail(e))
		}
		b.Accounts = append(b.Accounts, BundleAccount{Email: rec.Email, Client: rec.Client, RefreshToken: rec.RefreshToken,
			Granted: rec.Granted, Services: rec.Services, Requested: rec.Requested, SignedInAt: rec.SignedInAt})
		if !seen[rec.Client] {
			seen[rec.Client] = true
			c, err := m.requireClient(ctx, rec.Client)
			if err != nil {
				return nil, err
			}
			b.Clients = append(b.Clients, *c)
		}
	}
	return b, nil
}

// ParseBundle reads a bundle file.
func ParseBundle(raw []byte) (*Bundle, error) {
	var b Bundle
	if err := json.Unmarshal(raw, &b); err != nil || b.Format != BundleFormat {
		return nil, errs.Usagef("this is not a gog token bundle").
			WithHint("create one on the signed-in machine with: gog auth tokens export > tokens.json")
	}
	if b.Version != 1 {
		return nil, errs.Usagef("token bundle version %d is newer than this gog understands", b.Version).
			WithHint("update gog on this machine")
	}
	return &b, nil
}

// Import stores a bundle's clients and sign-ins. A stored client of the same name but another client ID is
// kept unless replaceClients. Imported sign-ins carry no access token: the first command mints one.
func (m *Manager) Import(ctx context.Context, b *Bundle, replaceClients bool) ([]string, error) {
	if b.Realm != m.realm {
		return nil, errs.Usagef("the bundle holds sign-ins for %s, not for %s", realmLabel(b.Realm), realmLabel(m.realm)).
			WithHint("import it with the same --endpoint (or none) it was exported with")
	}
	for i := range b.Clients {
		c := b.Clients[i]
		old, err := m.Client(ctx, c.Name)
		if err != nil {
			return nil, err
		}
		if old != nil && old.ClientID != c.ClientID && !replaceClients {
			return nil, errs.New(errs.Conflict, "a different OAuth client named %q is already stored", c.Name).
				WithHint("re-run with --force to replace it (sign-ins made with the old client then stop working)")
		}
		if err := m.SaveClient(ctx, &c); err != nil {
			return nil, err
		}
	}
	var done []string
	now := m.opts.Clock.Now()
	for _, a := range b.Accounts {
		if a.RefreshToken == "" || a.Email == "" {
			continue
		}
		rec := &TokenRecord{Realm: m.realm, Email: normalizeEmail(a.Email), Client: a.Client, RefreshToken: a.RefreshToken,
			Granted: a.Granted, Services: a.Services, Requested: a.Requested, SignedInAt: a.SignedInAt}
		if rec.SignedInAt.IsZero() {
			rec.SignedInAt = now
		}
		if err := m.storeSignIn(ctx, rec); err != nil {
			return nil, err
		}
		done = append(done, rec.Email)
	}
	return done, nil
}

package auth

import (
	"context"
	"encoding/json"
	"errors"
	"sort"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/secrets"
)

// storeErr turns a secret-store failure into a config error (exit 10) unless it is already classified.
func storeErr(err error, what string) error {
	if err == nil {
		return nil
	}
	if _, ok := errs.As(err); ok {
		return err
	}
	return errs.Wrap(err, errs.Config, "secret store: cannot %s: %v", what, err).
		WithHint("run: gog auth doctor")
}

func (m *Manager) get(ctx context.Context, k string) ([]byte, bool, error) {
	st, err := m.Store(ctx)
	if err != nil {
		return nil, false, err
	}
	raw, err := st.Get(k)
	if errors.Is(err, secrets.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, storeErr(err, "read a stored value")
	}
	return raw, true, nil
}

func (m *Manager) set(ctx context.Context, k string, v []byte) error {
	st, err := m.Store(ctx)
	if err != nil {
		return err
	}
	return storeErr(st.Set(k, v), "save a value")
}

func (m *Manager) del(ctx context.Context, k string) error {
	st, err := m.Store(ctx)
	if err != nil {
		return err
	}
	return storeErr(st.Delete(k), "delete a value")
}

func (m *Manager) keys(ctx context.Context, kind string) ([]string, error) {
	st, err := m.Store(ctx)
	if err != nil {
		return nil, err
	}
	all, err := st.Keys()
	if err != nil {
		return nil, storeErr(err, "list stored values")
	}
	out := names(all, kind, m.realm)
	sort.Strings(out)
	return out, nil
}

// Record returns the stored sign-in of email in this realm, nil when there is none.
func (m *Manager) Record(ctx context.Context, email string) (*TokenRecord, error) {
	raw, ok, err := m.get(ctx, key(kindToken, m.realm, normalizeEmail(email)))
	if err != nil || !ok {
		return nil, err
	}
	rec, err := decodeRecord(raw)
	if err != nil {
		return nil, errs.Wrap(err, errs.Config, "the stored sign-in of %s is unreadable: %v", email, err).
			WithHint("sign in again: %s auth add %s --force-consent", m.opts.Command, email)
	}
	return rec, nil
}

// putRecord writes rec. Callers hold the account's file lock and have read the current record under it.
func (m *Manager) putRecord(ctx context.Context, rec *TokenRecord) error {
	raw, err := encodeRecord(rec)
	if err != nil {
		return err
	}
	return m.set(ctx, key(kindToken, m.realm, rec.Email), raw)
}

// Accounts lists the users signed in to this realm with stored OAuth.
func (m *Manager) Accounts(ctx context.Context) ([]string, error) { return m.keys(ctx, kindToken) }

// Client returns the stored OAuth client name, nil when there is none.
func (m *Manager) Client(ctx context.Context, name string) (*ClientCredentials, error) {
	raw, ok, err := m.get(ctx, key(kindClient, m.realm, name))
	if err != nil || !ok {
		return nil, err
	}
	var c ClientCredentials
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, errs.Wrap(err, errs.Config, "the stored OAuth client %q is unreadable", name).
			WithHint("store it again: %s auth credentials FILE --client %s", m.opts.Command, name)
	}
	c.Name = name
	return &c, nil
}

// SaveClient stores an OAuth client under its name.
func (m *Manager) SaveClient(ctx context.Context, c *ClientCredentials) error {
	if err := ValidClientName(c.Name); err != nil {
		return err
	}
	raw, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return m.set(ctx, key(kindClient, m.realm, c.Name), raw)
}

// Clients lists the names of the stored OAuth clients.
func (m *Manager) Clients(ctx context.Context) ([]string, error) { return m.keys(ctx, kindClient) }

// RemoveClient deletes a stored OAuth client; it reports whether there was one.
func (m *Manager) RemoveClient(ctx context.Context, name string) (bool, error) {
	c, err := m.Client(ctx, name)
	if err != nil || c == nil {
		return false, err
	}
	return true, m.del(ctx, key(kindClient, m.realm, name))
}

// requireClient returns the named client or the error that says how to store one.
func (m *Manager) requireClient(ctx context.Context, name string) (*ClientCredentials, error) {
	c, err := m.Client(ctx, name)
	if err != nil {
		return nil, err
	}
	if c != nil {
		return c, nil
	}
	flag := ""
	if name != DefaultClientName {
		flag = " --client " + name
	}
	e := errs.New(errs.Config, "no OAuth client %q is stored for %s", name, realmLabel(m.realm))
	if m.realm.IsGoogle() {
		return nil, e.WithHint("create a Desktop app OAuth client at https://console.cloud.google.com/apis/credentials, "+
			"download its JSON and run: %s auth credentials FILE%s", m.opts.Command, flag)
	}
	return nil, e.WithHint("get a client with: curl -X POST %s/_sandbox/clients > client.json; then run: %s auth credentials client.json%s",
		m.realm, m.opts.Command, flag)
}

// PickClient chooses the OAuth client a sign-in uses: the one named (--client), else the configured
// default_client, else "default" if stored, else the only client stored.
func (m *Manager) PickClient(ctx context.Context, named, configured string) (string, error) {
	if named != "" {
		return named, ValidClientName(named)
	}
	if configured != "" {
		return configured, nil
	}
	list, err := m.Clients(ctx)
	if err != nil {
		return "", err
	}
	if len(list) == 1 {
		return list[0], nil
	}
	return DefaultClientName, nil
}

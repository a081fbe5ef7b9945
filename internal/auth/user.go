package auth

import (
	"context"
	"fmt"
	"net/url"
	"sync"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/scopes"
)

// UserCredentials are the credentials of a user signed in with stored OAuth: the access token cached in the
// secret store, refreshed from the stored refresh token only when it is about to expire or Google rejected it.
// They implement transport.Credentials and transport.ScopeRecoverer.
//
// Refreshes are coalesced twice: inside the process a one-slot semaphore lets one goroutine refresh while the
// others wait (32 goroutines → one refresh), and across processes a file lock per (realm, account) does the same,
// each waiter re-reading the store once it holds the lock and using the token the previous holder minted.
type UserCredentials struct {
	m     *Manager
	email string
	sem   chan struct{} // one slot: the goroutine that may refresh

	mu  sync.Mutex
	cur *TokenRecord // the record this process last read or wrote
}

// User returns the credentials of a signed-in user (one instance per account per Manager).
func (m *Manager) User(email string) *UserCredentials {
	email = normalizeEmail(email)
	m.mu.Lock()
	defer m.mu.Unlock()
	u := m.users[email]
	if u == nil {
		u = &UserCredentials{m: m, email: email, sem: make(chan struct{}, 1)}
		m.users[email] = u
	}
	return u
}

// Email returns the account these credentials act as.
func (u *UserCredentials) Email() string { return u.email }

// Token returns the cached access token while it is fresh; else the stored one if another process refreshed it;
// else a newly refreshed one.
func (u *UserCredentials) Token(ctx context.Context) (*oauth2.Token, error) {
	if tok := u.fresh(""); tok != nil {
		return tok, nil
	}
	if err := u.enter(ctx); err != nil {
		return nil, err
	}
	defer u.leave()
	if tok := u.fresh(""); tok != nil {
		return tok, nil
	}
	// Another process may have refreshed since: a plain read, no lock, no token call.
	rec, err := u.load(ctx)
	if err != nil {
		return nil, err
	}
	if rec.Fresh(u.m.opts.Clock.Now()) {
		u.remember(rec)
		return rec.OAuth2(), nil
	}
	return u.refresh(ctx, "", false)
}

// ForceRefresh implements transport.ScopeRecoverer: it replaces the access token Google rejected (unless another
// goroutine or process already did) and returns the new one. On failure the cached token is left as it was.
func (u *UserCredentials) ForceRefresh(ctx context.Context, rejected string) (*oauth2.Token, error) {
	if err := u.enter(ctx); err != nil {
		return nil, err
	}
	defer u.leave()
	if tok := u.fresh(rejected); tok != nil {
		return tok, nil
	}
	return u.refresh(ctx, rejected, false)
}

// Refresh always asks the token endpoint for a new access token (gog auth list --check, gog auth doctor) and
// returns the record it stored, with the token endpoint's Date for the clock-skew check.
func (u *UserCredentials) Refresh(ctx context.Context) (*TokenRecord, *tokenResponse, error) {
	if err := u.enter(ctx); err != nil {
		return nil, nil, err
	}
	defer u.leave()
	var resp *tokenResponse
	if _, err := u.refreshWith(ctx, "", true, &resp); err != nil {
		return nil, nil, err
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.cur.clone(), resp, nil
}

func (u *UserCredentials) enter(ctx context.Context) error {
	select {
	case u.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (u *UserCredentials) leave() { <-u.sem }

// fresh returns the in-memory token if it is fresh and is not the rejected one.
func (u *UserCredentials) fresh(rejected string) *oauth2.Token {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.cur.Fresh(u.m.opts.Clock.Now()) && (rejected == "" || u.cur.AccessToken != rejected) {
		return u.cur.OAuth2()
	}
	return nil
}

func (u *UserCredentials) remember(rec *TokenRecord) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if rec.newerThan(u.cur) {
		u.cur = rec
	}
}

// load reads the stored record; its absence means the user signed out (or never signed in) in this realm.
func (u *UserCredentials) load(ctx context.Context) (*TokenRecord, error) {
	rec, err := u.m.Record(ctx, u.email)
	if err != nil {
		return nil, err
	}
	if rec == nil || rec.RefreshToken == "" {
		return nil, u.m.notSignedIn(u.email)
	}
	return rec, nil
}

func (u *UserCredentials) refresh(ctx context.Context, rejected string, always bool) (*oauth2.Token, error) {
	return u.refreshWith(ctx, rejected, always, nil)
}

// refreshWith takes the account's file lock, re-reads the store, and — unless the stored token is fresh and
// not the rejected one (another process just refreshed) or always is set — makes exactly one refresh call and
// persists the result. The caller holds the semaphore.
func (u *UserCredentials) refreshWith(ctx context.Context, rejected string, always bool, out **tokenResponse) (*oauth2.Token, error) {
	release, err := u.m.lock(u.email).acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	rec, err := u.load(ctx)
	if err != nil {
		return nil, err
	}
	now := u.m.opts.Clock.Now()
	if !always && rec.Fresh(now) && (rejected == "" || rec.AccessToken != rejected) {
		u.remember(rec)
		return rec.OAuth2(), nil
	}
	client, err := u.m.requireClient(ctx, rec.Client)
	if err != nil {
		return nil, err
	}
	resp, err := u.m.tokenEndpoint("").post(ctx, url.Values{
		"grant_type":    {"refresh_token"},
		"refresh_token": {rec.RefreshToken},
		"client_id":     {client.ClientID},
		"client_secret": {client.ClientSecret},
	})
	if err != nil {
		return nil, err
	}
	next := rec.clone()
	next.AccessToken, next.TokenType, next.Expiry = resp.AccessToken, resp.TokenType, resp.Expiry
	next.RefreshedAt = now
	next.Generation = rec.Generation + 1
	if resp.Scope != "" {
		next.Granted = scopes.Parse(resp.Scope)
	}
	rotated := resp.RefreshToken != "" && resp.RefreshToken != rec.RefreshToken
	if rotated {
		next.RefreshToken = resp.RefreshToken
	}
	if err := u.m.putRecord(ctx, next); err != nil {
		if rotated {
			// The old refresh token may be dead now; losing the new one would sign the user out.
			return nil, err
		}
		fmt.Fprintf(u.m.opts.Warn, "gog: could not cache the new access token (%v); the next command will refresh again\n", err)
	}
	u.mu.Lock()
	u.cur = next
	u.mu.Unlock()
	if out != nil {
		*out = resp
	}
	return next.OAuth2(), nil
}

// notSignedIn is the error for an account with no stored sign-in in this realm.
func (m *Manager) notSignedIn(email string) error {
	where := ""
	if !m.realm.IsGoogle() {
		where = " at " + string(m.realm)
	}
	return errs.New(errs.Auth, "%s is not signed in%s", email, where).
		WithHint("run: %s auth add %s", m.opts.Command, email)
}

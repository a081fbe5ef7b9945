package auth

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/errs"
)

// PendingTTL is how long a remote sign-in waits between step 1 and step 2.
const PendingTTL = 10 * time.Minute

// pendingSignIn is step 1's state. It holds the PKCE verifier, so it lives in the secret store (never in a
// plain file), keyed by a hash of the state that step 2's redirected URL carries back.
type pendingSignIn struct {
	Email     string    `json:"email"`
	Client    string    `json:"client"`
	Verifier  string    `json:"verifier"`
	Redirect  string    `json:"redirect_uri"`
	Services  []string  `json:"services"`
	Requested []string  `json:"requested"`
	Widened   bool      `json:"widened,omitempty"`
	ExpiresAt time.Time `json:"expires_at"`
}

func pendingName(state string) string {
	sum := sha256.Sum256([]byte(state))
	return hex.EncodeToString(sum[:16])
}

// manual prints the URL and reads back the address the browser was redirected to.
func (m *Manager) manual(req SignInRequest, authURL, state string) (string, error) {
	fmt.Fprintf(req.Prompt, "Open this URL in any browser and sign in:\n\n  %s\n\n"+
		"The browser then tries to open %s/?code=... and fails to load it: that is expected.\n"+
		"Copy the whole address from the address bar and paste it here: ", authURL, manualRedirect)
	if req.Paste == nil {
		return "", errs.Usagef("nothing to read the redirected address from")
	}
	line, err := bufio.NewReader(req.Paste).ReadString('\n')
	if err != nil && strings.TrimSpace(line) == "" {
		return "", errs.Usagef("no redirected address was pasted; nothing was stored").
			WithHint("run the command again and paste the address, or use --remote --step 1 / --step 2")
	}
	fmt.Fprintln(req.Prompt)
	return parseRedirect(line, state)
}

// startRemote saves the pending sign-in (sweeping expired ones) and returns the URL to open elsewhere.
func (m *Manager) startRemote(ctx context.Context, p *plan, state, verifier string) (*SignInResult, error) {
	m.sweepPending(ctx)
	now := m.opts.Clock.Now()
	pend := pendingSignIn{Email: p.email, Client: p.client.Name, Verifier: verifier, Redirect: manualRedirect,
		Services: p.services, Requested: p.requested, Widened: p.widened, ExpiresAt: now.Add(PendingTTL)}
	raw, err := json.Marshal(pend)
	if err != nil {
		return nil, err
	}
	if err := m.set(ctx, key(kindPending, m.realm, pendingName(state)), raw); err != nil {
		return nil, err
	}
	return &SignInResult{Email: p.email, Realm: m.realm, Client: p.client.Name, Services: p.services,
		Requested: p.requested, Widened: p.widened, AuthURL: m.authURL(p, manualRedirect, state, verifier),
		ExpiresAt: pend.ExpiresAt}, nil
}

// finishRemote completes a pending sign-in with the redirected URL; a pending sign-in is used at most once.
func (m *Manager) finishRemote(ctx context.Context, req SignInRequest) (*SignInResult, error) {
	u, err := url.Parse(strings.TrimSpace(req.RedirectURL))
	if err != nil || u.RawQuery == "" {
		return nil, errs.Usagef("--auth-url must be the whole address the browser was redirected to (%s/?code=...&state=...)", manualRedirect)
	}
	state := u.Query().Get("state")
	k := key(kindPending, m.realm, pendingName(state))
	raw, ok, err := m.get(ctx, k)
	if err != nil {
		return nil, err
	}
	restart := fmt.Sprintf("start again: %s auth add %s --remote --step 1", m.opts.Command, orEmail(req.Email))
	if !ok || state == "" {
		return nil, errs.New(errs.Auth, "no pending sign-in matches this URL (it finished, expired, or was started elsewhere)").
			WithHint("%s", restart)
	}
	var pend pendingSignIn
	if err := json.Unmarshal(raw, &pend); err != nil {
		_ = m.del(ctx, k)
		return nil, errs.New(errs.Auth, "the pending sign-in is unreadable").WithHint("%s", restart)
	}
	if err := m.del(ctx, k); err != nil {
		return nil, err
	}
	if !m.opts.Clock.Now().Before(pend.ExpiresAt) {
		return nil, errs.New(errs.Auth, "the pending sign-in expired (step 2 must follow step 1 within %s)", PendingTTL).
			WithHint("%s", restart)
	}
	if req.Email != "" && normalizeEmail(req.Email) != pend.Email {
		return nil, errs.Usagef("step 1 was for %s, not %s", pend.Email, req.Email).
			WithHint("run: %s auth add %s --remote --step 2 --auth-url URL", m.opts.Command, pend.Email)
	}
	code, err := codeFrom(u.Query(), state)
	if err != nil {
		return nil, err
	}
	client, err := m.requireClient(ctx, pend.Client)
	if err != nil {
		return nil, err
	}
	p := &plan{email: pend.Email, client: client, services: pend.Services, requested: pend.Requested, widened: pend.Widened}
	return m.complete(ctx, p, code, pend.Redirect, pend.Verifier)
}

// sweepPending deletes expired pending sign-ins; failures are ignored (they expire anyway).
func (m *Manager) sweepPending(ctx context.Context) {
	list, err := m.keys(ctx, kindPending)
	if err != nil {
		return
	}
	now := m.opts.Clock.Now()
	for _, n := range list {
		k := key(kindPending, m.realm, n)
		raw, ok, err := m.get(ctx, k)
		if err != nil || !ok {
			continue
		}
		var pend pendingSignIn
		if json.Unmarshal(raw, &pend) != nil || !now.Before(pend.ExpiresAt) {
			_ = m.del(ctx, k)
		}
	}
}

func orEmail(s string) string {
	if s == "" {
		return "EMAIL"
	}
	return s
}

package auth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/scopes"
)

// FlowMode is how the authorization code gets from the consent page to gog.
type FlowMode int

// The sign-in flows.
const (
	// FlowLoopback: a listener on 127.0.0.1 (random port) receives the redirect — from the browser against
	// Google, or from gog itself against a non-Google endpoint (the sandbox), which needs no browser at all.
	FlowLoopback FlowMode = iota
	// FlowManual: the user opens the URL anywhere and pastes back the address the browser was redirected to.
	FlowManual
	// FlowRemoteStart: step 1 of a two-step sign-in: print the URL, save the pending state (10 minutes).
	FlowRemoteStart
	// FlowRemoteFinish: step 2: complete the pending sign-in with the redirected URL.
	FlowRemoteFinish
)

// DefaultSignInTimeout is how long the loopback flow waits for the browser.
const DefaultSignInTimeout = 2 * time.Minute

// manualRedirect is the redirect URI of the manual and remote flows: a loopback address on port 1, which no
// unprivileged process can listen on, so the code in the redirected URL reaches nobody but the person copying it.
const manualRedirect = "http://127.0.0.1:1"

// SignInRequest asks for one sign-in.
type SignInRequest struct {
	Email        string   // the account to sign in (login_hint); the account that actually signs in wins
	Services     []string // gog services (internal/scopes)
	ReadOnly     bool     // read-only scope variants
	ExtraScopes  []string // more scopes, full URLs or short forms
	ForceConsent bool     // prompt=consent: Google shows the consent screen and issues a new refresh token
	Client       string   // stored OAuth client name; "" = DefaultClientName
	Flow         FlowMode
	RedirectURL  string        // FlowRemoteFinish: the address the browser was redirected to
	Prompt       io.Writer     // where the URL and instructions go (stderr); nil = discarded
	Paste        io.Reader     // FlowManual: where the pasted address is read from
	Timeout      time.Duration // FlowLoopback: how long to wait; 0 = DefaultSignInTimeout
}

// SignInResult is what a sign-in stored (or, for FlowRemoteStart, what it is waiting for).
type SignInResult struct {
	Email     string   `json:"email"`
	AskedFor  string   `json:"asked_for,omitempty"` // set when another account signed in than the one asked for
	Realm     Realm    `json:"realm"`
	Client    string   `json:"client"`
	Services  []string `json:"services"`
	Requested []string `json:"requested_scopes"`
	Granted   []string `json:"granted_scopes"`
	Missing   []string `json:"missing_scopes,omitempty"` // requested but not granted (unticked on the consent screen)
	Widened   bool     `json:"widened,omitempty"`        // the grant was widened: re-consent for the union

	AuthURL   string    `json:"auth_url,omitempty"`  // FlowRemoteStart
	ExpiresAt time.Time `json:"expires_at,omitzero"` // FlowRemoteStart: when the pending sign-in lapses
}

// plan is the scope set of a sign-in: the new request, widened by the existing grant.
type plan struct {
	email     string
	client    *ClientCredentials
	services  []string
	requested []string
	consent   bool
	widened   bool
}

// SignIn runs one sign-in flow and stores the result under the account that actually signed in.
func (m *Manager) SignIn(ctx context.Context, req SignInRequest) (*SignInResult, error) {
	if req.Prompt == nil {
		req.Prompt = io.Discard
	}
	if req.Flow == FlowRemoteFinish {
		return m.finishRemote(ctx, req)
	}
	p, err := m.plan(ctx, req)
	if err != nil {
		return nil, err
	}
	state, verifier := randomState(), oauth2.GenerateVerifier()
	var code, redirect string
	switch req.Flow {
	case FlowLoopback:
		code, redirect, err = m.loopback(ctx, req, p, state, verifier)
	case FlowManual:
		redirect = manualRedirect
		code, err = m.manual(req, m.authURL(p, redirect, state, verifier), state)
	case FlowRemoteStart:
		return m.startRemote(ctx, p, state, verifier)
	default:
		return nil, fmt.Errorf("unknown sign-in flow %d", req.Flow)
	}
	if err != nil {
		return nil, err
	}
	return m.complete(ctx, p, code, redirect, verifier)
}

func (m *Manager) plan(ctx context.Context, req SignInRequest) (*plan, error) {
	email := normalizeEmail(req.Email)
	if email == "" || !strings.Contains(email, "@") {
		return nil, errs.Usagef("%q is not an email address", req.Email).WithHint("run: %s auth add EMAIL", m.opts.Command)
	}
	name := req.Client
	if name == "" {
		name = DefaultClientName
	}
	client, err := m.requireClient(ctx, name)
	if err != nil {
		return nil, err
	}
	p := &plan{email: email, client: client, services: req.Services, consent: req.ForceConsent,
		requested: scopes.For(req.Services, req.ReadOnly, req.ExtraScopes)}
	old, err := m.Record(ctx, email)
	if err != nil {
		return nil, err
	}
	if old != nil && old.RefreshToken != "" {
		// Google has no incremental authorization for installed apps: widening means consenting again to the
		// union of what the grant holds and what is asked for now.
		if len(scopes.Missing(p.requested, old.Granted)) > 0 {
			p.widened, p.consent = true, true
		}
		p.requested = scopes.Union(p.requested, old.Granted)
		p.services = scopes.Union(p.services, old.Services)
	}
	return p, nil
}

// authURL is the consent page's address: code flow with PKCE S256, offline access, the account as login_hint.
func (m *Manager) authURL(p *plan, redirect, state, verifier string) string {
	v := url.Values{
		"client_id":             {p.client.ClientID},
		"redirect_uri":          {redirect},
		"response_type":         {"code"},
		"scope":                 {strings.Join(p.requested, " ")},
		"state":                 {state},
		"code_challenge":        {oauth2.S256ChallengeFromVerifier(verifier)},
		"code_challenge_method": {"S256"},
		"access_type":           {"offline"},
		"login_hint":            {p.email},
	}
	if p.consent {
		v.Set("prompt", "consent")
	}
	return m.opts.Endpoints.AuthURL() + "?" + v.Encode()
}

// complete exchanges the code, learns who signed in, and stores the sign-in under that account.
func (m *Manager) complete(ctx context.Context, p *plan, code, redirect, verifier string) (*SignInResult, error) {
	resp, err := m.tokenEndpoint("").post(ctx, url.Values{
		"grant_type":    {"authorization_code"},
		"code":          {code},
		"redirect_uri":  {redirect},
		"client_id":     {p.client.ClientID},
		"client_secret": {p.client.ClientSecret},
		"code_verifier": {verifier},
	})
	if err != nil {
		return nil, err
	}
	if resp.RefreshToken == "" {
		return nil, errs.New(errs.Auth, "Google returned no refresh token, so gog could not keep %s signed in", p.email).
			WithHint("run: %s auth add %s --force-consent", m.opts.Command, p.email)
	}
	info, err := m.userinfo(ctx, resp.AccessToken)
	if err != nil {
		return nil, err
	}
	email := normalizeEmail(info.Email)
	granted := p.requested
	if resp.Scope != "" {
		granted = scopes.Parse(resp.Scope)
	}
	res := &SignInResult{Email: email, Realm: m.realm, Client: p.client.Name, Services: p.services,
		Requested: p.requested, Granted: granted, Missing: scopes.Missing(p.requested, granted), Widened: p.widened}
	if email != p.email {
		res.AskedFor = p.email
	}
	now := m.opts.Clock.Now()
	rec := &TokenRecord{Realm: m.realm, Email: email, Client: p.client.Name, RefreshToken: resp.RefreshToken,
		AccessToken: resp.AccessToken, TokenType: resp.TokenType, Expiry: resp.Expiry, Granted: granted,
		Services: p.services, Requested: p.requested, SignedInAt: now, RefreshedAt: now}
	if err := m.storeSignIn(ctx, rec); err != nil {
		return nil, err
	}
	return res, nil
}

// storeSignIn writes a new sign-in under the account's lock, after whatever record it replaces.
func (m *Manager) storeSignIn(ctx context.Context, rec *TokenRecord) error {
	release, err := m.lock(rec.Email).acquire(ctx)
	if err != nil {
		return err
	}
	defer release()
	old, err := m.Record(ctx, rec.Email)
	if err != nil {
		return err
	}
	rec.Generation = 1
	if old != nil {
		rec.Generation = old.Generation + 1
	}
	if err := m.putRecord(ctx, rec); err != nil {
		return err
	}
	u := m.User(rec.Email)
	u.mu.Lock()
	u.cur = rec // a new sign-in replaces whatever this process held, grant included
	u.mu.Unlock()
	return nil
}

// randomState is the CSRF state: 32 random bytes, base64url.
func randomState() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go ≥ 1.24)
	return base64.RawURLEncoding.EncodeToString(b)
}

// parseRedirect reads the code out of the address the consent page redirected to, checking its state.
func parseRedirect(raw, state string) (string, error) {
	raw = strings.TrimSpace(raw)
	q := url.Values{}
	if u, err := url.Parse(raw); err == nil && u.RawQuery != "" {
		q = u.Query()
	} else if v, err := url.ParseQuery(strings.TrimPrefix(raw, "?")); err == nil {
		q = v
	}
	return codeFrom(q, state)
}

func codeFrom(q url.Values, state string) (string, error) {
	if e := q.Get("error"); e != "" {
		if e == "access_denied" {
			return "", errs.New(errs.Auth, "sign-in was cancelled on the consent screen (access_denied); nothing was stored").
				WithHint("run the command again and allow access")
		}
		return "", errs.New(errs.Auth, "the consent page answered with error %q; nothing was stored", e).
			WithHint("run the command again; if it keeps failing, check the OAuth client with: gog auth doctor")
	}
	if q.Get("state") != state {
		return "", errs.New(errs.Auth, "the redirect's state does not match this sign-in, so it was refused; nothing was stored").
			WithHint("run the command again and use the URL it prints (a redirect from another sign-in or another tab is never accepted)")
	}
	code := q.Get("code")
	if code == "" {
		return "", errs.Usagef("the redirected address carries no code").
			WithHint("paste the whole address of the page the browser was sent to after consenting (it starts with %s)", manualRedirect)
	}
	return code, nil
}

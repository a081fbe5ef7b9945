package auth

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
	"github.com/gogcli/gog/internal/scopes"
)

const (
	scopeCalendar = "https://www.googleapis.com/auth/calendar"
	scopeYouTube  = "https://www.googleapis.com/auth/youtube.readonly"
)

func TestLoopbackSignInCompletesAgainstTheSandboxWithStateAndPKCE(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.withClient()
	var prompt bytes.Buffer
	res, err := m.SignIn(context.Background(), SignInRequest{Email: sandboxtest.Account, Services: []string{"calendar"}, Prompt: &prompt})
	if err != nil {
		t.Fatal(err)
	}
	if res.Email != sandboxtest.Account || len(res.Missing) != 0 || !contains(res.Granted, scopeCalendar) {
		t.Fatalf("result = %+v", res)
	}
	auths := w.net.find("/o/oauth2/auth")
	if len(auths) != 1 {
		t.Fatalf("consent requests = %d", len(auths))
	}
	u, _ := url.Parse(auths[0].url)
	q := u.Query()
	if !strings.Contains(prompt.String(), auths[0].url) {
		t.Fatalf("the URL was not printed:\n%s", prompt.String())
	}
	if q.Get("code_challenge_method") != "S256" || q.Get("access_type") != "offline" || q.Get("login_hint") != sandboxtest.Account ||
		q.Get("prompt") != "" || !regexp.MustCompile(`^http://127\.0\.0\.1:\d+$`).MatchString(q.Get("redirect_uri")) {
		t.Fatalf("auth URL query = %v", q)
	}
	if len(q.Get("state")) != 43 { // 32 bytes, base64url
		t.Fatalf("state %q is not 32 random bytes", q.Get("state"))
	}
	exch := w.net.find("/token")
	if len(exch) != 1 || exch[0].form.Get("grant_type") != "authorization_code" ||
		oauth2.S256ChallengeFromVerifier(exch[0].form.Get("code_verifier")) != q.Get("code_challenge") ||
		exch[0].form.Get("redirect_uri") != q.Get("redirect_uri") {
		t.Fatalf("exchange = %+v", exch)
	}
	rec, err := m.Record(context.Background(), sandboxtest.Account)
	if err != nil || rec == nil || rec.RefreshToken == "" || !rec.Fresh(w.sb.Clock.Now()) || rec.Services[0] != "calendar" {
		t.Fatalf("stored = %+v, %v", rec, err)
	}
	// The stored sign-in works: a refresh against the sandbox.
	if _, err := m.User(sandboxtest.Account).ForceRefresh(context.Background(), rec.AccessToken); err != nil {
		t.Fatal(err)
	}
}

func TestRedirectWithAnotherStateIsRefused(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.withClient()
	w.net.rewrite = func(req *http.Request, resp *http.Response) {
		if loc := resp.Header.Get("Location"); loc != "" {
			u, _ := url.Parse(loc)
			q := u.Query()
			q.Set("state", "forged")
			u.RawQuery = q.Encode()
			resp.Header.Set("Location", u.String())
		}
	}
	_, err := m.SignIn(context.Background(), SignInRequest{Email: sandboxtest.Account, Services: []string{"calendar"}})
	if e, ok := errs.As(err); !ok || e.Class != errs.Auth || !strings.Contains(e.Message, "state does not match") {
		t.Fatalf("err = %v", err)
	}
	if n := w.tokenCalls(); n != 0 {
		t.Fatalf("a forged redirect led to %d token calls", n)
	}
	if rec, _ := m.Record(context.Background(), sandboxtest.Account); rec != nil {
		t.Fatal("a forged redirect stored a sign-in")
	}
}

func TestManualSignInReadsThePastedAddress(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.withClient()
	var prompt bytes.Buffer
	paste := &pasteFromPrompt{w: w, prompt: &prompt}
	res, err := m.SignIn(context.Background(), SignInRequest{Email: sandboxtest.Account, Services: []string{"calendar"},
		Flow: FlowManual, Prompt: &prompt, Paste: paste})
	if err != nil || res.Email != sandboxtest.Account {
		t.Fatalf("SignIn = %+v, %v", res, err)
	}
	if got := w.net.find("/token")[0].form.Get("redirect_uri"); got != manualRedirect {
		t.Fatalf("redirect_uri = %q, want %q", got, manualRedirect)
	}
}

// pasteFromPrompt plays the person of the manual flow: it reads the URL gog printed, consents at the sandbox,
// and "pastes" the address the browser was sent to.
type pasteFromPrompt struct {
	w      *sbWorld
	prompt *bytes.Buffer
	done   bool
}

func (p *pasteFromPrompt) Read(b []byte) (int, error) {
	if p.done {
		return 0, nil
	}
	p.done = true
	authURL := regexp.MustCompile(`http://\S+/o/oauth2/auth\?\S+`).FindString(p.prompt.String())
	return copy(b, p.w.follow(authURL)+"\n"), nil
}

func TestRemoteSignInInTwoSteps(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.withClient()
	ctx := context.Background()
	start, err := m.SignIn(ctx, SignInRequest{Email: sandboxtest.Account, Services: []string{"calendar"}, Flow: FlowRemoteStart})
	if err != nil || start.AuthURL == "" || !start.ExpiresAt.Equal(w.sb.Clock.Now().Add(PendingTTL)) {
		t.Fatalf("step 1 = %+v, %v", start, err)
	}
	redirected := w.follow(start.AuthURL)
	// Step 2 runs in another process later: a new Manager on the same machine.
	res, err := w.manager().SignIn(ctx, SignInRequest{Email: sandboxtest.Account, Flow: FlowRemoteFinish, RedirectURL: redirected})
	if err != nil || res.Email != sandboxtest.Account || !contains(res.Granted, scopeCalendar) {
		t.Fatalf("step 2 = %+v, %v", res, err)
	}
	// A pending sign-in is used once.
	_, err = w.manager().SignIn(ctx, SignInRequest{Email: sandboxtest.Account, Flow: FlowRemoteFinish, RedirectURL: redirected})
	if e, ok := errs.As(err); !ok || e.Class != errs.Auth || !strings.Contains(e.Hint, "--remote --step 1") {
		t.Fatalf("reused step 2: %v", err)
	}
	// Nothing secret is left behind: the pending state is gone from the store.
	keys, _ := w.store.Keys()
	for _, k := range keys {
		if strings.HasPrefix(k, kindPending+":") {
			t.Fatalf("pending state left: %s", k)
		}
	}
}

func TestRemoteSignInExpiresAfterTenMinutes(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.withClient()
	ctx := context.Background()
	start, err := m.SignIn(ctx, SignInRequest{Email: sandboxtest.Account, Services: []string{"calendar"}, Flow: FlowRemoteStart})
	if err != nil {
		t.Fatal(err)
	}
	redirected := w.follow(start.AuthURL)
	w.sb.Clock.Advance(PendingTTL + time.Second)
	_, err = m.SignIn(ctx, SignInRequest{Flow: FlowRemoteFinish, RedirectURL: redirected})
	if e, ok := errs.As(err); !ok || !strings.Contains(e.Message, "expired") {
		t.Fatalf("err = %v", err)
	}
	if n := w.tokenCalls(); n != 0 {
		t.Fatalf("an expired sign-in made %d token calls", n)
	}
}

func TestPartialGrantIsStoredAndTheMissingScopesNamed(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.withClient()
	w.sb.SetConsent(sandbox.Consent{Grant: []string{"openid", "https://www.googleapis.com/auth/userinfo.email", scopeCalendar}})
	res, err := m.SignIn(context.Background(), SignInRequest{Email: sandboxtest.Account, Services: []string{"calendar", "youtube"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Missing) != 1 || res.Missing[0] != scopeYouTube || contains(res.Granted, scopeYouTube) {
		t.Fatalf("result = %+v", res)
	}
	rec, _ := m.Record(context.Background(), sandboxtest.Account)
	if contains(rec.Granted, scopeYouTube) || !contains(rec.Requested, scopeYouTube) {
		t.Fatalf("stored grant = %v requested = %v", rec.Granted, rec.Requested)
	}
}

func TestWideningReconsentsForTheUnion(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.withClient()
	ctx := context.Background()
	if _, err := m.SignIn(ctx, SignInRequest{Email: sandboxtest.Account, Services: []string{"calendar"}}); err != nil {
		t.Fatal(err)
	}
	res, err := w.manager().SignIn(ctx, SignInRequest{Email: sandboxtest.Account, Services: []string{"youtube"}})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Widened || !contains(res.Granted, scopeCalendar) || !contains(res.Granted, scopeYouTube) ||
		strings.Join(res.Services, ",") != "calendar,youtube" {
		t.Fatalf("result = %+v", res)
	}
	auths := w.net.find("/o/oauth2/auth")
	u, _ := url.Parse(auths[1].url)
	scope := u.Query().Get("scope")
	if u.Query().Get("prompt") != "consent" || !strings.Contains(scope, scopeCalendar) || !strings.Contains(scope, scopeYouTube) {
		t.Fatalf("second consent asked for %q (prompt %q)", scope, u.Query().Get("prompt"))
	}
}

func TestSignInIsStoredUnderTheAccountThatActuallySignedIn(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.withClient()
	// The person picks another account on the consent page: the sandbox signs in its first account.
	w.net.before = func(req *http.Request) {
		q := req.URL.Query()
		q.Del("login_hint")
		req.URL.RawQuery = q.Encode()
	}
	res, err := m.SignIn(context.Background(), SignInRequest{Email: "Someone.Else@example.com", Services: []string{"calendar"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Email != sandboxtest.Account || res.AskedFor != "someone.else@example.com" {
		t.Fatalf("result = %+v", res)
	}
	if rec, _ := m.Record(context.Background(), "someone.else@example.com"); rec != nil {
		t.Fatal("stored under the address typed, not the one that signed in")
	}
}

func TestDeniedConsentStoresNothing(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.withClient()
	w.sb.SetConsent(sandbox.Consent{Deny: true})
	_, err := m.SignIn(context.Background(), SignInRequest{Email: sandboxtest.Account, Services: []string{"calendar"}})
	if e, ok := errs.As(err); !ok || e.Class != errs.Auth || !strings.Contains(e.Message, "access_denied") {
		t.Fatalf("err = %v", err)
	}
}

func TestSignInWithoutAClientNamesTheCommand(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	_, err := w.manager().SignIn(context.Background(), SignInRequest{Email: sandboxtest.Account})
	if e, ok := errs.As(err); !ok || e.Class != errs.Config || !strings.Contains(e.Hint, "auth credentials") {
		t.Fatalf("err = %v", err)
	}
}

func TestGoogleFlowOpensTheBrowserAndWaitsForIt(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	// Google's hosts, routed to the sandbox: the realm is Google's, so gog waits for the browser.
	sbURL, _ := url.Parse(w.sb.URL)
	w.net.next = rewriteHost{host: sbURL.Host}
	m := NewManager(Options{HTTP: w.net, Clock: w.sb.Clock, LocksDir: w.locks,
		OpenStore: w.manager().opts.OpenStore,
		OpenBrowser: func(ctx context.Context, authURL string) error {
			// The "browser": consent at the sandbox, then follow the redirect to gog's listener.
			u, _ := url.Parse(authURL)
			u.Scheme, u.Host = "http", sbURL.Host
			loc := w.follow(u.String())
			resp, err := http.Get(loc)
			if err == nil {
				resp.Body.Close()
			}
			return err
		}})
	ctx := context.Background()
	if err := m.SaveClient(ctx, &ClientCredentials{Name: DefaultClientName, ClientID: w.sb.Client.ID, ClientSecret: w.sb.Client.Secret}); err != nil {
		t.Fatal(err)
	}
	var prompt bytes.Buffer
	res, err := m.SignIn(ctx, SignInRequest{Email: sandboxtest.Account, Services: []string{"calendar"}, Prompt: &prompt})
	if err != nil || res.Realm != GoogleRealm {
		t.Fatalf("SignIn = %+v, %v", res, err)
	}
	if !strings.Contains(prompt.String(), "https://accounts.google.com/o/oauth2/auth?") {
		t.Fatalf("the Google URL was not printed:\n%s", prompt.String())
	}
}

func TestGoogleFlowGivesUpAfterTheTimeout(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := NewManager(Options{HTTP: w.fake, Clock: w.clk, LocksDir: w.locks, OpenStore: w.newManager().opts.OpenStore})
	ctx := context.Background()
	if err := m.SaveClient(ctx, &ClientCredentials{Name: DefaultClientName, ClientID: "c", ClientSecret: "s"}); err != nil {
		t.Fatal(err)
	}
	_, err := m.SignIn(ctx, SignInRequest{Email: "ada@example.com", Services: []string{"calendar"}})
	if e, ok := errs.As(err); !ok || e.Class != errs.Auth || !strings.Contains(e.Message, "within 2m0s") || !strings.Contains(e.Hint, "--manual") {
		t.Fatalf("err = %v", err)
	}
}

// rewriteHost sends every request to one host (Google's hostnames → the sandbox).
type rewriteHost struct{ host string }

func (r rewriteHost) RoundTrip(req *http.Request) (*http.Response, error) {
	c := req.Clone(req.Context())
	c.URL.Scheme, c.URL.Host, c.Host = "http", r.host, ""
	return http.DefaultTransport.RoundTrip(c)
}

func TestServicesScopesIncludeIdentity(t *testing.T) {
	t.Parallel()
	got := scopes.For([]string{"calendar"}, true, nil)
	if !contains(got, "openid") || !contains(got, "https://www.googleapis.com/auth/userinfo.email") {
		t.Fatalf("scopes = %v", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

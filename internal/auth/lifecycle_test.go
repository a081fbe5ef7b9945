package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/endpoints"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
	"github.com/gogcli/gog/internal/scopes"
	"github.com/gogcli/gog/internal/secrets"
)

// signIn signs the sandbox account in for services and returns its Manager.
func (w *sbWorld) signIn(services ...string) *Manager {
	w.t.Helper()
	m := w.withClient()
	if _, err := m.SignIn(context.Background(), SignInRequest{Email: sandboxtest.Account, Services: services}); err != nil {
		w.t.Fatal(err)
	}
	return m
}

func TestSignOutRevokesTheGrant(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.signIn("calendar")
	ctx := context.Background()
	rec, _ := m.Record(ctx, sandboxtest.Account)
	res, err := m.SignOut(ctx, sandboxtest.Account, false)
	if err != nil || !res.Revoked {
		t.Fatalf("SignOut = %+v, %v", res, err)
	}
	// The revoked refresh token no longer works, even from a copy.
	copyRec := rec.clone()
	if err := m.putRecord(ctx, copyRec); err != nil {
		t.Fatal(err)
	}
	_, err = w.manager().User(sandboxtest.Account).ForceRefresh(ctx, rec.AccessToken)
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) || re.ErrorCode != "invalid_grant" {
		t.Fatalf("refresh after revoke: %v", err)
	}
	if _, err := m.SignOut(ctx, "nobody@example.com", false); errs.ClassOf(err) != errs.NotFound {
		t.Fatalf("signing out an unknown account: %v", err)
	}
}

func TestSignOutKeepingTheGrantDoesNotRevoke(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.signIn("calendar")
	res, err := m.SignOut(context.Background(), sandboxtest.Account, true)
	if err != nil || res.Revoked {
		t.Fatalf("SignOut = %+v, %v", res, err)
	}
	for _, r := range w.sb.Requests() {
		if r.Path == "/revoke" {
			t.Fatal("--keep-grant revoked")
		}
	}
}

// stampDate makes the sandbox's answers carry its own clock in Date (net/http stamps the wall clock, which a
// test's fake clock is far from), plus skew.
func (w *sbWorld) stampDate(skew time.Duration) {
	w.net.rewrite = func(_ *http.Request, resp *http.Response) {
		resp.Header.Set("Date", w.sb.Server.Now().Add(skew).UTC().Format(http.TimeFormat))
	}
}

func TestDoctorReportsAMissingScopeWithItsFix(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	w.stampDate(0)
	w.sb.SetConsent(sandbox.Consent{Grant: []string{scopeCalendar}})
	m := w.signIn("calendar", "youtube")
	r := m.Doctor(context.Background(), Choice{}, nil)
	if r.OK {
		t.Fatalf("report = %+v", r)
	}
	var yt, cal *Check
	for i := range r.Checks {
		switch r.Checks[i].Service {
		case "youtube":
			yt = &r.Checks[i]
		case "calendar":
			cal = &r.Checks[i]
		}
	}
	if yt == nil || yt.Status != CheckFail || yt.Missing[0] != scopeYouTube ||
		yt.Fix != "gog auth add "+sandboxtest.Account+" --services youtube --force-consent" {
		t.Fatalf("youtube check = %+v", yt)
	}
	if cal == nil || cal.Status != CheckOK {
		t.Fatalf("calendar check = %+v", cal)
	}
	if e, ok := errs.As(r.Err()); !ok || e.Class != errs.Auth {
		t.Fatalf("Err = %v", r.Err())
	}
}

func TestDoctorReportsARevokedRefreshTokenWithItsFix(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.signIn("calendar")
	w.sb.AddFault(sandbox.Fault{PathPrefix: "/token", Preset: "invalid_grant"})
	r := m.Doctor(context.Background(), Choice{}, nil)
	var refresh *Check
	for i := range r.Checks {
		if r.Checks[i].Name == "refresh_token" {
			refresh = &r.Checks[i]
		}
	}
	if refresh == nil || refresh.Status != CheckFail || refresh.Reason != "invalid_grant" ||
		!strings.Contains(refresh.Fix, "gog auth add "+sandboxtest.Account+" --force-consent") {
		t.Fatalf("refresh check = %+v", refresh)
	}
	if errs.ClassOf(r.Err()) != errs.Auth {
		t.Fatalf("Err = %v", r.Err())
	}
}

func TestDoctorPassesForAHealthySignIn(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	w.stampDate(2 * time.Second)
	m := w.signIn("calendar")
	r := m.Doctor(context.Background(), Choice{}, nil)
	if !r.OK || r.Err() != nil || r.Account != sandboxtest.Account || r.Backend != "memory" {
		t.Fatalf("report = %+v", r)
	}
	names := []string{}
	for _, c := range r.Checks {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ","); got != "secret_store,credentials,client,token_cache,refresh_token,clock,scopes" {
		t.Fatalf("checks = %s", got)
	}
}

func TestDoctorReportsAClockSkewedAgainstTheTokenEndpoint(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	w.stampDate(-5 * time.Minute)
	m := w.signIn("calendar")
	r := m.Doctor(context.Background(), Choice{}, nil)
	for _, c := range r.Checks {
		if c.Name == "clock" {
			if c.Status != CheckFail || !strings.Contains(c.Detail, "5m0s ahead of") || !strings.Contains(c.Fix, "clock") {
				t.Fatalf("clock check = %+v", c)
			}
			return
		}
	}
	t.Fatal("no clock check")
}

func TestTokenBundleMovesASignInToAnotherMachine(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.signIn("calendar")
	ctx := context.Background()
	b, err := m.Export(ctx, nil)
	if err != nil || len(b.Accounts) != 1 || len(b.Clients) != 1 || b.Accounts[0].RefreshToken == "" {
		t.Fatalf("Export = %+v, %v", b, err)
	}
	other := &sbWorld{t: t, sb: w.sb, net: w.net, store: secrets.NewMemory(), locks: t.TempDir()}
	done, err := other.manager().Import(ctx, b, false)
	if err != nil || len(done) != 1 {
		t.Fatalf("Import = %v, %v", done, err)
	}
	before := w.tokenCalls()
	res, err := other.manager().Resolve(ctx, Choice{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := res.Credentials.Token(ctx); err != nil {
		t.Fatal(err)
	}
	if w.tokenCalls() != before+1 {
		t.Fatal("the imported sign-in must mint its own access token")
	}
	// A bundle for another realm is refused.
	b.Realm = GoogleRealm
	if _, err := other.manager().Import(ctx, b, false); errs.ClassOf(err) != errs.Usage {
		t.Fatalf("import into another realm: %v", err)
	}
}

func TestSandboxServiceAccountKeyMintsDelegatedTokens(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.manager()
	ctx := context.Background()
	if _, err := m.SaveServiceAccount(ctx, sandboxtest.Account, w.sb.ServiceAccountKey("robot-one"), []string{"calendar"},
		scopes.For([]string{"calendar"}, false, nil)); err != nil {
		t.Fatal(err)
	}
	res, err := m.Resolve(ctx, Choice{Account: sandboxtest.Account})
	if err != nil || res.Mode != ModeServiceAccount || !res.Delegated {
		t.Fatalf("Resolve = %+v, %v", res, err)
	}
	tok, err := res.Credentials.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	info, err := m.userinfo(ctx, tok.AccessToken)
	if err != nil || info.Email != sandboxtest.Account {
		t.Fatalf("delegated token belongs to %+v, %v", info, err)
	}
}

func TestSandboxIsSetUpOnFirstUseThroughTheOAuthFlow(t *testing.T) {
	t.Parallel()
	sb, err := sandbox.Open(context.Background(), sandbox.Options{StateDir: t.TempDir(), BaseURL: sandbox.InProcessBaseURL, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	if err := sb.EnsureAccount(context.Background(), sandbox.DefaultAccount, true); err != nil {
		t.Fatal(err)
	}
	store := secrets.NewMemory()
	newM := func() *Manager {
		return NewManager(Options{Endpoints: endpoints.Override(sandbox.InProcessBaseURL), HTTP: sb.Transport(), LocksDir: t.TempDir(),
			OpenStore: func(context.Context) (secrets.Store, error) { return store, nil }})
	}
	ctx := context.Background()
	for range 2 {
		if err := newM().BootstrapSandbox(ctx, sb.CreateClient, sandbox.DefaultAccount); err != nil {
			t.Fatal(err)
		}
	}
	var auths, exchanges int
	for _, r := range sb.Requests() {
		switch {
		case strings.HasPrefix(r.Path, "/o/oauth2/auth"):
			auths++
		case r.Path == "/token":
			exchanges++
		}
	}
	if auths != 1 || exchanges != 1 {
		t.Fatalf("consent %d, token %d: want one sign-in through the code flow", auths, exchanges)
	}
	res, err := newM().Resolve(ctx, Choice{})
	if err != nil || res.Account != sandbox.DefaultAccount || len(res.Record.Services) != 9 {
		t.Fatalf("Resolve = %+v, %v", res, err)
	}
	// Signed out later, it stays signed out.
	if _, err := newM().SignOut(ctx, sandbox.DefaultAccount, true); err != nil {
		t.Fatal(err)
	}
	if err := newM().BootstrapSandbox(ctx, sb.CreateClient, sandbox.DefaultAccount); err != nil {
		t.Fatal(err)
	}
	if _, err := newM().Resolve(ctx, Choice{}); errs.ClassOf(err) != errs.Auth {
		t.Fatalf("after sign-out: %v", err)
	}
}

package auth

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gogcli/gog/internal/endpoints"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/secrets"
	"github.com/gogcli/gog/internal/transport"
)

func TestCredentialChoiceOrder(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.signedIn("ada@example.com", w.clk.Now().Add(time.Hour))
	m := w.signedIn("bob@example.com", w.clk.Now().Add(time.Hour))
	ctx := context.Background()
	if _, err := m.SaveServiceAccount(ctx, "svc@example.com", testKeyJSON(t, testBase+"/token"), []string{"calendar"}, []string{"openid"}); err != nil {
		t.Fatal(err)
	}
	aliases := map[string]string{"work": "Bob@Example.com"}
	cases := []struct {
		name      string
		c         Choice
		mode      string
		account   string
		why       string
		wantClass errs.Class
	}{
		{"direct token beats everything", Choice{AccessToken: "ya29.x", AccessTokenSource: "GOG_ACCESS_TOKEN", Account: "ada@example.com", DefaultAccount: "bob@example.com"},
			ModeAccessToken, "ada@example.com", "GOG_ACCESS_TOKEN", ""},
		{"account flag", Choice{Account: "ada@example.com", AccountSource: "--account", DefaultAccount: "bob@example.com"},
			ModeOAuth, "ada@example.com", "named by --account", ""},
		{"alias", Choice{Account: "work", AccountSource: "GOG_ACCOUNT", Aliases: aliases}, ModeOAuth, "bob@example.com", "alias work", ""},
		{"default account through an alias", Choice{DefaultAccount: "work", Aliases: aliases}, ModeOAuth, "bob@example.com", "config default_account", ""},
		{"service-account key wins for its account", Choice{Account: "svc@example.com"}, ModeServiceAccount, "svc@example.com", "service-account key", ""},
		{"several and none chosen", Choice{}, "", "", "", errs.Auth},
		{"unknown alias", Choice{Account: "nope"}, "", "", "", errs.Usage},
		{"account not signed in", Choice{Account: "eve@example.com"}, "", "", "", errs.Auth},
		{"unknown mode", Choice{AuthMode: "magic"}, "", "", "", errs.Usage},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := w.newManager().Resolve(ctx, tc.c)
			if tc.wantClass != "" {
				if errs.ClassOf(err) != tc.wantClass {
					t.Fatalf("err = %v, want class %s", err, tc.wantClass)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Mode != tc.mode || res.Account != tc.account || !strings.Contains(res.Why, tc.why) {
				t.Fatalf("got mode %s account %s why %q", res.Mode, res.Account, res.Why)
			}
			if res.Mode == ModeOAuth && len(res.Granted) == 0 {
				t.Fatalf("stored OAuth must report the grant")
			}
			if res.Mode != ModeOAuth && res.Granted != nil {
				t.Fatalf("granted must be nil when unknown, got %v", res.Granted)
			}
		})
	}
}

func TestTheOnlyAccountIsChosenWhenNoneIsNamed(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.signedIn("ada@example.com", w.clk.Now().Add(time.Hour))
	res, err := m.Resolve(context.Background(), Choice{})
	if err != nil || res.Account != "ada@example.com" || res.Why != "the only account signed in" {
		t.Fatalf("Resolve = %+v, %v", res, err)
	}
}

func TestGoogleSignInIsNotSignedInAtAnotherEndpoint(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	store := w.store
	google := NewManager(Options{OpenStore: func(context.Context) (secrets.Store, error) { return store, nil }, LocksDir: w.locks, Clock: w.clk})
	ctx := context.Background()
	rec := &TokenRecord{Realm: GoogleRealm, Email: "ada@gmail.com", Client: "default", RefreshToken: "1//google-refresh",
		AccessToken: "ya29.google", Expiry: w.clk.Now().Add(time.Hour)}
	if err := google.putRecord(ctx, rec); err != nil {
		t.Fatal(err)
	}
	endpoint := w.newManager() // realm http://fake.test, same store
	for _, c := range []Choice{{Account: "ada@gmail.com"}, {}} {
		_, err := endpoint.Resolve(ctx, c)
		e, ok := errs.As(err)
		if !ok || e.Class != errs.Auth || !strings.Contains(e.Message, "at "+testBase) || !strings.Contains(e.Hint, "auth add") {
			t.Fatalf("Resolve(%+v) err = %v", c, err)
		}
	}
	if res, err := google.Resolve(ctx, Choice{}); err != nil || res.Account != "ada@gmail.com" {
		t.Fatalf("google realm: %+v, %v", res, err)
	}
}

func TestADCAuthorizedUserRefreshesWithTheFilesRefreshToken(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "adc.json")
	adc := `{"type":"authorized_user","client_id":"adc-cid","client_secret":"adc-secret","refresh_token":"1//adc-refresh","token_uri":"` + testBase + `/token"}`
	if err := os.WriteFile(path, []byte(adc), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": path}
	res, err := w.newManager().Resolve(context.Background(), Choice{AuthMode: "adc", Getenv: func(k string) string { return env[k] }})
	if err != nil || res.Mode != ModeADC || res.ADCFile != path {
		t.Fatalf("Resolve = %+v, %v", res, err)
	}
	for range 2 {
		if tok, err := res.Credentials.Token(context.Background()); err != nil || tok.AccessToken != "ya29.token-1" {
			t.Fatalf("Token = %v, %v", tok, err)
		}
	}
	w.fake.mu.Lock()
	form := w.fake.forms[0]
	w.fake.mu.Unlock()
	if len(w.fake.forms) != 1 || form.Get("refresh_token") != "1//adc-refresh" || form.Get("client_id") != "adc-cid" {
		t.Fatalf("token calls = %v", w.fake.forms)
	}
	if _, ok := res.Credentials.(transport.ScopeRecoverer); ok {
		t.Fatal("ADC credentials must not offer scope recovery")
	}
}

func TestADCFileForGoogleIsRefusedAtAnotherEndpoint(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := filepath.Join(t.TempDir(), "adc.json")
	if err := os.WriteFile(path, []byte(`{"type":"authorized_user","client_id":"c","client_secret":"s","refresh_token":"1//r"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := w.newManager().Resolve(context.Background(), Choice{AuthMode: "adc",
		Getenv: func(k string) string { return map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": path}[k] }})
	if errs.ClassOf(err) != errs.Auth {
		t.Fatalf("err = %v, want auth_required", err)
	}
	if n := w.fake.count("refresh_token"); n != 0 {
		t.Fatal("a Google refresh token was sent to another endpoint")
	}
}

func TestADCWellKnownFileFollowsGcloudsLayout(t *testing.T) {
	t.Parallel()
	env := map[string]string{"HOME": "/home/ada"}
	get := func(k string) string { return env[k] }
	if got := ADCPath(get); got != filepath.Join("/home/ada", ".config", "gcloud", "application_default_credentials.json") {
		t.Fatalf("ADCPath = %s", got)
	}
	env["CLOUDSDK_CONFIG"] = "/etc/gcloud"
	if got := ADCPath(get); got != filepath.Join("/etc/gcloud", "application_default_credentials.json") {
		t.Fatalf("ADCPath = %s", got)
	}
	env["GOOGLE_APPLICATION_CREDENTIALS"] = "/keys/sa.json"
	if got := ADCPath(get); got != "/keys/sa.json" {
		t.Fatalf("ADCPath = %s", got)
	}
}

func TestRealmOfEndpoints(t *testing.T) {
	t.Parallel()
	if r := RealmOf(endpoints.Endpoints{}); r != GoogleRealm {
		t.Fatalf("google realm = %q", r)
	}
	if r := RealmOf(endpoints.Override("http://127.0.0.1:8080/")); r != "http://127.0.0.1:8080" {
		t.Fatalf("endpoint realm = %q", r)
	}
	k := key(kindToken, "http://127.0.0.1:8080", "ada@example.com")
	if strings.Count(k, ":") != 2 || strings.Contains(k, "/") {
		t.Fatalf("key %q must have exactly the two separators and no slash", k)
	}
}

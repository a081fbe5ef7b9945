package authcmd_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/auth"
	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestCredentialsKeepsTheClientSecretOutOfTheConfig(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	r := m.gog(string(m.sb.Client.JSON), "--json", "auth", "credentials", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	row := decode[map[string]string](t, r.stdout)
	if row["client_id"] != m.sb.Client.ID || row["name"] != "default" {
		t.Fatalf("stored = %v", row)
	}
	list := decode[map[string][]map[string]string](t, m.must("--json", "auth", "credentials", "list").stdout)
	if len(list["clients"]) != 1 || list["clients"][0]["client_id"] != m.sb.Client.ID {
		t.Fatalf("list = %v", list)
	}
	if strings.Contains(r.stdout+r.stderr, m.sb.Client.Secret) {
		t.Fatal("the client secret was printed")
	}
	// Stored for Google, a sandbox client is refused with the command that stores it where it belongs.
	r = m.gog(string(m.sb.Client.JSON), "--endpoint", "", "auth", "credentials", "-")
	if r.code != 2 || !strings.Contains(r.stderr, "gog --endpoint "+m.sb.URL) {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
}

func TestAddSignsInAgainstTheSandboxWithoutABrowserUnderNoInput(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.gog(string(m.sb.Client.JSON), "auth", "credentials", "-")
	r := m.must("--no-input", "auth", "add", sandboxtest.Account, "--services", "calendar,youtube", "--readonly")
	mustContain(t, "stdout", r.stdout, "Signed in "+sandboxtest.Account)
	mustContain(t, "stderr (the URL is always printed)", r.stderr, m.sb.URL+"/o/oauth2/auth?")
	st := decode[map[string]any](t, m.must("--json", "auth", "status").stdout)
	granted, _ := st["granted_scopes"].([]any)
	joined := ""
	for _, g := range granted {
		joined += g.(string) + " "
	}
	if st["mode"] != "oauth" || st["account"] != sandboxtest.Account || !strings.Contains(joined, "calendar.readonly") ||
		strings.Contains(joined, "auth/calendar ") {
		t.Fatalf("status = %v", st)
	}
}

func TestAddFlagsAreValidated(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	for _, args := range [][]string{
		{"--manual", "--remote", "--step", "1"},
		{"--remote"},
		{"--step", "2"},
		{"--remote", "--step", "2"},
		{"--remote", "--step", "1", "--auth-url", "http://127.0.0.1:1/?code=x"},
		{"--services", "calendar,nope"},
	} {
		r := m.gog("", append([]string{"auth", "add", sandboxtest.Account}, args...)...)
		if r.code != 2 {
			t.Fatalf("%v: exit %d, want 2\n%s", args, r.code, r.stderr)
		}
	}
}

func TestPartialGrantWarnsWithTheCommandToFixIt(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.sb.SetConsent(sandbox.Consent{Grant: []string{"https://www.googleapis.com/auth/calendar"}})
	m.gog(string(m.sb.Client.JSON), "auth", "credentials", "-")
	r := m.must("auth", "add", sandboxtest.Account, "--services", "calendar,youtube")
	mustContain(t, "stderr", r.stderr, "https://www.googleapis.com/auth/youtube.readonly")
	mustContain(t, "stderr", r.stderr, "auth add "+sandboxtest.Account+" --services youtube --force-consent")
}

func TestRemoteSignInFromTheCommandLine(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.gog(string(m.sb.Client.JSON), "auth", "credentials", "-")
	r := m.must("auth", "add", sandboxtest.Account, "--services", "calendar", "--remote", "--step", "1")
	authURL := strings.TrimSpace(r.stdout)
	mustContain(t, "stderr", r.stderr, "--remote --step 2 --auth-url")
	redirected := follow(t, authURL)
	m.must("auth", "add", sandboxtest.Account, "--remote", "--step", "2", "--auth-url", redirected)
	m.must("auth", "whoami")
}

func TestStatusSaysWhichCredentialsAndWhy(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.signedIn("calendar")
	m.must("auth", "alias", "set", "me", sandboxtest.Account)
	cases := []struct {
		env  map[string]string
		args []string
		mode string
		why  string
	}{
		{nil, nil, "oauth", "the only account signed in"},
		{map[string]string{"GOG_ACCOUNT": "me"}, nil, "oauth", "named by GOG_ACCOUNT (alias me)"},
		{nil, []string{"--account", sandboxtest.Account}, "oauth", "named by --account"},
		{map[string]string{"GOG_ACCESS_TOKEN": "ya29.direct"}, nil, "access-token", "GOG_ACCESS_TOKEN"},
	}
	for _, tc := range cases {
		for k, v := range tc.env {
			m.env[k] = v
		}
		st := decode[map[string]any](t, m.must(append(tc.args, "--json", "auth", "status")...).stdout)
		for k := range tc.env {
			delete(m.env, k)
		}
		if st["mode"] != tc.mode || !strings.Contains(st["why"].(string), tc.why) {
			t.Fatalf("%v %v: status = %v", tc.env, tc.args, st)
		}
	}
}

func TestListCheckReportsARevokedSignInAndExits4(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.signedIn("calendar")
	list := decode[map[string][]map[string]any](t, m.must("--json", "auth", "list").stdout)
	if len(list["accounts"]) != 1 || list["accounts"][0]["email"] != sandboxtest.Account {
		t.Fatalf("list = %v", list)
	}
	before := m.tokenCalls()
	m.must("auth", "list", "--check")
	if m.tokenCalls() != before+1 {
		t.Fatal("--check must make one real refresh per account")
	}
	m.sb.AddFault(sandbox.Fault{PathPrefix: "/token", Preset: "invalid_grant"})
	r := m.gog("", "--json", "auth", "list", "--check")
	checked := decode[map[string][]map[string]any](t, r.stdout)
	if r.code != 4 || checked["accounts"][0]["check"] != "revoked" ||
		!strings.Contains(checked["accounts"][0]["check_hint"].(string), "--force-consent") {
		t.Fatalf("exit %d: %v", r.code, checked)
	}
}

func TestRemoveNeedsConfirmationAndRevokes(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.signedIn("calendar")
	if r := m.gog("", "auth", "remove", sandboxtest.Account); r.code != 2 || !strings.Contains(r.stderr, "--force") {
		t.Fatalf("without --force: exit %d %s", r.code, r.stderr)
	}
	m.must("--force", "auth", "remove", sandboxtest.Account)
	revoked := false
	for _, r := range m.sb.Requests() {
		revoked = revoked || r.Path == "/revoke"
	}
	if !revoked {
		t.Fatal("remove did not revoke the grant")
	}
	r := m.gog("", "auth", "whoami")
	if r.code != 4 || !strings.Contains(r.stderr, "auth add") {
		t.Fatalf("after remove: exit %d %s", r.code, r.stderr)
	}
}

func TestSignInAtOneEndpointIsNotSignedInAtAnother(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.signedIn("calendar")
	other := sandboxtest.New(t)
	r := m.gog("", "--endpoint", other.URL, "auth", "whoami")
	if r.code != 4 || !strings.Contains(r.stderr, "gog --endpoint "+other.URL+" auth add") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, req := range other.Requests() {
		t.Fatalf("the other endpoint received %s %s", req.Method, req.Path)
	}
}

func TestDoctorJSONReportsAMissingScopeAndARevokedRefreshToken(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.sb.SetConsent(sandbox.Consent{Grant: []string{"https://www.googleapis.com/auth/calendar"}})
	m.signedIn("calendar,youtube")
	m.sb.AddFault(sandbox.Fault{PathPrefix: "/token", Preset: "invalid_grant"})
	r := m.gog("", "--json", "auth", "doctor")
	if r.code != 4 {
		t.Fatalf("exit %d, want 4: %s", r.code, r.stderr)
	}
	report := decode[struct {
		OK     bool
		Checks []struct {
			Name, Status, Service, Fix, Reason string
			Missing                            []string `json:"missing_scopes"`
		}
	}](t, r.stdout)
	var sawScope, sawRevoked bool
	for _, c := range report.Checks {
		if c.Name == "scopes" && c.Service == "youtube" && c.Status == "fail" &&
			c.Fix == "gog --endpoint "+m.sb.URL+" auth add "+sandboxtest.Account+" --services youtube --force-consent" {
			sawScope = true
		}
		if c.Name == "refresh_token" && c.Status == "fail" && c.Reason == "invalid_grant" &&
			strings.Contains(c.Fix, "gog auth add "+sandboxtest.Account+" --force-consent") {
			sawRevoked = true
		}
	}
	if report.OK || !sawScope || !sawRevoked {
		t.Fatalf("report = %s", r.stdout)
	}
}

func TestWhoamiIsOneAuthenticatedCallWithTheCachedToken(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.signedIn("calendar")
	before := m.tokenCalls()
	for range 2 {
		if got := strings.TrimSpace(m.must("auth", "whoami").stdout); got != sandboxtest.Account {
			t.Fatalf("whoami = %q", got)
		}
	}
	if m.tokenCalls() != before {
		t.Fatal("a valid cached token must not call the token endpoint")
	}
}

func TestServiceAccountFromTheCommandLine(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	key := m.sb.ServiceAccountKey("robot-one")
	m.must("auth", "service-account", "set", sandboxtest.Account, "--key", writeFile(t, key), "--services", "calendar")
	st := decode[map[string]any](t, m.must("--json", "auth", "status").stdout)
	if st["mode"] != "service-account" || st["delegated"] != true {
		t.Fatalf("status = %v", st)
	}
	if got := strings.TrimSpace(m.must("auth", "whoami").stdout); got != sandboxtest.Account {
		t.Fatalf("whoami = %q", got)
	}
	m.must("auth", "service-account", "remove", sandboxtest.Account)
	if r := m.gog("", "auth", "service-account", "remove", sandboxtest.Account); r.code != 5 {
		t.Fatalf("second remove: exit %d", r.code)
	}
}

func TestTokensMoveToAnotherMachine(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.signedIn("calendar")
	m.tty = true
	if r := m.gog("", "auth", "tokens", "export"); r.code != 2 || !strings.Contains(r.stderr, "--out") {
		t.Fatalf("export to a terminal: exit %d %s", r.code, r.stderr)
	}
	m.tty = false
	bundle := m.must("auth", "tokens", "export").stdout
	other := &machine{t: t, sb: m.sb, home: t.TempDir(), store: m.store, env: map[string]string{}}
	other.store = newMachine(t).store
	other.env["GOG_HOME"], other.env["HOME"] = other.home, other.home
	other.must("auth", "tokens", "import", writeFile(t, []byte(bundle)))
	if got := strings.TrimSpace(other.must("auth", "whoami").stdout); got != sandboxtest.Account {
		t.Fatalf("whoami on the other machine = %q", got)
	}
}

func TestServicesJSONIsTheScopeTable(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	out := decode[struct {
		Services []struct {
			Name     string
			Scopes   []string
			ReadOnly []string `json:"readonly_scopes"`
		}
	}](t, m.must("--json", "auth", "services").stdout)
	names := []string{}
	for _, s := range out.Services {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, ","); got != "calendar,contacts,youtube,gmail,drive,tasks,sheets,docs,slides" {
		t.Fatalf("services = %s", got)
	}
}

func TestFileBackendWithoutAPasswordFailsAtOnceWithoutATerminal(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.store = nil
	m.env["GOG_KEYRING_BACKEND"] = "file"
	for _, tc := range []struct {
		tty  bool
		args []string
	}{{false, nil}, {true, []string{"--no-input"}}} {
		m.tty = tc.tty
		r := m.gog(string(m.sb.Client.JSON), append(tc.args, "auth", "credentials", "-")...)
		if r.code != 10 || !strings.Contains(r.stderr, "GOG_KEYRING_PASSWORD") {
			t.Fatalf("tty=%v %v: exit %d: %s", tc.tty, tc.args, r.code, r.stderr)
		}
	}
}

func TestFileBackendKeepsNoSecretInPlainText(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.store = nil
	m.env["GOG_KEYRING_BACKEND"] = "file"
	m.env["GOG_KEYRING_PASSWORD"] = "correct horse"
	m.signedIn("calendar")
	bundle := decode[struct {
		Accounts []struct {
			RefreshToken string `json:"refresh_token"`
		}
	}](t, m.must("auth", "tokens", "export").stdout)
	secretsToFind := []string{m.sb.Client.Secret, bundle.Accounts[0].RefreshToken}
	err := filepath.Walk(m.home, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, s := range secretsToFind {
			if strings.Contains(string(raw), s) {
				t.Errorf("%s holds a secret in plain text", path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSandboxFlagSignsInOnFirstUse(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.store = nil // the sandbox keeps its own credentials, whatever the user's keyring
	m.env["GOG_KEYRING_BACKEND"] = "file"
	st := decode[map[string]any](t, m.must("--sandbox", "--no-input", "--json", "auth", "status").stdout)
	if st["account"] != "you@example.com" || st["mode"] != "oauth" {
		t.Fatalf("status = %v", st)
	}
	if got := strings.TrimSpace(m.must("--sandbox", "auth", "whoami").stdout); got != "you@example.com" {
		t.Fatalf("whoami = %q", got)
	}
	if _, err := os.Stat(filepath.Join(m.home, "keyring")); !os.IsNotExist(err) {
		t.Fatalf("--sandbox touched the user's secret store: %v", err)
	}
}

func writeFile(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "f.json")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDebugTracesTokenCallsWithSecretsRedacted(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	m.signedIn("calendar")
	r := m.must("--debug", "auth", "list", "--check")
	mustContain(t, "stderr", r.stderr, "POST "+m.sb.URL+"/token")
	raw, err := m.store.Get(auth.TokenKey(auth.Realm(m.sb.URL), sandboxtest.Account))
	if err != nil {
		t.Fatal(err)
	}
	rec := decode[auth.TokenRecord](t, string(raw))
	for what, s := range map[string]string{"refresh token": rec.RefreshToken, "access token": rec.AccessToken, "client secret": m.sb.Client.Secret} {
		if strings.Contains(r.stderr+r.stdout, s) {
			t.Fatalf("--debug printed the %s", what)
		}
	}
}

func TestADCFromTheEnvironment(t *testing.T) {
	t.Parallel()
	m := newMachine(t)
	tok := m.sb.MintToken(sandboxtest.Account, "openid", "email")
	user := fmt.Sprintf(`{"type":"authorized_user","client_id":%q,"client_secret":%q,"refresh_token":%q,"token_uri":%q}`,
		m.sb.Client.ID, m.sb.Client.Secret, tok.RefreshToken, m.sb.URL+"/token")
	cases := []struct {
		name string
		file []byte
		args []string
		mode string
	}{
		{"authorized_user", []byte(user), nil, "adc"},
		{"service account with delegation", m.sb.ServiceAccountKey("robot-adc"), []string{"--account", sandboxtest.Account}, "adc"},
	}
	for _, tc := range cases {
		m.env["GOG_AUTH_MODE"] = "adc"
		m.env["GOOGLE_APPLICATION_CREDENTIALS"] = writeFile(t, tc.file)
		st := decode[map[string]any](t, m.must(append(tc.args, "--json", "auth", "status")...).stdout)
		if st["mode"] != tc.mode || !strings.Contains(st["why"].(string), "GOG_AUTH_MODE=adc") {
			t.Fatalf("%s: status = %v", tc.name, st)
		}
		if got := strings.TrimSpace(m.must(append(tc.args, "auth", "whoami")...).stdout); got != sandboxtest.Account {
			t.Fatalf("%s: whoami = %q", tc.name, got)
		}
	}
}

package authcmd_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cli"
	"github.com/gogcli/gog/internal/output"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
	"github.com/gogcli/gog/internal/secrets"
)

// machine is one user's computer: a GOG_HOME, an environment, a secret store, and a sandbox to talk to.
// Every run is a fresh App (a new gog process), sharing the machine's files and store.
type machine struct {
	t     *testing.T
	sb    *sandboxtest.Sandbox
	home  string
	env   map[string]string
	store secrets.Store // nil = the configured store (the file backend under GOG_HOME)
	tty   bool
}

func newMachine(t *testing.T) *machine {
	t.Helper()
	home := t.TempDir()
	return &machine{t: t, sb: sandboxtest.New(t), home: home, store: secrets.NewMemory(),
		env: map[string]string{"GOG_HOME": home, "HOME": home}}
}

type result struct {
	code           int
	stdout, stderr string
}

// gog runs one command against the machine's sandbox (--endpoint is added unless args choose a target).
func (m *machine) gog(stdin string, args ...string) result {
	m.t.Helper()
	ios, in, out, errOut := output.Test()
	in.WriteString(stdin)
	ios.SetTTY(m.tty, m.tty, m.tty)
	a := app.New(ios, func(k string) string { return m.env[k] })
	a.Clock = m.sb.Clock
	a.OpenBrowser = func(context.Context, string) error {
		m.t.Error("a test tried to open a browser")
		return nil
	}
	if m.store != nil {
		a.UseSecretStore(m.store)
	}
	if !hasTarget(args) {
		args = append([]string{"--endpoint", m.sb.URL}, args...)
	}
	code := cli.Run(context.Background(), a, args)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

func hasTarget(args []string) bool {
	for _, a := range args {
		if a == "--sandbox" || a == "--endpoint" || strings.HasPrefix(a, "--endpoint=") {
			return true
		}
	}
	return false
}

// must runs gog and fails the test unless it exits 0.
func (m *machine) must(args ...string) result {
	m.t.Helper()
	r := m.gog("", args...)
	if r.code != 0 {
		m.t.Fatalf("gog %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

// signedIn stores the sandbox's client and signs the sandbox account in for services.
func (m *machine) signedIn(services string) {
	m.t.Helper()
	r := m.gog(string(m.sb.Client.JSON), "auth", "credentials", "-")
	if r.code != 0 {
		m.t.Fatalf("credentials: %d %s", r.code, r.stderr)
	}
	m.must("--no-input", "auth", "add", sandboxtest.Account, "--services", services)
}

func (m *machine) tokenCalls() int {
	n := 0
	for _, r := range m.sb.Requests() {
		if r.Path == "/token" {
			n++
		}
	}
	return n
}

func decode[T any](t *testing.T, raw string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatalf("decode %q: %v", raw, err)
	}
	return v
}

func mustContain(t *testing.T, what, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) {
		t.Fatalf("%s: want it to contain %q, got:\n%s", what, want, got)
	}
}

// follow fetches a consent URL without following its redirect and returns where it points.
func follow(t *testing.T, authURL string) string {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.Header.Get("Location")
}

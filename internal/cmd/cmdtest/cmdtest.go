// Package cmdtest runs gog commands in-process against a test sandbox, for the "run → effect" tier of command
// tests: the requests made (the sandbox's log), what was printed, and the exit code.
//
// Every Run is a fresh App — a new gog process, as far as the command can tell — sharing one GOG_HOME, one
// environment and one in-memory secret store (the encrypted file store is exercised by the e2e tests; using it
// here would spend a key derivation on every run). New signs the sandbox's account in through the real
// `gog auth add` flow, so the transport's scope recovery and the auth preflight are live in every test.
//
//	env := cmdtest.New(t)
//	r := env.Must("calendar", "events", "--json")
//	reqs := env.SB.Requests()
package cmdtest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cli"
	"github.com/gogcli/gog/internal/output"
	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
	"github.com/gogcli/gog/internal/secrets"
)

// Account is the signed-in sandbox account.
const Account = sandboxtest.Account

// Env is one simulated machine signed in to a test sandbox.
type Env struct {
	T     testing.TB
	SB    *sandboxtest.Sandbox
	Home  string
	Vars  map[string]string // the environment every run sees
	Store secrets.Store
	TTY   bool   // stdin, stdout and stderr are terminals
	Stdin string // what the next runs read on stdin
}

// Result is what one run produced.
type Result struct {
	Code   int
	Stdout string
	Stderr string
}

// New starts a sandbox, signs Account in for every service, and clears the request log, so a test's log holds
// only its own requests.
func New(t testing.TB) *Env {
	t.Helper()
	e := NewSignedOut(t)
	e.Must("auth", "add", Account, "--services", "all", "--no-input")
	e.SB.ClearRequests()
	return e
}

// NewSignedOut starts a sandbox with nobody signed in (the OAuth client is installed).
func NewSignedOut(t testing.TB) *Env {
	t.Helper()
	home := t.TempDir()
	sb := sandboxtest.New(t)
	e := &Env{T: t, SB: sb, Home: home, Store: secrets.NewMemory(),
		Vars: map[string]string{"GOG_HOME": home, "HOME": home, "GOG_ENDPOINT": sb.URL}}
	creds := e.RunIn(string(sb.Client.JSON), "auth", "credentials", "-")
	if creds.Code != 0 {
		t.Fatalf("gog auth credentials: exit %d: %s", creds.Code, creds.Stderr)
	}
	return e
}

// Run runs gog with args.
func (e *Env) Run(args ...string) Result { return e.RunCtx(context.Background(), args...) }

// RunIn runs gog with args, reading stdin from the given text.
func (e *Env) RunIn(stdin string, args ...string) Result {
	saved := e.Stdin
	e.Stdin = stdin
	defer func() { e.Stdin = saved }()
	return e.Run(args...)
}

// RunCtx runs gog with args under ctx (cancel it to simulate Ctrl-C).
func (e *Env) RunCtx(ctx context.Context, args ...string) Result {
	e.T.Helper()
	ios, in, out, errOut := output.Test()
	in.WriteString(e.Stdin)
	ios.SetTTY(e.TTY, e.TTY, e.TTY)
	a := app.New(ios, func(k string) string { return e.Vars[k] })
	a.Clock = e.SB.Clock
	a.OpenBrowser = func(context.Context, string) error {
		e.T.Error("a test tried to open a browser")
		return nil
	}
	a.UseSecretStore(e.Store)
	code := cli.Run(ctx, a, args)
	return Result{Code: code, Stdout: out.String(), Stderr: errOut.String()}
}

// Must runs gog and fails the test unless it exits 0.
func (e *Env) Must(args ...string) Result {
	e.T.Helper()
	r := e.Run(args...)
	if r.Code != 0 {
		e.T.Fatalf("gog %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.Code, r.Stdout, r.Stderr)
	}
	return r
}

// JSON runs gog with --json prepended and decodes stdout into v, failing the test on a non-zero exit.
func (e *Env) JSON(v any, args ...string) Result {
	e.T.Helper()
	r := e.Must(append([]string{"--json"}, args...)...)
	if err := json.Unmarshal([]byte(r.Stdout), v); err != nil {
		e.T.Fatalf("gog %s: stdout is not the expected JSON: %v\n%s", strings.Join(args, " "), err, r.Stdout)
	}
	return r
}

// Requests returns the sandbox's request log (Google paths only, /token included).
func (e *Env) Requests() []sandbox.RequestEntry { return e.SB.Requests() }

// Paths returns "METHOD path" of every logged request, for compact assertions.
func (e *Env) Paths() []string {
	var out []string
	for _, r := range e.SB.Requests() {
		out = append(out, r.Method+" "+r.Path)
	}
	return out
}

// ErrorObject decodes the one JSON error object a --json run writes to stderr.
func (r Result) ErrorObject(t testing.TB) map[string]any {
	t.Helper()
	var obj struct {
		Error map[string]any `json:"error"`
	}
	if err := json.Unmarshal([]byte(r.Stderr), &obj); err != nil || obj.Error == nil {
		t.Fatalf("stderr is not one JSON error object: %v\n%s", err, r.Stderr)
	}
	return obj.Error
}

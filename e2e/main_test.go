// Package e2e runs the real gog as a process against a sandbox served on loopback: what a script or a second
// terminal would see, including what only separate processes can show (file locks, the shared token cache, the
// secret store on disk).
//
// The test binary is also gog: TestMain re-executes it with GOG_E2E_AS_GOG=1, and then it runs cli.Main and
// exits. No separate build step, and the race detector covers the gog processes too.
package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/cli"
)

func TestMain(m *testing.M) {
	if os.Getenv("GOG_E2E_AS_GOG") == "1" {
		os.Exit(cli.Main(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// keyringPassword encrypts the file secret store of every test home.
const keyringPassword = "e2e-keyring-password"

// home is one machine: a GOG_HOME and the environment every gog process started there gets.
type home struct {
	t   *testing.T
	dir string
	env map[string]string
}

// newHome returns an empty GOG_HOME whose secret store is the encrypted file backend.
func newHome(t *testing.T) *home {
	t.Helper()
	dir := t.TempDir()
	return &home{t: t, dir: dir, env: map[string]string{
		"GOG_HOME":             dir,
		"HOME":                 dir,
		"GOG_KEYRING_BACKEND":  "file",
		"GOG_KEYRING_PASSWORD": keyringPassword,
		"BROWSER":              "none",
	}}
}

// result is what one gog process produced.
type result struct {
	code           int
	stdout, stderr string
}

// command prepares gog with args and stdin, in this home's environment only (never the developer's GOG_*).
func (h *home) command(ctx context.Context, stdin string, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	env := []string{"GOG_E2E_AS_GOG=1", "PATH=" + os.Getenv("PATH")}
	for _, k := range []string{"GOCOVERDIR", "GORACE", "TMPDIR"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	for k, v := range h.env {
		env = append(env, k+"="+v)
	}
	cmd.Env = env
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	return cmd, &out, &errOut
}

// run runs gog to completion.
func (h *home) run(stdin string, args ...string) result {
	h.t.Helper()
	cmd, out, errOut := h.command(h.t.Context(), stdin, args...)
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			h.t.Fatalf("gog %v: %v", args, err)
		}
		code = ee.ExitCode()
	}
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// must runs gog and fails the test unless it exits 0.
func (h *home) must(args ...string) result {
	h.t.Helper()
	r := h.run("", args...)
	if r.code != 0 {
		h.t.Fatalf("gog %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

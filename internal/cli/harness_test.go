package cli

import (
	"bytes"
	"context"
	"testing"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/output"
)

// result is what one gog invocation produced.
type result struct {
	code   int
	stdout string
	stderr string
}

// harness runs gog in-process with an isolated GOG_HOME and a controlled environment.
type harness struct {
	t    *testing.T
	env  map[string]string
	tty  bool
	in   string
	home string
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	home := t.TempDir()
	return &harness{t: t, home: home, env: map[string]string{"GOG_HOME": home, "HOME": home}}
}

func (h *harness) run(args ...string) result {
	return h.runCtx(context.Background(), args...)
}

func (h *harness) runCtx(ctx context.Context, args ...string) result {
	h.t.Helper()
	ios, in, out, errOut := output.Test()
	in.WriteString(h.in)
	ios.SetTTY(h.tty, h.tty, h.tty)
	a := app.New(ios, func(k string) string { return h.env[k] })
	code := Run(ctx, a, args)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

func mustContain(t *testing.T, what, got, want string) {
	t.Helper()
	if !bytes.Contains([]byte(got), []byte(want)) {
		t.Fatalf("%s: want it to contain %q, got:\n%s", what, want, got)
	}
}

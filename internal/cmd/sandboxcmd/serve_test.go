package sandboxcmd

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/config"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

func parseServe(t *testing.T, args ...string) (*ServeOptions, error) {
	t.Helper()
	ios, _, _, _ := output.Test()
	a := app.New(ios, func(string) string { return "" })
	a.Paths = config.Paths{ConfigDir: "/home", DataDir: "/data"}
	var got *ServeOptions
	cmd := NewCmdServe(a, func(_ context.Context, o *ServeOptions) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	return got, cmd.Execute()
}

func TestServeFlagsBecomeOptionsWithTheSandboxDirByDefault(t *testing.T) {
	t.Parallel()
	o, err := parseServe(t, "--addr", "127.0.0.1:8080", "--latency", "100ms", "--token-ttl", "5m")
	if err != nil {
		t.Fatal(err)
	}
	if o.Addr != "127.0.0.1:8080" || o.Latency != 100*time.Millisecond || o.TokenTTL != 5*time.Minute ||
		o.State != filepath.Join("/data", "sandbox") {
		t.Fatalf("options %+v", o)
	}
	o, _ = parseServe(t, "--state", "/tmp/s")
	if o.State != "/tmp/s" || o.Addr != "127.0.0.1:0" || o.TokenTTL != time.Hour {
		t.Fatalf("options %+v", o)
	}
}

func TestServeRefusesNegativeDurations(t *testing.T) {
	t.Parallel()
	if _, err := parseServe(t, "--latency", "-1s"); errs.ClassOf(err) != errs.Usage {
		t.Fatalf("want a usage error, got %v", err)
	}
}

// Package sandboxcmd implements `gog sandbox`: running the built-in fake Google as a local server, and resetting
// the embedded sandbox's state.
package sandboxcmd

import (
	"context"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/sandbox"
)

// New returns the `sandbox` command group.
func New(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sandbox",
		Short: "Run the built-in sandbox (a fake Google) as a local server, or reset its state",
		Long: `The sandbox is a faithful fake of Google's OAuth endpoints and APIs. 'gog --sandbox <command>' runs it
in-process; 'gog sandbox serve' runs it as a server on loopback that any gog command (--endpoint URL) or any
Google client library can use. See docs/sandbox.md for its control API and fault recipes.`,
	}
	cmd.AddCommand(NewCmdServe(a, nil), newReset(a))
	return cmd
}

// ServeOptions are the flags of `gog sandbox serve`.
type ServeOptions struct {
	Addr     string
	State    string
	Latency  time.Duration
	TokenTTL time.Duration
}

// NewCmdServe returns `gog sandbox serve`; runF replaces the run function in flag tests.
func NewCmdServe(a *app.App, runF func(context.Context, *ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: `Serve the sandbox on loopback; prints {"base_url":"http://127.0.0.1:PORT"} when ready`,
		Long: `Serve the sandbox on loopback until SIGINT or SIGTERM, then save its state and exit 0.

When it is ready it prints exactly one line to stdout, {"base_url":"http://127.0.0.1:PORT"}; point any gog
command at it with --endpoint BASE_URL, and script it through its control API under BASE_URL/_sandbox/.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Latency < 0 || opts.TokenTTL < 0 {
				return errs.Usagef("--latency and --token-ttl must not be negative")
			}
			if opts.State == "" {
				opts.State = a.Paths.SandboxDir()
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return serveRun(cmd.Context(), a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:0", "loopback `HOST:PORT` to listen on (port 0 picks a free one)")
	f.StringVar(&opts.State, "state", "", "state `DIR` (default: the sandbox directory under GOG_HOME or the user data dir)")
	f.DurationVar(&opts.Latency, "latency", 0, "delay every Google API response by this much, e.g. 100ms")
	f.DurationVar(&opts.TokenTTL, "token-ttl", time.Hour, "lifetime of the access tokens it mints")
	return cmd
}

func serveRun(ctx context.Context, a *app.App, opts *ServeOptions) error {
	err := sandbox.Serve(ctx, opts.Addr, sandbox.Options{
		StateDir: opts.State, Clock: a.Clock, Latency: opts.Latency, TokenTTL: opts.TokenTTL,
	}, a.IO.Out)
	if err != nil && ctx.Err() == nil {
		return errs.Wrap(err, errs.Config, "%v", err).
			WithHint("pick another --addr (loopback only) or --state directory")
	}
	// Interrupted by SIGINT/SIGTERM: that is how serve is meant to end; the state was saved.
	return nil
}

func newReset(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "reset",
		Short: "Delete the embedded sandbox's state (accounts, data, sign-ins); it is provisioned afresh on next use",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := a.Paths.SandboxDir()
			if err := a.Confirm("delete the sandbox state in " + dir); err != nil {
				return err
			}
			return os.RemoveAll(dir)
		},
	}
}

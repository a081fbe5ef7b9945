package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/config"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/google"
	"github.com/gogcli/gog/internal/output"
)

// Build information, set with -ldflags "-X github.com/gogcli/gog/internal/cli.version=..." by release builds.
var (
	version = "dev"
	commit  = ""
)

// Main runs gog as a process: real streams, real environment, Ctrl-C and SIGTERM cancelling the root context.
// It returns the exit code.
func Main(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a := app.New(output.System(), os.Getenv)
	return Run(ctx, a, args)
}

// Run executes one command line with a prepared App and returns the exit code. Tests call it directly.
func Run(ctx context.Context, a *app.App, args []string) int {
	if a.Version.Version == "" {
		a.Version = buildVersion()
	}
	paths, err := config.ResolvePaths(a.Getenv)
	if err != nil {
		return report(ctx, a, nil, errs.Wrap(err, errs.Config, "%v", err).WithHint("set GOG_HOME to a writable directory"), wantsJSON(a, args))
	}
	a.Paths = paths
	root := newRoot(a)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if closeErr := a.Close(); err == nil && closeErr != nil {
		err = closeErr
	}
	if errors.Is(err, google.ErrDryRun) {
		return ExitOK
	}
	return report(ctx, a, cmd, err, wantsJSON(a, args))
}

// report prints err (if any) for a person, or as one JSON object under --json, and returns the exit code.
func report(ctx context.Context, a *app.App, cmd *cobra.Command, err error, jsonMode bool) int {
	if err == nil {
		return ExitOK
	}
	e := toError(ctx, a, cmd, err)
	code := exitCodeFor(ctx, e)
	if jsonMode {
		obj := struct {
			Error jsonError `json:"error"`
		}{jsonError{ExitCode: code, Class: string(e.Class), Status: e.Status, Reason: e.Reason,
			Message: e.Error(), Retryable: e.Retryable, Hint: e.Hint}}
		raw, _ := json.Marshal(obj)
		fmt.Fprintln(a.IO.ErrOut, string(raw))
		return code
	}
	fmt.Fprintf(a.IO.ErrOut, "%s %s\n", a.IO.Red("Error:"), e.Error())
	if e.Hint != "" {
		fmt.Fprintf(a.IO.ErrOut, "%s %s\n", a.IO.Bold("Hint:"), e.Hint)
	}
	if e.Class == errs.Usage && cmd != nil && isFlagOrArgError(e) {
		fmt.Fprintln(a.IO.ErrOut)
		fmt.Fprint(a.IO.ErrOut, cmd.UsageString())
	}
	return code
}

// jsonError is the one JSON object a --json run writes to stderr on failure; its fields are documented in the
// README and stable for scripts.
type jsonError struct {
	ExitCode  int    `json:"exit_code"`
	Class     string `json:"class"`
	Status    int    `json:"status"`
	Reason    string `json:"reason"`
	Message   string `json:"message"`
	Retryable bool   `json:"retryable"`
	Hint      string `json:"hint"`
}

// toError classifies err once: errors already classified keep their class; cancellation is cancellation;
// everything that came back from Google is classified by the google error classifier.
func toError(ctx context.Context, a *app.App, cmd *cobra.Command, err error) *errs.Error {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return &errs.Error{Class: errs.Cancelled, Message: "cancelled", Hint: "nothing more was sent; re-run the command to try again", Err: err}
	}
	if e, ok := errs.As(err); ok {
		return e
	}
	return classifyGoogle(a, cmd, err)
}

// parseError marks a usage error that came from parsing flags or arguments, where printing the usage helps.
type parseError struct{ error }

func (p parseError) Unwrap() error { return p.error }

func isFlagOrArgError(e *errs.Error) bool {
	var p parseError
	return errors.As(e.Err, &p)
}

// wantsJSON reports whether errors should be JSON: --json/-j/--jq anywhere on the line or GOG_JSON set. It is
// read from the raw arguments because a usage error can happen before flags are parsed.
func wantsJSON(a *app.App, args []string) bool {
	if a.Flags.JSON || a.Flags.JQ != "" {
		return true
	}
	for _, arg := range args {
		if arg == "--" {
			break
		}
		if arg == "--json" || arg == "-j" || arg == "--json=true" || arg == "--jq" || strings.HasPrefix(arg, "--jq=") {
			return true
		}
	}
	b, _ := parseBoolEnv(a.Getenv("GOG_JSON"))
	return b
}

func buildVersion() app.VersionInfo {
	v := app.VersionInfo{Version: version, Commit: commit, Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	if info, ok := debug.ReadBuildInfo(); ok {
		if v.Version == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && v.Commit == "" {
				v.Commit = s.Value
			}
		}
	}
	if v.Commit == "" {
		v.Commit = "unknown"
	}
	return v
}

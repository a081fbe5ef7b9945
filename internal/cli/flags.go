package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

// envAnnotation names the environment variable that sets a flag; `gog schema` reports it.
const envAnnotation = "gog_env"

// addGlobalFlags declares the global flags on root, bound to a.Flags.
func addGlobalFlags(root *cobra.Command, a *app.App) {
	f := root.PersistentFlags()
	g := &a.Flags
	f.StringVarP(&g.Account, "account", "a", "", "account `EMAIL` (or alias) to act as")
	f.BoolVarP(&g.JSON, "json", "j", false, "print JSON: Google's resources with Google's field names")
	f.BoolVarP(&g.Plain, "plain", "p", false, "print TSV with a header row and no colour")
	f.StringVar(&g.JQ, "jq", "", "filter JSON output with a jq `EXPR` (implies --json)")
	f.BoolVar(&g.NoInput, "no-input", false, "never prompt; fail instead")
	f.BoolVar(&g.Force, "force", false, "skip confirmations")
	f.BoolVar(&g.DryRun, "dry-run", false, "print the request a write would send, send nothing")
	f.BoolVar(&g.ReadOnly, "readonly", false, "refuse every request that could change data")
	f.BoolVar(&g.Debug, "debug", false, "trace HTTP on stderr (tokens and secrets redacted)")
	f.StringVar(&g.Endpoint, "endpoint", "", "send every Google call, OAuth included, to this base `URL`")
	f.BoolVar(&g.Sandbox, "sandbox", false, "use the built-in sandbox (a fake Google) instead of Google")
	f.StringVar(&g.Color, "color", "auto", "colour: auto, always or never (NO_COLOR turns it off)")
	f.StringVar(&g.AccessToken, "access-token", "", "use this OAuth access `TOKEN` (never stored, never refreshed)")

	bindEnv(f, "account", "GOG_ACCOUNT")
	bindEnv(f, "json", "GOG_JSON")
	bindEnv(f, "plain", "GOG_PLAIN")
	bindEnv(f, "no-input", "GOG_NO_INPUT")
	bindEnv(f, "readonly", "GOG_READONLY")
	bindEnv(f, "debug", "GOG_DEBUG")
	bindEnv(f, "endpoint", "GOG_ENDPOINT")
	bindEnv(f, "sandbox", "GOG_SANDBOX")
	bindEnv(f, "access-token", "GOG_ACCESS_TOKEN")
}

func bindEnv(f *pflag.FlagSet, name, env string) {
	fl := f.Lookup(name)
	if fl.Annotations == nil {
		fl.Annotations = map[string][]string{}
	}
	fl.Annotations[envAnnotation] = []string{env}
	fl.Usage += fmt.Sprintf(" [$%s]", env)
}

// applyEnv sets every flag that was not given on the command line from its environment variable.
func applyEnv(cmd *cobra.Command, getenv func(string) string) error {
	var firstErr error
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		envs := fl.Annotations[envAnnotation]
		if fl.Changed || len(envs) == 0 || firstErr != nil {
			return
		}
		val := getenv(envs[0])
		if val == "" {
			return
		}
		if fl.Value.Type() == "bool" {
			b, err := parseBoolEnv(val)
			if err != nil {
				firstErr = errs.Usagef("%s=%q is not a boolean", envs[0], val).WithHint("use 1 or 0 (true/false, yes/no)")
				return
			}
			val = strconv.FormatBool(b)
		}
		if err := fl.Value.Set(val); err != nil {
			firstErr = errs.Usagef("%s=%q: %v", envs[0], val, err)
		}
	})
	return firstErr
}

func parseBoolEnv(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off", "":
		return false, nil
	}
	return false, fmt.Errorf("not a boolean")
}

// finishGlobals validates the global flags and derives what follows from them (colour).
func finishGlobals(a *app.App) error {
	g := &a.Flags
	if g.JSON && g.Plain {
		return errs.Usagef("--json and --plain cannot be used together").WithHint("pick one output mode")
	}
	if g.JQ != "" {
		if g.Plain {
			return errs.Usagef("--jq and --plain cannot be used together").WithHint("--jq filters JSON output; drop --plain")
		}
		if _, err := output.ParseJQ(g.JQ); err != nil {
			return errs.Wrap(err, errs.Usage, "%v", err).WithHint("see https://jqlang.org/manual/ for the syntax")
		}
	}
	if g.Sandbox && g.Endpoint != "" {
		return errs.Usagef("--sandbox and --endpoint cannot be used together").
			WithHint("--sandbox runs the sandbox in-process; to use a served sandbox pass only --endpoint")
	}
	switch g.Color {
	case "auto":
		a.IO.SetColor(a.IO.IsStdoutTTY() && a.Getenv("NO_COLOR") == "" && a.Getenv("TERM") != "dumb")
	case "always":
		a.IO.SetColor(true)
	case "never":
		a.IO.SetColor(false)
	default:
		return errs.Usagef("--color must be auto, always or never, not %q", g.Color)
	}
	return nil
}

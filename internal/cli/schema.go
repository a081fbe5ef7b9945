package cli

import (
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/gogcli/gog/internal/app"
)

// EnvVar documents one environment variable gog reads.
type EnvVar struct {
	Name string `json:"name"`
	Doc  string `json:"doc"`
}

// EnvVars lists every environment variable gog reads.
func EnvVars() []EnvVar {
	return []EnvVar{
		{"GOG_HOME", "root of every file gog reads or writes (config, secrets, sandbox state)"},
		{"GOG_ACCOUNT", "account to act as (--account)"},
		{"GOG_JSON", "1: JSON output (--json)"},
		{"GOG_PLAIN", "1: TSV output (--plain)"},
		{"GOG_NO_INPUT", "1: never prompt (--no-input)"},
		{"GOG_READONLY", "1: refuse writes (--readonly)"},
		{"GOG_DEBUG", "1: HTTP trace on stderr (--debug)"},
		{"GOG_ENDPOINT", "base URL for every Google call (--endpoint)"},
		{"GOG_SANDBOX", "1: use the built-in sandbox (--sandbox)"},
		{"GOG_ACCESS_TOKEN", "use this access token (--access-token)"},
		{"GOG_AUTH_MODE", "adc: use Application Default Credentials"},
		{"GOOGLE_APPLICATION_CREDENTIALS", "ADC key or authorized_user file (with GOG_AUTH_MODE=adc)"},
		{"GOG_KEYRING_BACKEND", "secret store: auto, keychain, secret-service, wincred, pass, file"},
		{"GOG_KEYRING_PASSWORD", "password of the encrypted-file secret store"},
		{"GOG_KEYRING_PASSWORD_FILE", "file whose first line is that password"},
		{"NO_COLOR", "any value: no colour"},
	}
}

type schemaFlag struct {
	Name      string `json:"name"`
	Shorthand string `json:"shorthand,omitempty"`
	Type      string `json:"type"`
	Default   string `json:"default"`
	Usage     string `json:"usage"`
	Env       string `json:"env,omitempty"`
}

type schemaArg struct {
	Name     string `json:"name"`
	Required bool   `json:"required"`
	Repeated bool   `json:"repeated,omitempty"`
}

type schemaCommand struct {
	Path        string          `json:"path"`
	Use         string          `json:"use"`
	Short       string          `json:"short"`
	Aliases     []string        `json:"aliases,omitempty"`
	Service     string          `json:"service,omitempty"`
	Args        []schemaArg     `json:"args"`
	Flags       []schemaFlag    `json:"flags"`
	Runnable    bool            `json:"runnable"`
	Subcommands []schemaCommand `json:"subcommands,omitempty"`
}

type schemaDoc struct {
	Name        string          `json:"name"`
	Version     string          `json:"version"`
	GlobalFlags []schemaFlag    `json:"global_flags"`
	Commands    []schemaCommand `json:"commands"`
	ExitCodes   []ExitCodeDoc   `json:"exit_codes"`
	Env         []EnvVar        `json:"env"`
}

func newSchemaCmd(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the whole command tree as JSON (commands, args, flags, env vars, exit codes)",
		Long:  "Print the whole command tree as JSON, for agents and scripts: every command with its arguments, flags (types, defaults, environment variables), and gog's exit codes.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			doc := schemaDoc{
				Name:        root.Name(),
				Version:     a.Version.Version,
				GlobalFlags: flagsOf(root.PersistentFlags()),
				ExitCodes:   ExitCodes(),
				Env:         EnvVars(),
			}
			for _, c := range root.Commands() {
				if c.Hidden || c.Name() == "help" {
					continue
				}
				doc.Commands = append(doc.Commands, describe(c))
			}
			return a.Printer().JSON(doc)
		},
	}
}

func describe(c *cobra.Command) schemaCommand {
	out := schemaCommand{
		Path:     c.CommandPath(),
		Use:      c.Use,
		Short:    c.Short,
		Aliases:  c.Aliases,
		Service:  c.Annotations[app.ServiceAnnotation],
		Args:     argsOf(c.Use),
		Flags:    flagsOf(c.LocalNonPersistentFlags()),
		Runnable: c.Runnable() && !c.HasSubCommands(),
	}
	for _, sub := range c.Commands() {
		if sub.Hidden || sub.Name() == "help" {
			continue
		}
		out.Subcommands = append(out.Subcommands, describe(sub))
	}
	return out
}

func flagsOf(fs *pflag.FlagSet) []schemaFlag {
	out := []schemaFlag{}
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		sf := schemaFlag{Name: f.Name, Shorthand: f.Shorthand, Type: f.Value.Type(), Default: f.DefValue, Usage: f.Usage}
		if env := f.Annotations[envAnnotation]; len(env) > 0 {
			sf.Env = env[0]
		}
		out = append(out, sf)
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// argsOf reads positional arguments from a Use line: "get ID", "events [CAL]", "add EMAIL...".
func argsOf(use string) []schemaArg {
	out := []schemaArg{}
	fields := strings.Fields(use)
	for _, f := range fields[1:] {
		if f == "[flags]" {
			continue
		}
		arg := schemaArg{Required: true}
		if strings.HasPrefix(f, "[") {
			arg.Required = false
			f = strings.Trim(f, "[]")
		}
		if strings.HasSuffix(f, "...") {
			arg.Repeated = true
			f = strings.TrimSuffix(f, "...")
		}
		arg.Name = f
		out = append(out, arg)
	}
	return out
}

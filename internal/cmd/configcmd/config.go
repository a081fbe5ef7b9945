// Package configcmd implements `gog config`: where the config file is, and reading and writing its settings.
package configcmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/config"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

// New returns the `config` command group.
func New(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show and change gog's settings (a JSON file under GOG_HOME or the user config dir)",
	}
	cmd.AddCommand(newPath(a), newGet(a), newSet(a), newUnset(a), newList(a))
	return cmd
}

func newPath(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "path",
		Short: "Print the config file's path",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p := a.Printer()
			if p.Format == output.FormatJSON {
				return p.JSON(map[string]string{"path": a.Paths.ConfigFile()})
			}
			_, err := fmt.Fprintln(a.IO.Out, a.Paths.ConfigFile())
			return err
		},
	}
}

func newGet(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "get KEY",
		Short: "Print one setting (exit 3 when it is not set)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, ok := config.LookupKey(args[0]); !ok {
				return unknownKey(args[0])
			}
			f, err := a.Config()
			if err != nil {
				return err
			}
			v, ok := f.Get(args[0])
			if !ok {
				return errs.New(errs.Empty, "%s is not set", args[0]).WithHint("set it with: gog config set %s VALUE", args[0])
			}
			p := a.Printer()
			if p.Format == output.FormatJSON {
				return p.JSON(map[string]string{"key": args[0], "value": v})
			}
			_, err = fmt.Fprintln(a.IO.Out, v)
			return err
		},
	}
}

func newSet(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "set KEY VALUE",
		Short: "Change one setting",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := a.Config()
			if err != nil {
				return err
			}
			if err := f.Set(args[0], args[1]); err != nil {
				return err
			}
			if err := a.SaveConfig(f); err != nil {
				return errs.Wrap(err, errs.Config, "cannot write %s: %v", a.Paths.ConfigFile(), err).
					WithHint("check that the directory is writable, or set GOG_HOME")
			}
			return nil
		},
	}
}

func newUnset(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "unset KEY",
		Short: "Remove one setting (back to its default)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, ok := config.LookupKey(args[0]); !ok {
				return unknownKey(args[0])
			}
			f, err := a.Config()
			if err != nil {
				return err
			}
			f.Unset(args[0])
			return a.SaveConfig(f)
		},
	}
}

// Setting is one row of `gog config list --json`.
type Setting struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	Set   bool   `json:"set"`
	Doc   string `json:"doc"`
}

func newList(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List every setting, set or not, with what it does",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := a.Config()
			if err != nil {
				return err
			}
			var rows []Setting
			t := &output.Table{Header: []string{"KEY", "VALUE", "DESCRIPTION"}}
			for _, k := range config.Keys() {
				v, ok := f.Get(k.Name)
				rows = append(rows, Setting{Key: k.Name, Value: v, Set: ok, Doc: k.Doc})
				t.AddRow(k.Name, v, k.Doc)
			}
			return a.Printer().List("settings", rows, "", t)
		},
	}
}

func unknownKey(name string) error {
	f := &config.File{Settings: map[string]string{}}
	return f.Set(name, "")
}

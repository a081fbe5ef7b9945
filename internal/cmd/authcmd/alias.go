package authcmd

import (
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

func newAlias(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alias",
		Short: "Short names for accounts (--account work)",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "set NAME EMAIL",
		Short: "Make NAME stand for EMAIL in --account, GOG_ACCOUNT and default_account",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, email := strings.TrimSpace(args[0]), strings.ToLower(strings.TrimSpace(args[1]))
			if name == "" || strings.Contains(name, "@") {
				return errs.Usagef("alias %q must be a short name without '@'", args[0]).WithHint("e.g. gog auth alias set work ada@corp.com")
			}
			if !strings.Contains(email, "@") {
				return errs.Usagef("%q is not an email address", args[1])
			}
			return editAliases(a, func(m map[string]string) { m[name] = email })
		},
	}, &cobra.Command{
		Use:   "unset NAME",
		Short: "Remove an alias",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := a.Config()
			if err != nil {
				return err
			}
			if _, ok := f.Aliases[args[0]]; !ok {
				return errs.New(errs.NotFound, "no alias %q", args[0]).WithHint("list them with: gog auth alias list")
			}
			return editAliases(a, func(m map[string]string) { delete(m, args[0]) })
		},
	}, &cobra.Command{
		Use:   "list",
		Short: "List the aliases",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := a.Config()
			if err != nil {
				return err
			}
			type row struct {
				Alias string `json:"alias"`
				Email string `json:"email"`
			}
			rows := []row{}
			t := &output.Table{Header: []string{"ALIAS", "EMAIL"}}
			for name, email := range f.Aliases {
				rows = append(rows, row{name, email})
			}
			sort.Slice(rows, func(i, j int) bool { return rows[i].Alias < rows[j].Alias })
			for _, r := range rows {
				t.AddRow(r.Alias, r.Email)
			}
			return a.Printer().List("aliases", rows, "", t)
		},
	})
	return cmd
}

func editAliases(a *app.App, edit func(map[string]string)) error {
	f, err := a.Config()
	if err != nil {
		return err
	}
	if f.Aliases == nil {
		f.Aliases = map[string]string{}
	}
	edit(f.Aliases)
	if err := a.SaveConfig(f); err != nil {
		return errs.Wrap(err, errs.Config, "cannot write %s: %v", a.Paths.ConfigFile(), err).
			WithHint("check that the directory is writable, or set GOG_HOME")
	}
	return nil
}

package authcmd

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/auth"
	"github.com/gogcli/gog/internal/config"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

func newTokens(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tokens",
		Short: "Move sign-ins between machines (refresh-token bundles)",
		Long: `Move sign-ins to a machine without a browser: export on a signed-in machine, import on the other.

  gog auth tokens export you@gmail.com --out tokens.json     (then copy tokens.json over a safe channel)
  gog auth tokens import tokens.json                         (then delete the file)

The bundle holds refresh tokens and the OAuth client secret in plain text: treat it like a password.`,
	}
	cmd.AddCommand(newTokensExport(a), newTokensImport(a))
	return cmd
}

func newTokensExport(a *app.App) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "export [EMAIL...]",
		Short: "Write a bundle of refresh tokens (all accounts when none is named)",
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" && a.IO.IsStdoutTTY() && !a.Flags.Force {
				return errs.Usagef("refusing to print refresh tokens to the terminal").
					WithHint("write them to a file with --out FILE (or redirect stdout), or pass --force")
			}
			ctx, m, err := manager(cmd, a)
			if err != nil {
				return err
			}
			b, err := m.Export(ctx, args)
			if err != nil {
				return err
			}
			raw, err := json.MarshalIndent(b, "", "  ")
			if err != nil {
				return err
			}
			raw = append(raw, '\n')
			if out == "" {
				_, err = a.IO.Out.Write(raw)
				return err
			}
			if err := config.WriteFileAtomic(out, raw, 0o600); err != nil {
				return errs.Wrap(err, errs.General, "cannot write %s: %v", out, err)
			}
			note(a, "Wrote %d sign-in(s) to %s (0600). It holds refresh tokens: move it safely, then delete it.", len(b.Accounts), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "write the bundle to `FILE` (0600) instead of stdout")
	return cmd
}

func newTokensImport(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE|-",
		Short: "Store the sign-ins of a bundle (--force replaces a different client of the same name)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			raw, err := readInput(a, args[0])
			if err != nil {
				return err
			}
			b, err := auth.ParseBundle(raw)
			if err != nil {
				return err
			}
			ctx, m, err := manager(cmd, a)
			if err != nil {
				return err
			}
			done, err := m.Import(ctx, b, a.Flags.Force)
			if err != nil {
				return err
			}
			p := a.Printer()
			if p.Format == output.FormatJSON {
				return p.JSON(map[string]any{"imported": done})
			}
			for _, e := range done {
				fmt.Fprintf(a.IO.Out, "Imported %s.\n", e)
			}
			if args[0] != "-" {
				note(a, "Delete %s now: it holds refresh tokens in plain text.", args[0])
			}
			return nil
		},
	}
}

package authcmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/output"
)

func newRemove(a *app.App) *cobra.Command {
	var keepGrant bool
	cmd := &cobra.Command{
		Use:   "remove EMAIL",
		Short: "Sign an account out: revoke its grant and delete its stored tokens",
		Long: `Sign an account out. gog revokes the grant at the token endpoint (so the refresh token and the access
tokens minted from it stop working everywhere) and deletes the stored sign-in. --keep-grant skips the
revocation (for example when the same sign-in was copied to another machine with gog auth tokens export).
Asks for confirmation; without a terminal, pass --force.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, m, err := manager(cmd, a)
			if err != nil {
				return err
			}
			what := "sign out " + args[0] + " and revoke its grant"
			if keepGrant {
				what = "sign out " + args[0] + " (keeping its grant)"
			}
			if err := a.Confirm(what); err != nil {
				return err
			}
			res, err := m.SignOut(ctx, args[0], keepGrant)
			if err != nil {
				return err
			}
			p := a.Printer()
			if p.Format == output.FormatJSON {
				return p.JSON(res)
			}
			fmt.Fprintf(a.IO.Out, "Signed out %s.\n", res.Email)
			switch {
			case res.RevokeError != "":
				note(a, "Warning: revoking the grant failed (%s). The sign-in was deleted here; revoke gog's access at "+
					"https://myaccount.google.com/connections if it matters.", res.RevokeError)
			case keepGrant:
				note(a, "The grant was kept: copies of this sign-in elsewhere still work.")
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&keepGrant, "keep-grant", false, "do not revoke the grant at the token endpoint")
	return cmd
}

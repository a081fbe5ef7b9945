package authcmd

import (
	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
	"github.com/gogcli/gog/internal/scopes"
)

func newDoctor(a *app.App) *cobra.Command {
	var services string
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check the sign-in end to end and say how to fix each problem",
		Long: `Check, for the account commands would use: the secret store (and its backend), the credentials chosen,
the OAuth client, the cached access token, the refresh token (with a real refresh), this machine's clock
against the token endpoint's, and the grant against each service's scopes. Each problem comes with the
command that fixes it. Exits non-zero when a check fails (4 for a revoked sign-in or a missing scope).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var svcs []string
			if services != "" {
				var err error
				if svcs, err = scopes.ParseServices(services); err != nil {
					return errs.Wrap(err, errs.Usage, "%v", err)
				}
			}
			ctx, m, err := manager(cmd, a)
			if err != nil {
				return err
			}
			r := m.Doctor(ctx, a.AuthChoice(), svcs)
			t := &output.Table{Header: []string{"CHECK", "STATUS", "DETAIL", "FIX"}}
			for _, c := range r.Checks {
				name := c.Name
				if c.Service != "" {
					name += ":" + c.Service
				}
				t.AddRow(name, c.Status, c.Detail, c.Fix)
			}
			if err := a.Printer().Resource(r, t); err != nil {
				return err
			}
			return r.Err()
		},
	}
	cmd.Flags().StringVar(&services, "services", "", "check the grant for these services (default: the ones signed in for)")
	return cmd
}

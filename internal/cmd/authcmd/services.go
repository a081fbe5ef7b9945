package authcmd

import (
	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/output"
	"github.com/gogcli/gog/internal/scopes"
)

func newServices(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "services",
		Short: "List the services and the OAuth scopes each asks for",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			all := scopes.All()
			t := &output.Table{Header: []string{"SERVICE", "SCOPES", "READ-ONLY SCOPES", "NOTE"}}
			for _, s := range all {
				t.AddRow(s.Name, shortScopes(s.Full), shortScopes(s.ReadOnly), s.Note)
			}
			p := a.Printer()
			if p.Format == output.FormatJSON {
				return p.JSON(map[string]any{"services": all, "identity_scopes": scopes.Identity()})
			}
			return p.Table(t)
		},
	}
}

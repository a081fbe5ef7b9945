package authcmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/auth"
	"github.com/gogcli/gog/internal/output"
)

type credentialsOptions struct {
	file   string
	client string
}

func newCredentials(a *app.App) *cobra.Command {
	o := &credentialsOptions{}
	cmd := &cobra.Command{
		Use:   "credentials FILE|-",
		Short: "Store an OAuth client (the Desktop app client JSON from the Cloud console)",
		Long: `Store an OAuth client for signing in: the JSON that the Cloud console downloads for an OAuth client of
type "Desktop app" (APIs & Services → Credentials). The client secret goes to the secret store, never to the
config file. Keep several with --client NAME; sign-ins use --client, else config default_client, else "default".`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			return runCredentials(cmd, a, o)
		},
	}
	cmd.Flags().StringVar(&o.client, "client", auth.DefaultClientName, "store it under this `NAME`")
	cmd.AddCommand(newCredentialsList(a))
	return cmd
}

// ClientRow is one stored client in `gog auth credentials` output.
type ClientRow struct {
	Name     string `json:"name"`
	ClientID string `json:"client_id"`
	Project  string `json:"project_id,omitempty"`
	Realm    string `json:"realm"`
}

func runCredentials(cmd *cobra.Command, a *app.App, o *credentialsOptions) error {
	if err := auth.ValidClientName(o.client); err != nil {
		return err
	}
	raw, err := readInput(a, o.file)
	if err != nil {
		return err
	}
	ctx, m, err := manager(cmd, a)
	if err != nil {
		return err
	}
	c, err := auth.ParseClientJSON(raw, m.Realm())
	if err != nil {
		return err
	}
	c.Name = o.client
	if err := m.SaveClient(ctx, c); err != nil {
		return err
	}
	row := ClientRow{Name: c.Name, ClientID: c.ClientID, Project: c.ProjectID, Realm: string(m.Realm())}
	p := a.Printer()
	if p.Format == output.FormatJSON {
		return p.JSON(row)
	}
	_, err = fmt.Fprintf(a.IO.Out, "Stored OAuth client %q (%s) for %s.\n", c.Name, c.ClientID, realmLabel(m.Realm()))
	if err == nil {
		note(a, "Next: %s auth add EMAIL", m.Command())
	}
	return err
}

func newCredentialsList(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the stored OAuth clients",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, m, err := manager(cmd, a)
			if err != nil {
				return err
			}
			names, err := m.Clients(ctx)
			if err != nil {
				return err
			}
			rows := []ClientRow{}
			t := &output.Table{Header: []string{"NAME", "CLIENT ID", "PROJECT"}}
			for _, n := range names {
				c, err := m.Client(ctx, n)
				if err != nil || c == nil {
					return err
				}
				rows = append(rows, ClientRow{Name: n, ClientID: c.ClientID, Project: c.ProjectID, Realm: string(m.Realm())})
				t.AddRow(n, c.ClientID, c.ProjectID)
			}
			return a.Printer().List("clients", rows, "", t)
		},
	}
}

package authcmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
	"github.com/gogcli/gog/internal/scopes"
)

func newServiceAccount(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "service-account",
		Short: "Act as an account through a service-account key (domain-wide delegation)",
		Long: `Store a service-account key for an account. Commands for that account then mint tokens with the key:
with domain-wide delegation (the JWT's sub is the account) when the account is a user of the domain, without
delegation when the account is the service account itself. A domain admin must have authorized the key's client
ID for the scopes requested (--services; the global --readonly picks read-only scopes).`,
	}
	cmd.AddCommand(newServiceAccountSet(a), newServiceAccountRemove(a), newServiceAccountList(a))
	return cmd
}

func newServiceAccountSet(a *app.App) *cobra.Command {
	var keyFile, services string
	var extra []string
	cmd := &cobra.Command{
		Use:   "set EMAIL --key FILE|-",
		Short: "Store a service-account key used for EMAIL",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if keyFile == "" {
				return errs.Usagef("--key FILE is required").WithHint("pass the key's JSON file, or - to read it from stdin")
			}
			svcs, err := scopes.ParseServices(services)
			if err != nil {
				return errs.Wrap(err, errs.Usage, "%v", err)
			}
			raw, err := readInput(a, keyFile)
			if err != nil {
				return err
			}
			ctx, m, err := manager(cmd, a)
			if err != nil {
				return err
			}
			sa, err := m.SaveServiceAccount(ctx, args[0], raw, svcs, scopes.For(svcs, a.Flags.ReadOnly, extra))
			if err != nil {
				return err
			}
			p := a.Printer()
			if p.Format == output.FormatJSON {
				return p.JSON(sa)
			}
			how := "with domain-wide delegation"
			if !sa.Delegated {
				how = "as the service account itself"
			}
			_, err = fmt.Fprintf(a.IO.Out, "Calls for %s now use %s's key, %s.\n", sa.Account, sa.ClientEmail, how)
			return err
		},
	}
	cmd.Flags().StringVar(&keyFile, "key", "", "the service-account key JSON `FILE`, or - for stdin")
	cmd.Flags().StringVar(&services, "services", "all", "services whose scopes the tokens ask for")
	cmd.Flags().StringSliceVar(&extra, "extra-scopes", nil, "more OAuth scopes (`URL,...`)")
	return cmd
}

func newServiceAccountRemove(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "remove EMAIL",
		Short: "Delete the service-account key stored for EMAIL",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, m, err := manager(cmd, a)
			if err != nil {
				return err
			}
			ok, err := m.RemoveServiceAccount(ctx, args[0])
			if err != nil {
				return err
			}
			if !ok {
				return errs.New(errs.NotFound, "no service-account key is stored for %s", args[0]).
					WithHint("list them with: %s auth service-account list", m.Command())
			}
			_, err = fmt.Fprintf(a.IO.Out, "Removed the service-account key for %s.\n", args[0])
			return err
		},
	}
}

func newServiceAccountList(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the accounts with a stored service-account key",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, m, err := manager(cmd, a)
			if err != nil {
				return err
			}
			list, err := m.ServiceAccounts(ctx)
			if err != nil {
				return err
			}
			type row struct {
				Account        string   `json:"account"`
				ServiceAccount string   `json:"service_account"`
				Delegated      bool     `json:"delegated"`
				Services       []string `json:"services"`
			}
			rows := []row{}
			t := &output.Table{Header: []string{"ACCOUNT", "SERVICE ACCOUNT", "DELEGATED", "SERVICES"}}
			for _, e := range list {
				sa, err := m.ServiceAccountFor(ctx, e)
				if err != nil || sa == nil {
					return err
				}
				rows = append(rows, row{sa.Account, sa.ClientEmail, sa.Delegated, sa.Services})
				t.AddRow(sa.Account, sa.ClientEmail, yesNo(sa.Delegated), join(sa.Services))
			}
			return a.Printer().List("service_accounts", rows, "", t)
		},
	}
}

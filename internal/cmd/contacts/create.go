package contacts

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
)

// CreateOptions are the flags of `gog contacts create`.
type CreateOptions struct {
	Fields ContactFields
}

// NewCmdCreate returns `gog contacts create`; runF replaces the run function in flag tests.
func NewCmdCreate(a *app.App, runF func(context.Context, *CreateOptions) error) *cobra.Command {
	opts := &CreateOptions{}
	cmd := &cobra.Command{
		Use:   "create --given-name NAME [--family-name NAME] [--email ADDR]... [--phone NUMBER]... [flags]",
		Short: "Create a contact",
		Example: `  gog contacts create --given-name Ada --family-name Lovelace --email ada@example.com \
    --phone "+44 20 7946 0001" --org "Analytical Engines" --title Programmer --birthday 1815-12-10`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.Fields.parse(cmd); err != nil {
				return err
			}
			if opts.Fields.GivenName == "" && opts.Fields.FamilyName == "" {
				return errs.Usagef("a contact needs a name").WithHint("give --given-name, --family-name or both")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return createRun(cmd.Context(), a, opts)
		},
	}
	addContactFlags(cmd, &opts.Fields)
	return cmd
}

func createRun(ctx context.Context, a *app.App, opts *CreateOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	p, err := svc.People.CreateContact(opts.Fields.person()).PersonFields(DetailFields).Context(ctx).Do()
	if err != nil {
		return err
	}
	return a.Printer().Resource(p, DetailTable(p))
}

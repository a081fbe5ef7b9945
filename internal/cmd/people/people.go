// Package people implements `gog people`: the signed-in account's own profile (`people me`) and any person by
// resource name (`people get`): a contact, a colleague in the Workspace directory, or a Google profile.
//
// It shares its person view (field masks and tables) with package contacts, so a person looks the same whichever
// group printed it, and it belongs to the same gog service ("contacts") for sign-in and error hints.
package people

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/contacts"
)

// New returns the `people` command group.
func New(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:         "people",
		Short:       "People: your own profile, and any person by resource name",
		Annotations: map[string]string{app.ServiceAnnotation: "contacts"},
	}
	cmd.AddCommand(NewCmdMe(a, nil), NewCmdGet(a, nil))
	return cmd
}

// MeOptions are the (no) flags of `gog people me`.
type MeOptions struct{}

// NewCmdMe returns `gog people me`; runF replaces the run function in flag tests.
func NewCmdMe(a *app.App, runF func(context.Context, *MeOptions) error) *cobra.Command {
	opts := &MeOptions{}
	return &cobra.Command{
		Use:   "me",
		Short: "Show the signed-in account's profile",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return show(cmd.Context(), a, "people/me")
		},
	}
}

// GetOptions are the argument of `gog people get`.
type GetOptions struct {
	ResourceName string
}

// NewCmdGet returns `gog people get people/ID`; runF replaces the run function in flag tests.
func NewCmdGet(a *app.App, runF func(context.Context, *GetOptions) error) *cobra.Command {
	opts := &GetOptions{}
	return &cobra.Command{
		Use:   "get people/ID",
		Short: "Show a person: a contact, a colleague or a profile",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, err := contacts.ResourceName(args[0])
			if err != nil {
				return err
			}
			opts.ResourceName = name
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return show(cmd.Context(), a, opts.ResourceName)
		},
	}
}

// show prints one person (Google's Person as JSON, or FIELD/VALUE rows).
func show(ctx context.Context, a *app.App, resourceName string) error {
	g, err := a.Google(ctx)
	if err != nil {
		return err
	}
	svc, err := g.People(ctx)
	if err != nil {
		return err
	}
	p, err := svc.People.Get(resourceName).PersonFields(contacts.DetailFields).Context(ctx).Do()
	if err != nil {
		return err
	}
	return a.Printer().Resource(p, contacts.DetailTable(p))
}

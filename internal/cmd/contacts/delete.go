package contacts

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/output"
)

// DeleteOptions are the argument of `gog contacts delete`.
type DeleteOptions struct {
	ResourceName string
}

// NewCmdDelete returns `gog contacts delete people/ID`; runF replaces the run function in flag tests.
func NewCmdDelete(a *app.App, runF func(context.Context, *DeleteOptions) error) *cobra.Command {
	opts := &DeleteOptions{}
	cmd := &cobra.Command{
		Use:   "delete people/ID",
		Short: "Delete a contact (asks first; --force without a terminal)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, err := ResourceName(args[0])
			if err != nil {
				return err
			}
			opts.ResourceName = name
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return deleteRun(cmd.Context(), a, opts)
		},
	}
	return cmd
}

// deleteResult is what delete prints under --json.
type deleteResult struct {
	ResourceName string `json:"resourceName"`
	Deleted      bool   `json:"deleted"`
}

func deleteRun(ctx context.Context, a *app.App, opts *DeleteOptions) error {
	if err := a.Confirm("delete contact " + opts.ResourceName); err != nil {
		return err
	}
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	if _, err := svc.People.DeleteContact(opts.ResourceName).Context(ctx).Do(); err != nil {
		return err
	}
	p := a.Printer()
	if p.Format == output.FormatJSON {
		return p.JSON(deleteResult{ResourceName: opts.ResourceName, Deleted: true})
	}
	p.Hintf("deleted %s", opts.ResourceName)
	return nil
}

package calendar

import (
	"context"

	"github.com/spf13/cobra"
	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdutil"
	"github.com/gogcli/gog/internal/output"
)

// ACLOptions are the flags and arguments of `gog calendar acl`.
type ACLOptions struct {
	Calendar string
	Paging   cmdutil.Paging
}

// NewCmdACL returns `gog calendar acl [CAL]`; runF replaces the run function in flag tests.
func NewCmdACL(a *app.App, runF func(context.Context, *ACLOptions) error) *cobra.Command {
	opts := &ACLOptions{}
	cmd := &cobra.Command{
		Use:   "acl [CAL]",
		Short: "List who has access to a calendar (default: primary)",
		Long: `List a calendar's access control rules: each role (owner, writer, reader, freeBusyReader) and whom it is
granted to (a user, a group, a domain, or everyone). Only a calendar's owners may read them.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Calendar = "primary"
			if len(args) == 1 {
				opts.Calendar = args[0]
			}
			if err := opts.Paging.Validate(maxCalendarsPerPage); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return aclRun(cmd.Context(), a, opts)
		},
	}
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "rules per page (default 100, at most 250)")
	return cmd
}

func aclRun(ctx context.Context, a *app.App, opts *ACLOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	rules, next, err := cmdutil.Collect(&opts.Paging, func(token string) ([]*calendar.AclRule, string, error) {
		call := svc.Acl.List(opts.Calendar)
		call = cmdutil.Paged(call, opts.Paging.Max, token)
		resp, err := call.Context(ctx).Do()
		if err != nil {
			return nil, "", err
		}
		return resp.Items, resp.NextPageToken, nil
	})
	if err != nil {
		return err
	}
	t := &output.Table{Header: []string{"ROLE", "SCOPE", "WHO", "ID"}}
	for _, r := range rules {
		var kind, who string
		if r.Scope != nil {
			kind, who = r.Scope.Type, r.Scope.Value
		}
		t.AddRow(r.Role, kind, who, r.Id)
	}
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "rules", rules, next, t, "rules")
}

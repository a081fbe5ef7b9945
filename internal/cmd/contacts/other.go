package contacts

import (
	"context"

	"github.com/spf13/cobra"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdutil"
)

// maxOtherPerPage is otherContacts.list's cap on pageSize.
const maxOtherPerPage = 1000

func newOtherCmd(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "other",
		Short: `"Other contacts": people you exchanged mail with but never saved`,
	}
	cmd.AddCommand(NewCmdOtherList(a, nil), NewCmdOtherSearch(a, nil))
	return cmd
}

// OtherListOptions are the flags of `gog contacts other list`.
type OtherListOptions struct {
	Paging cmdutil.Paging
}

// NewCmdOtherList returns `gog contacts other list`; runF replaces the run function in flag tests.
func NewCmdOtherList(a *app.App, runF func(context.Context, *OtherListOptions) error) *cobra.Command {
	opts := &OtherListOptions{}
	cmd := &cobra.Command{
		Use:   "list",
		Short: `List your "Other contacts"`,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.Paging.Validate(maxOtherPerPage); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return otherListRun(cmd.Context(), a, opts)
		},
	}
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "other contacts per page (default 100, at most 1000)")
	return cmd
}

func otherListRun(ctx context.Context, a *app.App, opts *OtherListOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	items, next, err := cmdutil.Collect(&opts.Paging, func(token string) ([]*people.Person, string, error) {
		call := svc.OtherContacts.List().ReadMask(OtherFields)
		if opts.Paging.Max > 0 {
			call = call.PageSize(opts.Paging.Max)
		}
		if token != "" {
			call = call.PageToken(token)
		}
		resp, err := call.Context(ctx).Do()
		if err != nil {
			return nil, "", err
		}
		return resp.OtherContacts, resp.NextPageToken, nil
	})
	if err != nil {
		return err
	}
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "otherContacts", items, next, ListTable(items), "other contacts")
}

// NewCmdOtherSearch returns `gog contacts other search QUERY`; runF replaces the run function in flag tests.
func NewCmdOtherSearch(a *app.App, runF func(context.Context, *SearchOptions) error) *cobra.Command {
	opts := &SearchOptions{}
	return newSearchCmd("search QUERY", `Search your "Other contacts"`, opts, func(cmd *cobra.Command) error {
		if runF != nil {
			return runF(cmd.Context(), opts)
		}
		return otherSearchRun(cmd.Context(), a, opts)
	})
}

func otherSearchRun(ctx context.Context, a *app.App, opts *SearchOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	// The same warm-up as searchContacts, for the other-contacts index (Google documents both).
	if _, err := svc.OtherContacts.Search().Query("").ReadMask("names").Context(ctx).Do(); err != nil {
		return err
	}
	call := svc.OtherContacts.Search().Query(opts.Query).ReadMask(OtherFields)
	if opts.Paging.Max > 0 {
		call = call.PageSize(opts.Paging.Max)
	}
	resp, err := call.Context(ctx).Do()
	if err != nil {
		return err
	}
	return printResults(a, resp.Results, &opts.Paging, "other contacts")
}

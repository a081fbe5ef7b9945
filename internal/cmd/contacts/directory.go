package contacts

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdutil"
	"github.com/gogcli/gog/internal/errs"
)

// Page-size caps of the directory methods.
const (
	maxDirectoryListPerPage   = 1000
	maxDirectorySearchPerPage = 500
)

// directorySources are both kinds of directory entry: colleagues' profiles and the domain's shared contacts.
var directorySources = []string{"DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE", "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT"}

func newDirectoryCmd(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "directory",
		Short: "Your Google Workspace domain's directory (colleagues and shared contacts)",
	}
	cmd.AddCommand(NewCmdDirectoryList(a, nil), NewCmdDirectorySearch(a, nil))
	return cmd
}

// DirectoryOptions are the flags (and, for search, the query) of `gog contacts directory list|search`.
type DirectoryOptions struct {
	Query  string
	Paging cmdutil.Paging
}

// NewCmdDirectoryList returns `gog contacts directory list`; runF replaces the run function in flag tests.
func NewCmdDirectoryList(a *app.App, runF func(context.Context, *DirectoryOptions) error) *cobra.Command {
	opts := &DirectoryOptions{}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the people in your domain's directory",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.Paging.Validate(maxDirectoryListPerPage); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return directoryRun(cmd.Context(), a, opts)
		},
	}
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "people per page (default 100, at most 1000)")
	return cmd
}

// NewCmdDirectorySearch returns `gog contacts directory search QUERY`; runF replaces the run function in flag
// tests.
func NewCmdDirectorySearch(a *app.App, runF func(context.Context, *DirectoryOptions) error) *cobra.Command {
	opts := &DirectoryOptions{}
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search your domain's directory by the start of a name, email address or other field",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.TrimSpace(args[0])
			if opts.Query == "" {
				return errs.Usagef("the search query is empty").WithHint("to see everyone, run: gog contacts directory list")
			}
			if err := opts.Paging.Validate(maxDirectorySearchPerPage); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return directoryRun(cmd.Context(), a, opts)
		},
	}
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "people per page (default 100, at most 500)")
	return cmd
}

// directoryRun lists the directory, or searches it when opts.Query is set.
func directoryRun(ctx context.Context, a *app.App, opts *DirectoryOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	items, next, err := cmdutil.Collect(&opts.Paging, func(token string) ([]*people.Person, string, error) {
		if opts.Query != "" {
			call := svc.People.SearchDirectoryPeople().Query(opts.Query).ReadMask(DirectoryFields).Sources(directorySources...)
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
			return resp.People, resp.NextPageToken, nil
		}
		call := svc.People.ListDirectoryPeople().ReadMask(DirectoryFields).Sources(directorySources...)
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
		return resp.People, resp.NextPageToken, nil
	})
	if err != nil {
		return err
	}
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "people", items, next, ListTable(items), "people")
}

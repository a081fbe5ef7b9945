package contacts

import (
	"context"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdutil"
	"github.com/gogcli/gog/internal/errs"
)

// maxConnectionsPerPage is connections.list's cap on pageSize.
const maxConnectionsPerPage = 1000

// sortOrders maps --sort to connections.list's sortOrder.
var sortOrders = map[string]string{
	"modified":      "LAST_MODIFIED_ASCENDING",
	"modified-desc": "LAST_MODIFIED_DESCENDING",
	"first-name":    "FIRST_NAME_ASCENDING",
	"last-name":     "LAST_NAME_ASCENDING",
}

// ListOptions are the flags of `gog contacts list`.
type ListOptions struct {
	Sort      string // Google's sortOrder value, "" for Google's default
	Paging    cmdutil.Paging
	sortInput string
}

// NewCmdList returns `gog contacts list`; runF replaces the run function in flag tests.
func NewCmdList(a *app.App, runF func(context.Context, *ListOptions) error) *cobra.Command {
	opts := &ListOptions{}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List your contacts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.sortInput != "" {
				opts.Sort = sortOrders[opts.sortInput]
				if opts.Sort == "" {
					return errs.Usagef("--sort %q is not one of %s", opts.sortInput, sortNames())
				}
			}
			if err := opts.Paging.Validate(maxConnectionsPerPage); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return listRun(cmd.Context(), a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.sortInput, "sort", "", "`ORDER`: "+sortNames()+" (default: Google's, oldest change first)")
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "contacts per page (default 100, at most 1000)")
	return cmd
}

func sortNames() string {
	names := make([]string, 0, len(sortOrders))
	for k := range sortOrders {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func listRun(ctx context.Context, a *app.App, opts *ListOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	items, next, err := cmdutil.Collect(&opts.Paging, func(token string) ([]*people.Person, string, error) {
		resp, err := listConnections(ctx, svc, ListFields, opts.Sort, token, opts.Paging.Max)
		if err != nil {
			return nil, "", err
		}
		return resp.Connections, resp.NextPageToken, nil
	})
	if err != nil {
		return err
	}
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "connections", items, next, ListTable(items), "contacts")
}

func listConnections(ctx context.Context, svc *people.Service, fields, order, token string, size int64) (*people.ListConnectionsResponse, error) {
	call := svc.People.Connections.List("people/me").PersonFields(fields)
	if order != "" {
		call = call.SortOrder(order)
	}
	if size > 0 {
		call = call.PageSize(size)
	}
	if token != "" {
		call = call.PageToken(token)
	}
	return call.Context(ctx).Do()
}

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

// maxSearchResults is searchContacts' (and otherContacts.search's) cap: Google returns at most 30, unpaged.
const maxSearchResults = 30

// SearchOptions are the flags and argument of `gog contacts search` (and `contacts other search`).
type SearchOptions struct {
	Query  string
	Paging cmdutil.Paging // only Max and FailEmpty: searches have no pages
}

// newSearchCmd builds a search verb: QUERY, --max and --fail-empty, validated before any request is sent.
func newSearchCmd(use, short string, opts *SearchOptions, run func(*cobra.Command) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Long: short + `.

QUERY matches the start of any word of a name, nickname, email address, phone number or organization:
"ada" and "lov" find Ada Lovelace, "ove" does not. Google returns at most 30 matches, without pages.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.TrimSpace(args[0])
			if opts.Query == "" {
				return errs.Usagef("the search query is empty").WithHint("to see every contact, run: gog contacts list")
			}
			if err := opts.Paging.Validate(maxSearchResults); err != nil {
				return err
			}
			return run(cmd)
		},
	}
	f := cmd.Flags()
	f.Int64Var(&opts.Paging.Max, "max", 0, "at most this many results (default 10, at most 30)")
	f.BoolVar(&opts.Paging.FailEmpty, "fail-empty", false, "exit 3 when nothing matches")
	return cmd
}

// NewCmdSearch returns `gog contacts search QUERY`; runF replaces the run function in flag tests.
func NewCmdSearch(a *app.App, runF func(context.Context, *SearchOptions) error) *cobra.Command {
	opts := &SearchOptions{}
	return newSearchCmd("search QUERY", "Search your contacts", opts, func(cmd *cobra.Command) error {
		if runF != nil {
			return runF(cmd.Context(), opts)
		}
		return searchRun(cmd.Context(), a, opts)
	})
}

func searchRun(ctx context.Context, a *app.App, opts *SearchOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	resp, err := searchContacts(ctx, svc, opts.Query, ListFields, opts.Paging.Max)
	if err != nil {
		return err
	}
	return printResults(a, resp.Results, &opts.Paging, "contacts")
}

// searchContacts warms Google's search cache up, then searches.
func searchContacts(ctx context.Context, svc *people.Service, query, fields string, max int64) (*people.SearchResponse, error) {
	if err := warmUp(ctx, svc); err != nil {
		return nil, err
	}
	call := svc.People.SearchContacts().Query(query).ReadMask(fields)
	if max > 0 {
		call = call.PageSize(max)
	}
	return call.Context(ctx).Do()
}

// printResults prints search results in Google's shape ({"results":[{"person":…}]}) or as the list table.
func printResults(a *app.App, results []*people.SearchResult, p *cmdutil.Paging, what string) error {
	var ps []*people.Person
	for _, r := range results {
		if r.Person != nil {
			ps = append(ps, r.Person)
		}
	}
	table := ListTable(ps)
	return cmdutil.PrintList(a.Printer(), p, "results", results, "", table, what)
}

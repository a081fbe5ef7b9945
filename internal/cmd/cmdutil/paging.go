// Package cmdutil holds what every service command shares: paging flags, the empty-result rule, and the
// list-then-print loop, so each verb's file contains only what is particular to it.
package cmdutil

import (
	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

// Paging are the flags of every list command.
type Paging struct {
	Max       int64  // --max: results per page (0 = the API's default)
	Page      string // --page: the page token to start from
	AllPages  bool   // --all-pages: follow nextPageToken to the end
	FailEmpty bool   // --fail-empty: exit 3 when nothing was found
}

// AddPagingFlags declares --max, --page, --all-pages and --fail-empty on cmd. maxDoc says the API's default and
// cap, e.g. "results per page (default 250, at most 2500)".
func AddPagingFlags(cmd *cobra.Command, p *Paging, maxDoc string) {
	f := cmd.Flags()
	f.Int64Var(&p.Max, "max", 0, maxDoc)
	f.StringVar(&p.Page, "page", "", "start at this page `TOKEN` (printed as a hint after a page)")
	f.BoolVar(&p.AllPages, "all-pages", false, "fetch every page")
	f.BoolVar(&p.FailEmpty, "fail-empty", false, "exit 3 when the result is empty")
}

// Validate checks the paging flags against the API's cap.
func (p *Paging) Validate(limit int64) error {
	if p.Max < 0 {
		return errs.Usagef("--max must not be negative")
	}
	if limit > 0 && p.Max > limit {
		return errs.Usagef("--max %d is more than the API allows (%d)", p.Max, limit).
			WithHint("use --max %d with --all-pages to fetch more", limit)
	}
	if p.AllPages && p.Page != "" {
		return errs.Usagef("--page and --all-pages cannot be used together").WithHint("--all-pages starts from the first page")
	}
	return nil
}

// Collect calls fetch for the first page (p.Page) and, with --all-pages, for every following page, and returns
// all items and the token of the page after the last one fetched ("" at the end).
func Collect[T any](p *Paging, fetch func(pageToken string) ([]T, string, error)) ([]T, string, error) {
	var all []T
	token := p.Page
	for {
		items, next, err := fetch(token)
		if err != nil {
			return nil, "", err
		}
		all = append(all, items...)
		if !p.AllPages || next == "" {
			return all, next, nil
		}
		token = next
	}
}

// CheckEmpty returns the exit-3 error when --fail-empty is set and n is zero.
func (p *Paging) CheckEmpty(n int, what string) error {
	if p.FailEmpty && n == 0 {
		return errs.New(errs.Empty, "no %s found", what)
	}
	return nil
}

// PrintList is the ending every list command shares: print the items (with the next page token as a hint, or in
// the JSON) and then apply --fail-empty.
func PrintList[T any](p *output.Printer, paging *Paging, key string, items []T, next string, table *output.Table, what string) error {
	if err := p.List(key, items, next, table); err != nil {
		return err
	}
	return paging.CheckEmpty(len(items), what)
}

// Pager is a generated list call that pages with maxResults and pageToken (Calendar, YouTube, Tasks, ...).
type Pager[C any] interface {
	MaxResults(int64) C
	PageToken(string) C
}

// Paged sets a list call's page size (when --max was given) and page token (when there is one).
func Paged[C Pager[C]](call C, max int64, token string) C {
	if max > 0 {
		call = call.MaxResults(max)
	}
	if token != "" {
		call = call.PageToken(token)
	}
	return call
}

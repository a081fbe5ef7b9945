package calendar

import (
	"context"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdutil"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/timeparse"
)

// SearchOptions are the flags and arguments of `gog calendar search`.
type SearchOptions struct {
	Query    string
	Calendar string
	From, To string
	Timezone string
	All      bool
	Paging   cmdutil.Paging
}

// NewCmdSearch returns `gog calendar search QUERY`; runF replaces the run function in flag tests.
func NewCmdSearch(a *app.App, runF func(context.Context, *SearchOptions) error) *cobra.Command {
	opts := &SearchOptions{}
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find events by text (default: 30 days back to 90 days ahead)",
		Long: `Find events whose summary, description, location or attendees contain every word of QUERY, in start
order, recurring events expanded into their instances.

Searches --calendar (default "primary"), or with --all every calendar you have. The window is 30 days back to
90 days ahead unless --from/--to say otherwise; they accept ` + timeparse.Forms + `.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.TrimSpace(args[0])
			if opts.Query == "" {
				return errs.Usagef("the search query is empty").WithHint(`give the words to look for, e.g. gog calendar search "standup"`)
			}
			if opts.All && cmd.Flags().Changed("calendar") {
				return errs.Usagef("--all searches every calendar; do not also give --calendar")
			}
			if opts.All && opts.Paging.Page != "" {
				return errs.Usagef("--page cannot be used with --all").WithHint("--all fetches every page of every calendar")
			}
			if err := opts.Paging.Validate(maxEventsPerPage); err != nil {
				return err
			}
			if err := checkTimes(opts.From, opts.To); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return listRun(cmd.Context(), a, &EventsOptions{Calendar: opts.Calendar, From: opts.From, To: opts.To,
				Query: opts.Query, Timezone: opts.Timezone, All: opts.All, Paging: opts.Paging}, searchWindow())
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Calendar, "calendar", "primary", "calendar `ID` to search")
	f.StringVar(&opts.From, "from", "", "start of the window `TIME` (default: 30 days ago)")
	f.StringVar(&opts.To, "to", "", "end of the window `TIME` (default: 90 days ahead)")
	f.StringVar(&opts.Timezone, "timezone", "", "IANA `ZONE` to read times in, e.g. Europe/Berlin")
	f.BoolVar(&opts.All, "all", false, "search every calendar you have, merged by start time")
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "events per page (default 250, at most 2500); with --all, at most this many in all")
	return cmd
}

// checkTimes reads every non-empty typed time once, before any request, so a typo is a usage error (exit 2)
// that sends nothing; the real reading, in the right zone, happens later.
func checkTimes(values ...string) error {
	for _, v := range values {
		if v == "" {
			continue
		}
		// Whether a text is a time does not depend on the clock or the zone: any will do for this check.
		if _, err := timeparse.Parse(v, time.Time{}, time.UTC); err != nil {
			return err
		}
	}
	return nil
}

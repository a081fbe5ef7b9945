package calendar

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdutil"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
	"github.com/gogcli/gog/internal/timeparse"
)

// maxEventsPerPage is events.list's cap on maxResults.
const maxEventsPerPage = 2500

// EventsOptions are the flags and arguments of `gog calendar events`.
type EventsOptions struct {
	Calendar string
	From, To string
	Query    string
	Timezone string
	All      bool
	Paging   cmdutil.Paging
}

// NewCmdEvents returns `gog calendar events`; runF replaces the run function in flag tests.
func NewCmdEvents(a *app.App, runF func(context.Context, *EventsOptions) error) *cobra.Command {
	opts := &EventsOptions{}
	cmd := &cobra.Command{
		Use:   "events [CAL]",
		Short: "List events (default: the primary calendar, today through the next 7 days)",
		Long: `List events in start order, recurring events expanded into their instances.

CAL is a calendar ID (default "primary"); --all lists every calendar you have, merged by start time.
--from and --to accept ` + timeparse.Forms + `; they are read in --timezone, else the config's timezone,
else the calendar's own zone. A --to given as a date includes that whole day.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Calendar = "primary"
			if len(args) == 1 {
				opts.Calendar = args[0]
			}
			if opts.All && len(args) == 1 {
				return errs.Usagef("--all lists every calendar; do not also name one (%s)", args[0])
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
			return listRun(cmd.Context(), a, opts, eventsWindow())
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.From, "from", "", "start of the window `TIME` (default: start of today)")
	f.StringVar(&opts.To, "to", "", "end of the window `TIME` (default: 7 days after --from)")
	f.StringVarP(&opts.Query, "query", "q", "", "free-text search in summary, description, location and attendees")
	f.StringVar(&opts.Timezone, "timezone", "", "IANA `ZONE` to read times in, e.g. Europe/Berlin")
	f.BoolVar(&opts.All, "all", false, "list every calendar you have, merged by start time")
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "events per page (default 250, at most 2500); with --all, at most this many in all")
	return cmd
}

// listRun lists events (events, search): one calendar page by page, or with --all every calendar merged. def is
// the window used when --from/--to are not given.
func listRun(ctx context.Context, a *app.App, opts *EventsOptions, def listWindow) error {
	g, err := a.Google(ctx)
	if err != nil {
		return err
	}
	svc, err := g.Calendar(ctx)
	if err != nil {
		return err
	}
	needZone := opts.From == "" || timeparse.NeedsZone(opts.From) || (opts.To != "" && timeparse.NeedsZone(opts.To))
	if opts.All {
		return allEventsRun(ctx, a, svc, opts, needZone, def)
	}
	var events []*calendar.Event
	var next string
	for attempt := 0; ; attempt++ {
		loc, src, err := lookupZone(ctx, a, svc, opts.Timezone, opts.Calendar, needZone, true)
		if err != nil {
			return err
		}
		tmin, tmax, err := window(opts.From, opts.To, a.Clock.Now(), loc, def)
		if err != nil {
			return err
		}
		answered := ""
		events, next, err = cmdutil.Collect(&opts.Paging, func(token string) ([]*calendar.Event, string, error) {
			resp, err := listEvents(ctx, svc, opts, opts.Calendar, tmin, tmax, token, opts.Paging.Max)
			if err != nil {
				return nil, "", err
			}
			if answered == "" {
				answered = resp.TimeZone
			}
			return resp.Items, resp.NextPageToken, nil
		})
		if err != nil {
			return err
		}
		if opts.Timezone == "" {
			rememberZone(a, opts.Calendar, answered)
		}
		// The cached zone was stale (the calendar moved): the window was read in the wrong zone; once more.
		if src != zoneCached || answered == "" || answered == loc.String() || attempt > 0 {
			break
		}
	}
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "events", events, next, eventsTable(events, nil), "events")
}

func listEvents(ctx context.Context, svc *calendar.Service, opts *EventsOptions, calID string, tmin, tmax time.Time, token string, max int64) (*calendar.Events, error) {
	call := svc.Events.List(calID).SingleEvents(true).OrderBy("startTime").
		TimeMin(tmin.Format(time.RFC3339)).TimeMax(tmax.Format(time.RFC3339))
	if opts.Query != "" {
		call = call.Q(opts.Query)
	}
	call = cmdutil.Paged(call, max, token)
	if opts.Timezone != "" {
		call = call.TimeZone(opts.Timezone)
	}
	return call.Context(ctx).Do()
}

// allEventsRun lists every calendar (its entries carry each zone, so no extra lookup), fetches each calendar's
// events concurrently, and merges them by start time.
func allEventsRun(ctx context.Context, a *app.App, svc *calendar.Service, opts *EventsOptions, needZone bool, def listWindow) error {
	var cals []*calendar.CalendarListEntry
	token := ""
	for {
		resp, err := svc.CalendarList.List().PageToken(token).Context(ctx).Do()
		if err != nil {
			return err
		}
		cals = append(cals, resp.Items...)
		if token = resp.NextPageToken; token == "" {
			break
		}
	}
	loc := time.UTC
	if opts.Timezone != "" || a.Setting("timezone") != "" || !needZone {
		var err error
		if loc, err = zoneFor(ctx, a, svc, opts.Timezone, "", false); err != nil {
			return err
		}
	} else {
		for _, c := range cals {
			if z, err := time.LoadLocation(c.TimeZone); c.Primary && c.TimeZone != "" && err == nil {
				loc = z
			}
		}
	}
	tmin, tmax, err := window(opts.From, opts.To, a.Clock.Now(), loc, def)
	if err != nil {
		return err
	}
	names := map[*calendar.Event]string{}
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		firstErr error
		all      []*calendar.Event
	)
	sem := make(chan struct{}, 4)
	for _, c := range cals {
		wg.Add(1)
		go func(c *calendar.CalendarListEntry) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			every := cmdutil.Paging{AllPages: true}
			items, _, err := cmdutil.Collect(&every, func(token string) ([]*calendar.Event, string, error) {
				resp, err := listEvents(ctx, svc, opts, c.Id, tmin, tmax, token, 0)
				if err != nil {
					return nil, "", err
				}
				return resp.Items, resp.NextPageToken, nil
			})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				return
			}
			for _, e := range items {
				names[e] = firstNonEmpty(c.SummaryOverride, c.Summary, c.Id)
			}
			all = append(all, items...)
		}(c)
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	sort.SliceStable(all, func(i, j int) bool { return startKey(all[i]).Before(startKey(all[j])) })
	if opts.Paging.Max > 0 && int64(len(all)) > opts.Paging.Max {
		all = all[:opts.Paging.Max]
	}
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "events", all, "", eventsTable(all, names), "events")
}

// eventsTable shows START, END, SUMMARY (and CALENDAR when names are given), ID.
func eventsTable(events []*calendar.Event, names map[*calendar.Event]string) *output.Table {
	t := &output.Table{Header: []string{"START", "END", "SUMMARY", "ID"}}
	if names != nil {
		t.Header = []string{"START", "END", "SUMMARY", "CALENDAR", "ID"}
	}
	for _, e := range events {
		row := []string{when(e.Start), when(e.End), e.Summary}
		if names != nil {
			row = append(row, names[e])
		}
		t.AddRow(append(row, e.Id)...)
	}
	return t
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

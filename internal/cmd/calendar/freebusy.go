package calendar

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
	"github.com/gogcli/gog/internal/timeparse"
)

// maxFreeBusyCalendars is freeBusy.query's limit on calendars per request.
const maxFreeBusyCalendars = 50

// FreeBusyOptions are the flags of `gog calendar freebusy` and `gog calendar conflicts`.
type FreeBusyOptions struct {
	Calendars []string
	From, To  string
	Timezone  string
	FailEmpty bool // conflicts only: exit 3 when there are none
}

// NewCmdFreeBusy returns `gog calendar freebusy`; runF replaces the run function in flag tests.
func NewCmdFreeBusy(a *app.App, runF func(context.Context, *FreeBusyOptions) error) *cobra.Command {
	opts := &FreeBusyOptions{}
	cmd := &cobra.Command{
		Use:   "freebusy [--calendars a,b] [--from TIME] [--to TIME]",
		Short: "Show when calendars are busy (default: primary, today through the next 7 days)",
		Long: `Show the busy periods of one or more calendars (your own, or anyone's whose free/busy you may see), as
Google's freeBusy query reports them: events marked free and events you declined do not count.

--calendars takes IDs or email addresses, comma-separated (default "primary"). --from and --to accept
` + timeparse.Forms + `; default: today through the next 7 days. Times are read and shown in --timezone, else
the config's timezone, else your primary calendar's zone.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.validate(1); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return freeBusyRun(cmd.Context(), a, opts)
		},
	}
	addFreeBusyFlags(cmd, opts)
	return cmd
}

func addFreeBusyFlags(cmd *cobra.Command, opts *FreeBusyOptions) {
	f := cmd.Flags()
	f.StringSliceVar(&opts.Calendars, "calendars", []string{"primary"}, "calendar `IDS` or email addresses, comma-separated")
	f.StringVar(&opts.From, "from", "", "start of the window `TIME` (default: start of today)")
	f.StringVar(&opts.To, "to", "", "end of the window `TIME` (default: 7 days after --from)")
	f.StringVar(&opts.Timezone, "timezone", "", "IANA `ZONE` to read and show times in")
}

func (o *FreeBusyOptions) validate(minCalendars int) error {
	var ids []string
	for _, c := range o.Calendars {
		if c = strings.TrimSpace(c); c != "" {
			ids = append(ids, c)
		}
	}
	o.Calendars = ids
	switch {
	case len(ids) < minCalendars && minCalendars > 1:
		return errs.Usagef("conflicts compares calendars: give at least %d with --calendars", minCalendars).
			WithHint("e.g. --calendars primary,team@group.calendar.google.com (gog calendar calendars lists the IDs)")
	case len(ids) < minCalendars:
		return errs.Usagef("--calendars is empty").WithHint("e.g. --calendars primary,ada@example.com")
	case len(ids) > maxFreeBusyCalendars:
		return errs.Usagef("--calendars: Google answers for at most %d calendars at a time, got %d", maxFreeBusyCalendars, len(ids))
	}
	if o.Timezone != "" {
		if _, err := timeparse.ParseZone(o.Timezone); err != nil {
			return err
		}
	}
	return checkTimes(o.From, o.To)
}

// busyCalendar is one calendar's answer, in request order.
type busyCalendar struct {
	id      string
	periods []period
	errs    []string
}

type period struct{ start, end time.Time }

// queryFreeBusy asks freeBusy.query for opts' calendars and window. It warns on stderr about each calendar
// Google could not answer for, and fails only when it could answer for none.
func queryFreeBusy(ctx context.Context, a *app.App, opts *FreeBusyOptions) (*calendar.FreeBusyResponse, []busyCalendar, *time.Location, error) {
	svc, err := service(ctx, a)
	if err != nil {
		return nil, nil, nil, err
	}
	needZone := opts.From == "" || timeparse.NeedsZone(opts.From) || (opts.To != "" && timeparse.NeedsZone(opts.To))
	loc, known, err := resolveZone(ctx, a, svc, opts.Timezone, "primary", needZone)
	if err != nil {
		return nil, nil, nil, err
	}
	tmin, tmax, err := window(opts.From, opts.To, a.Clock.Now(), loc, eventsWindow())
	if err != nil {
		return nil, nil, nil, err
	}
	req := &calendar.FreeBusyRequest{TimeMin: tmin.Format(time.RFC3339), TimeMax: tmax.Format(time.RFC3339)}
	if known {
		req.TimeZone = loc.String()
	}
	for _, id := range opts.Calendars {
		req.Items = append(req.Items, &calendar.FreeBusyRequestItem{Id: id})
	}
	resp, err := svc.Freebusy.Query(req).Context(ctx).Do()
	if err != nil {
		return nil, nil, nil, err
	}
	cals := make([]busyCalendar, 0, len(opts.Calendars))
	failed := 0
	for _, id := range opts.Calendars {
		fb := resp.Calendars[id]
		bc := busyCalendar{id: id}
		for _, e := range fb.Errors {
			bc.errs = append(bc.errs, e.Reason)
		}
		for _, b := range fb.Busy {
			s, err1 := time.Parse(time.RFC3339, b.Start)
			e, err2 := time.Parse(time.RFC3339, b.End)
			if err1 == nil && err2 == nil {
				bc.periods = append(bc.periods, period{s, e})
			}
		}
		if len(bc.errs) > 0 {
			failed++
			a.Printer().Hintf("warning: no free/busy for %s: %s (check the ID with %s calendar calendars; "+
				"another person's calendar must be shared with you)", id, strings.Join(bc.errs, ", "), a.GogCommand())
		}
		cals = append(cals, bc)
	}
	if failed == len(cals) {
		return nil, nil, nil, errs.New(errs.NotFound, "Google had no free/busy for any of the calendars (%s)", strings.Join(opts.Calendars, ", ")).
			WithHint("check the IDs: %s calendar calendars lists yours", a.GogCommand())
	}
	return resp, cals, loc, nil
}

func freeBusyRun(ctx context.Context, a *app.App, opts *FreeBusyOptions) error {
	resp, cals, loc, err := queryFreeBusy(ctx, a, opts)
	if err != nil {
		return err
	}
	t := &output.Table{Header: []string{"CALENDAR", "START", "END"}}
	for _, c := range cals {
		sort.Slice(c.periods, func(i, j int) bool { return c.periods[i].start.Before(c.periods[j].start) })
		for _, p := range c.periods {
			t.AddRow(c.id, stamp(p.start, loc), stamp(p.end, loc))
		}
	}
	return a.Printer().Resource(resp, t)
}

// stamp renders an instant for tables, in the zone times were read in.
func stamp(t time.Time, loc *time.Location) string { return t.In(loc).Format("2006-01-02 15:04") }

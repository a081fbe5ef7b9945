package calendar

import (
	"strconv"
	"strings"
	"time"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/timeparse"
)

// zone is where typed times are read; name is the IANA name written into an event's timeZone, "" when no zone
// was needed (every time carried its own offset), so nothing is claimed that the user did not choose.
type zone struct {
	loc  *time.Location
	name string
}

// defaultLength is an event's length when neither --to nor --duration is given.
const defaultLength = time.Hour

// needsZone reports whether reading the event's times needs a zone: a time without an offset (for all-day
// events only relative days like "tomorrow" or "+3d" do: a plain date is a date anywhere), or a timed recurring
// event, which Google expands in a named zone.
func (f *EventFields) needsZone(allDay bool) bool {
	for _, v := range []string{f.From, f.To} {
		switch {
		case v == "" || (allDay && isPlainDate(v)):
		case timeparse.NeedsZone(v) || (allDay && dayOffset(v)): // "+3d" names a day: which one depends on the zone
			return true
		}
	}
	return !allDay && len(f.Recurrence) > 0 && f.Recurrence[0] != ""
}

func isPlainDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// span is a resolved time range: dates (end exclusive, as Google stores all-day events) or instants.
type span struct {
	start, end time.Time
	allDay     bool
}

// newSpan reads --from/--to/--duration for a new event.
func (f *EventFields) newSpan(now time.Time, z zone) (span, error) {
	start, err := readTime("--from", f.From, f.AllDay, now, z)
	if err != nil {
		return span{}, err
	}
	return f.endFor(start, f.AllDay, 0, now, z)
}

// changedSpan reads --from/--to/--duration/--all-day against the event's current times: a new start alone keeps
// the event's length; a new end alone keeps its start. ok is false when no timing flag was given.
func (f *EventFields) changedSpan(cur *calendar.Event, now time.Time, z zone) (s span, ok bool, err error) {
	old, err := eventSpan(cur)
	if err != nil {
		return span{}, false, err
	}
	allDay := old.allDay
	if f.Given("all-day") {
		allDay = f.AllDay
	}
	switching := allDay != old.allDay
	if !f.Given("from") && !f.Given("to") && !f.Given("duration") && !switching {
		return span{}, false, nil
	}
	if switching && !f.Given("from") {
		return span{}, false, errs.Usagef("changing between an all-day and a timed event needs --from (and --to)").
			WithHint("e.g. --all-day --from 2026-03-05, or --all-day=false --from '2026-03-05 10:00'")
	}
	if allDay && f.Given("duration") {
		return span{}, false, errs.Usagef("--duration does not apply to all-day events").WithHint("give the last day with --to")
	}
	start := old.start
	if f.Given("from") {
		if start, err = readTime("--from", f.From, allDay, now, z); err != nil {
			return span{}, false, err
		}
	}
	keep := old.end.Sub(old.start)
	if switching || (f.Given("to") || f.Given("duration")) {
		keep = 0
	}
	s, err = f.endFor(start, allDay, keep, now, z)
	return s, err == nil, err
}

// endFor computes the end from --to or --duration, else keep (a length to preserve), else the default length.
func (f *EventFields) endFor(start time.Time, allDay bool, keep time.Duration, now time.Time, z zone) (span, error) {
	s := span{start: start, allDay: allDay}
	switch {
	case f.To != "":
		end, err := readTime("--to", f.To, allDay, now, z)
		if err != nil {
			return span{}, err
		}
		if allDay {
			end = end.AddDate(0, 0, 1) // --to names the last day; Google's end date is exclusive
		}
		s.end = end
	case f.Duration > 0:
		s.end = start.Add(f.Duration)
	case keep > 0 && allDay:
		s.end = start.AddDate(0, 0, int((keep+time.Hour)/(24*time.Hour))) // whole days, across DST changes
	case keep > 0:
		s.end = start.Add(keep)
	case allDay:
		s.end = start.AddDate(0, 0, 1)
	default:
		s.end = start.Add(defaultLength)
	}
	if !s.end.After(s.start) {
		return span{}, errs.Usagef("the event must end after it starts (start %s, end %s)", show(s.start, allDay, false), show(s.end, allDay, true)).
			WithHint("give a --to after --from")
	}
	return s, nil
}

// checkKinds checks, before any request, that --from/--to are days for an all-day event and times of day
// otherwise (a day or a time is one whatever the zone).
func (f *EventFields) checkKinds(allDay bool) error {
	for _, fv := range [][2]string{{"--from", f.From}, {"--to", f.To}} {
		if fv[1] == "" {
			continue
		}
		if _, err := readTime(fv[0], fv[1], allDay, time.Time{}, zone{loc: time.UTC}); err != nil {
			return err
		}
	}
	return nil
}

// readTime reads one typed time; all-day events take days, timed events a time of day.
func readTime(flag, v string, allDay bool, now time.Time, z zone) (time.Time, error) {
	t, err := timeparse.Parse(v, now, z.loc)
	if err != nil {
		return time.Time{}, err
	}
	if allDay && !t.DateOnly && dayOffset(v) {
		t.DateOnly = true // "+3d": a number of days from today names a day
	}
	if allDay && !t.DateOnly {
		return time.Time{}, errs.Usagef("%s %q has a time of day, but the event is all-day", flag, v).
			WithHint("give a date (2026-03-05, today, tomorrow, friday), or --all-day=false for a timed event")
	}
	if !allDay && t.DateOnly {
		return time.Time{}, errs.Usagef("%s %q is a day, not a time", flag, v).
			WithHint(`add the time ("%s 10:00"), or use --all-day for an all-day event`, v)
	}
	if allDay {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	return t.Time, nil
}

// dayOffset reports an offset in whole days or weeks ("+3d", "-1w").
func dayOffset(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	if len(v) < 3 || (v[0] != '+' && v[0] != '-') || (v[len(v)-1] != 'd' && v[len(v)-1] != 'w') {
		return false
	}
	_, err := strconv.Atoi(v[1 : len(v)-1])
	return err == nil
}

// eventSpan reads an event's current times.
func eventSpan(e *calendar.Event) (span, error) {
	if e.Start == nil || e.End == nil {
		return span{}, errs.New(errs.General, "event %s has no start or end time", e.Id)
	}
	if e.Start.Date != "" {
		s, err1 := time.Parse("2006-01-02", e.Start.Date)
		t, err2 := time.Parse("2006-01-02", e.End.Date)
		if err1 != nil || err2 != nil {
			return span{}, errs.New(errs.General, "event %s has unreadable dates (%q, %q)", e.Id, e.Start.Date, e.End.Date)
		}
		return span{start: s, end: t, allDay: true}, nil
	}
	s, err1 := time.Parse(time.RFC3339, e.Start.DateTime)
	t, err2 := time.Parse(time.RFC3339, e.End.DateTime)
	if err1 != nil || err2 != nil {
		return span{}, errs.New(errs.General, "event %s has unreadable times (%q, %q)", e.Id, e.Start.DateTime, e.End.DateTime)
	}
	return span{start: s, end: t}, nil
}

// wire renders the span as the event's start and end. clearOther nulls the other kind of time (a date when
// the event becomes timed, a dateTime when it becomes all-day): a patch merges objects, so it would stay.
func (s span) wire(z zone, clearOther bool) (*calendar.EventDateTime, *calendar.EventDateTime) {
	if s.allDay {
		mk := func(t time.Time) *calendar.EventDateTime {
			d := &calendar.EventDateTime{Date: t.Format("2006-01-02")}
			if clearOther {
				d.NullFields = []string{"DateTime"}
			}
			return d
		}
		return mk(s.start), mk(s.end)
	}
	mk := func(t time.Time) *calendar.EventDateTime {
		if z.name != "" {
			t = t.In(z.loc)
		}
		d := &calendar.EventDateTime{DateTime: t.Format(time.RFC3339), TimeZone: z.name}
		if clearOther {
			d.NullFields = []string{"Date"}
		}
		return d
	}
	return mk(s.start), mk(s.end)
}

// show renders a span boundary for messages: an all-day end is exclusive, so the last day is the one before.
func show(t time.Time, allDay, isEnd bool) string {
	if !allDay {
		return t.Format(time.RFC3339)
	}
	if isEnd {
		t = t.AddDate(0, 0, -1)
	}
	return t.Format("2006-01-02")
}

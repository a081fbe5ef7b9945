package calendar

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/timeparse"
)

// EventFields are the event flags create and update share. Update patches exactly the flags that were given
// (Given), so an empty value there clears the field.
type EventFields struct {
	Summary     string
	Description string
	Location    string
	From, To    string
	Duration    time.Duration
	AllDay      bool
	Timezone    string
	Attendees   []string
	Recurrence  []string
	Reminders   []string
	Visibility  string
	Color       string
	WithMeet    bool
	SendUpdates string

	given map[string]bool
}

// Given reports whether the flag name was on the command line.
func (f *EventFields) Given(name string) bool { return f.given[name] }

// addEventFlags declares the shared event flags on cmd.
func addEventFlags(cmd *cobra.Command, f *EventFields) {
	fs := cmd.Flags()
	fs.StringVar(&f.Summary, "summary", "", "the event's title")
	fs.StringVar(&f.Description, "description", "", "the event's description")
	fs.StringVar(&f.Location, "location", "", "where the event takes place")
	fs.StringVar(&f.From, "from", "", "when the event starts (`TIME`; a date with --all-day)")
	fs.StringVar(&f.To, "to", "", "when the event ends (`TIME`); with --all-day, the last day (inclusive)")
	fs.DurationVar(&f.Duration, "duration", 0, "how long the event lasts, instead of --to (e.g. 30m, 1h30m)")
	fs.BoolVar(&f.AllDay, "all-day", false, "an all-day event: --from and --to are dates")
	fs.StringVar(&f.Timezone, "timezone", "", "IANA `ZONE` to read times in (default: the config's, else the calendar's)")
	fs.StringSliceVar(&f.Attendees, "attendees", nil, "guests' `EMAILS`, comma-separated (repeatable)")
	fs.StringArrayVar(&f.Recurrence, "recurrence", nil, "an `RRULE` such as FREQ=WEEKLY;BYDAY=MO (repeatable: also EXDATE, RDATE)")
	fs.StringArrayVar(&f.Reminders, "reminder", nil, "a reminder before the start: 10m, 1h, 1d or email:1d, popup:10m (repeatable); none; default")
	fs.StringVar(&f.Visibility, "visibility", "", "default, public, private or confidential")
	fs.StringVar(&f.Color, "color", "", "event colour: an ID 1-11 or its name (gog calendar colors)")
	fs.BoolVar(&f.WithMeet, "with-meet", false, "add a Google Meet video conference and print its link")
	fs.StringVar(&f.SendUpdates, "send-updates", "", "who Google emails about the change: all, externalOnly or none (Google's default: none)")
}

// validate checks the flags that need no request: everything but the reading of times in a zone. It records
// which flags were given.
func (f *EventFields) validate(flags *pflag.FlagSet) error {
	f.given = map[string]bool{}
	flags.Visit(func(fl *pflag.Flag) { f.given[fl.Name] = true })
	if f.Given("to") && f.Given("duration") {
		return errs.Usagef("--to and --duration both give the end: use one")
	}
	if f.Given("duration") && f.Duration <= 0 {
		return errs.Usagef("--duration must be positive, got %s", f.Duration)
	}
	if f.AllDay && f.Given("duration") {
		return errs.Usagef("--duration does not apply to all-day events").WithHint("give the last day with --to")
	}
	if err := checkTimes(f.From, f.To); err != nil {
		return err
	}
	if f.Timezone != "" {
		if _, err := timeparse.ParseZone(f.Timezone); err != nil {
			return err
		}
	}
	for _, a := range f.Attendees {
		if !strings.Contains(a, "@") {
			return errs.Usagef("--attendees: %q is not an email address", a).WithHint("give addresses separated by commas: --attendees ada@example.com,grace@example.com")
		}
	}
	if _, err := recurrence(f.Recurrence); err != nil {
		return err
	}
	if _, err := reminders(f.Reminders); err != nil {
		return err
	}
	if _, err := eventColor(f.Color); err != nil {
		return err
	}
	switch f.Visibility {
	case "", "default", "public", "private", "confidential":
	default:
		return errs.Usagef("--visibility %q: use default, public, private or confidential", f.Visibility)
	}
	return checkSendUpdates(f.SendUpdates)
}

// checkSendUpdates validates --send-updates (Google's sendUpdates values).
func checkSendUpdates(v string) error {
	switch v {
	case "", "all", "externalOnly", "none":
		return nil
	}
	return errs.Usagef("--send-updates %q: use all, externalOnly or none", v)
}

// attendees turns the addresses into attendee entries.
func attendees(emails []string) []*calendar.EventAttendee {
	out := []*calendar.EventAttendee{}
	for _, e := range emails {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, &calendar.EventAttendee{Email: e})
		}
	}
	return out
}

// recurrence normalises --recurrence values: a bare rule ("FREQ=DAILY;COUNT=5") gets its "RRULE:" prefix; lines
// that already name their kind (RRULE, EXRULE, RDATE, EXDATE) pass as given. An empty list clears.
func recurrence(values []string) ([]string, error) {
	out := []string{}
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		upper := strings.ToUpper(v)
		switch {
		case strings.HasPrefix(upper, "RRULE:") || strings.HasPrefix(upper, "EXRULE:") ||
			strings.HasPrefix(upper, "RDATE") || strings.HasPrefix(upper, "EXDATE"):
		case strings.HasPrefix(upper, "FREQ="):
			v = "RRULE:" + v
		default:
			return nil, errs.Usagef("--recurrence %q is not a recurrence rule", v).
				WithHint("give an RFC 5545 rule, e.g. --recurrence 'FREQ=WEEKLY;BYDAY=MO,WE' or 'RRULE:FREQ=DAILY;COUNT=5'")
		}
		out = append(out, v)
	}
	return out, nil
}

// maxReminderMinutes is Google's limit on how early a reminder may be (four weeks).
const maxReminderMinutes = 40320

// reminders turns --reminder values into the event's reminders: nil when none was given; "default" → the
// calendar's default reminders; "none" → no reminders; else overrides (at most 5, as Google allows).
func reminders(values []string) (*calendar.EventReminders, error) {
	if len(values) == 0 {
		return nil, nil
	}
	if len(values) == 1 && values[0] == "default" {
		return &calendar.EventReminders{UseDefault: true}, nil
	}
	r := &calendar.EventReminders{Overrides: []*calendar.EventReminder{}, ForceSendFields: []string{"UseDefault", "Overrides"}}
	for _, v := range values {
		if v == "none" && len(values) == 1 {
			return r, nil
		}
		method, when, ok := strings.Cut(v, ":")
		if !ok {
			method, when = "popup", v
		}
		if method != "popup" && method != "email" {
			return nil, errs.Usagef("--reminder %q: the method is popup or email", v)
		}
		minutes, err := reminderMinutes(when)
		if err != nil {
			return nil, errs.Usagef("--reminder %q: %v", v, err).
				WithHint("give how long before the start: 10m, 2h, 1d, 1w (optionally email: or popup:), or none, or default")
		}
		r.Overrides = append(r.Overrides, &calendar.EventReminder{Method: method, Minutes: minutes, ForceSendFields: []string{"Minutes"}})
	}
	if len(r.Overrides) > 5 {
		return nil, errs.Usagef("--reminder: Google allows at most 5 reminders, got %d", len(r.Overrides))
	}
	return r, nil
}

// reminderMinutes reads 10m, 2h, 1d, 1w (or a plain number of minutes).
func reminderMinutes(s string) (int64, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" {
		return 0, fmt.Errorf("no time given")
	}
	unit := int64(1)
	switch s[len(s)-1] {
	case 'm':
		s = s[:len(s)-1]
	case 'h':
		unit, s = 60, s[:len(s)-1]
	case 'd':
		unit, s = 60*24, s[:len(s)-1]
	case 'w':
		unit, s = 60*24*7, s[:len(s)-1]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("cannot read %q as a time before the event", s)
	}
	if n*unit > maxReminderMinutes {
		return 0, fmt.Errorf("at most 4 weeks before the event")
	}
	return n * unit, nil
}

// eventColorNames are the names Google Calendar shows for the event colour ids 1–11.
func eventColorNames() []string {
	return []string{"lavender", "sage", "grape", "flamingo", "banana", "tangerine", "peacock", "graphite",
		"blueberry", "basil", "tomato"}
}

// eventColorName is the name of an event colour id, "" when unknown.
func eventColorName(id string) string {
	n, err := strconv.Atoi(id)
	if names := eventColorNames(); err == nil && n >= 1 && n <= len(names) {
		return names[n-1]
	}
	return ""
}

// eventColor reads --color: an id 1–11 or a colour name; "" stays "".
func eventColor(v string) (string, error) {
	if v == "" {
		return "", nil
	}
	if eventColorName(v) != "" {
		return v, nil
	}
	for i, name := range eventColorNames() {
		if strings.EqualFold(v, name) {
			return strconv.Itoa(i + 1), nil
		}
	}
	return "", errs.Usagef("--color %q is not an event colour", v).
		WithHint("use an ID 1-11 or a name: %s (see gog calendar colors)", strings.Join(eventColorNames(), ", "))
}

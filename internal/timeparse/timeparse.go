// Package timeparse reads the times people type: RFC 3339, dates, "today", "tomorrow 9:30", "+2h",
// "monday 10:00". Hand-written because no well-kept Go library covers exactly this small, predictable set, and
// anything fuzzier ("next week-ish") would make scripts ambiguous.
package timeparse

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/errs"
)

// Forms lists the accepted forms, for error messages and help.
const Forms = `RFC 3339 (2026-03-02T10:00:00+01:00), a date (2026-03-02), a date and time (2026-03-02 10:00), ` +
	`now, today, tomorrow, yesterday (each optionally with a time: "tomorrow 9:30"), a weekday with an optional ` +
	`time ("monday 10:00": the next such day, today included), a time today ("14:30"), or an offset from now ` +
	`(+2h, -30m, +3d, +1w)`

// Time is a parsed time. DateOnly is set when no time of day was given (a date, "today", "monday"), which lets
// callers treat it as a whole day (all-day events, "--to 2026-03-05" meaning the end of that day).
type Time struct {
	time.Time
	DateOnly bool
}

// NeedsZone reports whether s must be interpreted in a time zone (it carries no offset of its own).
func NeedsZone(s string) bool {
	s = strings.TrimSpace(s)
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return false
	}
	if strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") || strings.EqualFold(s, "now") {
		return false
	}
	return true
}

// Parse reads s relative to now, in loc. An unparseable s is a usage error naming the accepted forms.
func Parse(s string, now time.Time, loc *time.Location) (Time, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return Time{}, bad(s)
	}
	if t, err := time.Parse(time.RFC3339, in); err == nil {
		return Time{Time: t}, nil
	}
	now = now.In(loc)
	lower := strings.ToLower(in)
	if lower == "now" {
		return Time{Time: now}, nil
	}
	if lower[0] == '+' || lower[0] == '-' {
		return offset(s, lower, now)
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, in, loc); err == nil {
			return Time{Time: t}, nil
		}
	}
	if t, err := time.ParseInLocation("2006-01-02", in, loc); err == nil {
		return Time{Time: t, DateOnly: true}, nil
	}
	day, clock, _ := strings.Cut(lower, " ")
	base, ok := dayOf(day, now)
	if !ok {
		if h, m, ok := clockOf(lower); ok {
			return Time{Time: at(now, h, m)}, nil
		}
		return Time{}, bad(s)
	}
	if clock = strings.TrimSpace(clock); clock == "" {
		return Time{Time: at(base, 0, 0), DateOnly: true}, nil
	}
	h, m, ok := clockOf(clock)
	if !ok {
		return Time{}, bad(s)
	}
	return Time{Time: at(base, h, m)}, nil
}

// StartOfDay returns midnight of t's day in loc.
func StartOfDay(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

func dayOf(word string, now time.Time) (time.Time, bool) {
	switch word {
	case "today":
		return now, true
	case "tomorrow":
		return now.AddDate(0, 0, 1), true
	case "yesterday":
		return now.AddDate(0, 0, -1), true
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		name := strings.ToLower(wd.String())
		if word == name || (len(word) >= 3 && strings.HasPrefix(name, word)) {
			ahead := (int(wd) - int(now.Weekday()) + 7) % 7
			return now.AddDate(0, 0, ahead), true
		}
	}
	return time.Time{}, false
}

// clockOf reads "9", "9:30", "09:30", "9am", "2:15pm".
func clockOf(s string) (int, int, bool) {
	s = strings.TrimSpace(s)
	pm, am := strings.HasSuffix(s, "pm"), strings.HasSuffix(s, "am")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "pm"), "am")
	hs, ms, hasMin := strings.Cut(s, ":")
	h, err := strconv.Atoi(hs)
	if err != nil || h < 0 || h > 23 || (!hasMin && !pm && !am) {
		return 0, 0, false
	}
	m := 0
	if hasMin {
		if len(ms) != 2 {
			return 0, 0, false
		}
		if m, err = strconv.Atoi(ms); err != nil || m < 0 || m > 59 {
			return 0, 0, false
		}
	}
	if pm || am {
		if h < 1 || h > 12 {
			return 0, 0, false
		}
		h %= 12
		if pm {
			h += 12
		}
	}
	return h, m, true
}

func at(day time.Time, h, m int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, day.Location())
}

func offset(orig, s string, now time.Time) (Time, error) {
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	body := s[1:]
	if len(body) < 2 {
		return Time{}, bad(orig)
	}
	unit := body[len(body)-1]
	n, err := strconv.Atoi(body[:len(body)-1])
	if err != nil || n < 0 {
		if d, err := time.ParseDuration(body); err == nil {
			return Time{Time: now.Add(time.Duration(sign) * d)}, nil
		}
		return Time{}, bad(orig)
	}
	n *= sign
	switch unit {
	case 'm':
		return Time{Time: now.Add(time.Duration(n) * time.Minute)}, nil
	case 'h':
		return Time{Time: now.Add(time.Duration(n) * time.Hour)}, nil
	case 'd':
		return Time{Time: now.AddDate(0, 0, n)}, nil
	case 'w':
		return Time{Time: now.AddDate(0, 0, 7*n)}, nil
	}
	return Time{}, bad(orig)
}

func bad(s string) error {
	return errs.Usagef("cannot read the time %q", s).WithHint("accepted: %s", Forms)
}

// ParseZone loads an IANA time zone name, as a usage error when unknown.
func ParseZone(name string) (*time.Location, error) {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, errs.Usagef("unknown time zone %q", name).WithHint("use an IANA name such as Europe/Berlin or America/New_York")
	}
	return loc, nil
}

// String renders t for humans in tables.
func String(t time.Time) string { return fmt.Sprint(t.Format("2006-01-02 15:04")) }

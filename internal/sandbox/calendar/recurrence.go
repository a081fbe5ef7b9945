package calendar

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// rule is one parsed RRULE: FREQ DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, COUNT, UNTIL, BYDAY (ordinals for
// MONTHLY/YEARLY, as in "1MO" or "-1FR"), BYMONTHDAY and BYMONTH. That covers what Calendar's UI and gog
// create; other parts are refused as an invalid rule rather than silently misread.
type rule struct {
	freq       string
	interval   int
	count      int
	until      time.Time
	byDay      []weekdayNum
	byMonthDay []int
	byMonth    []time.Month
}

type weekdayNum struct {
	n   int // 0 = every such weekday; else the nth (negative: from the end) in the month
	day time.Weekday
}

// recurrence is an event's recurrence: its rules and excluded start times.
type recurrence struct {
	rules   []rule
	exdates map[int64]bool // unix seconds of excluded instance starts
}

var errBadRecurrence = errors.New("invalid recurrence")

// parseRecurrence parses an event's recurrence lines (RRULE, EXDATE; RDATE and EXRULE are refused). loc is the
// zone EXDATE values without a TZID or "Z" are read in.
func parseRecurrence(lines []string, loc *time.Location) (recurrence, error) {
	rec := recurrence{exdates: map[int64]bool{}}
	for _, line := range lines {
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return rec, errBadRecurrence
		}
		params := strings.Split(name, ";")
		switch strings.ToUpper(params[0]) {
		case "RRULE":
			r, err := parseRule(value, loc)
			if err != nil {
				return rec, err
			}
			rec.rules = append(rec.rules, r)
		case "EXDATE":
			zone := loc
			for _, p := range params[1:] {
				if tz, ok := strings.CutPrefix(strings.ToUpper(p), "TZID="); ok {
					l, err := time.LoadLocation(p[len(p)-len(tz):])
					if err != nil {
						return rec, errBadRecurrence
					}
					zone = l
				}
			}
			for _, v := range strings.Split(value, ",") {
				t, err := parseICalTime(v, zone)
				if err != nil {
					return rec, err
				}
				rec.exdates[t.Unix()] = true
			}
		default:
			return rec, errBadRecurrence
		}
	}
	return rec, nil
}

// parseICalTime reads 20240102, 20240102T150405 (in loc) or 20240102T150405Z.
func parseICalTime(v string, loc *time.Location) (time.Time, error) {
	for _, layout := range []string{"20060102T150405Z", "20060102T150405", "20060102"} {
		l := loc
		if strings.HasSuffix(layout, "Z") {
			l = time.UTC
		}
		if t, err := time.ParseInLocation(layout, v, l); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errBadRecurrence
}

// weekdayOf reads an RFC 5545 weekday ("MO").
func weekdayOf(s string) (time.Weekday, bool) {
	for i, name := range []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"} {
		if s == name {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

func parseRule(value string, loc *time.Location) (rule, error) {
	r := rule{interval: 1}
	for _, part := range strings.Split(value, ";") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return r, errBadRecurrence
		}
		var err error
		switch strings.ToUpper(k) {
		case "FREQ":
			r.freq = strings.ToUpper(v)
		case "INTERVAL":
			r.interval, err = strconv.Atoi(v)
			if r.interval < 1 {
				err = errBadRecurrence
			}
		case "COUNT":
			r.count, err = strconv.Atoi(v)
			if r.count < 1 {
				err = errBadRecurrence
			}
		case "UNTIL":
			r.until, err = parseICalTime(v, loc)
			if err == nil && len(v) == 8 { // a date: the whole day is included
				r.until = r.until.Add(24*time.Hour - time.Second)
			}
		case "BYDAY":
			for _, d := range strings.Split(v, ",") {
				d = strings.ToUpper(strings.TrimSpace(d))
				if len(d) < 2 {
					return r, errBadRecurrence
				}
				wd, ok := weekdayOf(d[len(d)-2:])
				if !ok {
					return r, errBadRecurrence
				}
				n := 0
				if num := d[:len(d)-2]; num != "" {
					if n, err = strconv.Atoi(num); err != nil || n == 0 || n > 53 || n < -53 {
						return r, errBadRecurrence
					}
				}
				r.byDay = append(r.byDay, weekdayNum{n: n, day: wd})
			}
		case "BYMONTHDAY":
			for _, d := range strings.Split(v, ",") {
				n, err := strconv.Atoi(d)
				if err != nil || n == 0 || n > 31 || n < -31 {
					return r, errBadRecurrence
				}
				r.byMonthDay = append(r.byMonthDay, n)
			}
		case "BYMONTH":
			for _, d := range strings.Split(v, ",") {
				n, err := strconv.Atoi(d)
				if err != nil || n < 1 || n > 12 {
					return r, errBadRecurrence
				}
				r.byMonth = append(r.byMonth, time.Month(n))
			}
		case "WKST":
			if strings.ToUpper(v) != "MO" && strings.ToUpper(v) != "SU" {
				return r, errBadRecurrence
			}
		default:
			return r, errBadRecurrence
		}
		if err != nil {
			return r, errBadRecurrence
		}
	}
	switch r.freq {
	case "DAILY", "WEEKLY", "MONTHLY", "YEARLY":
	default:
		return r, errBadRecurrence
	}
	if r.count > 0 && !r.until.IsZero() {
		return r, errBadRecurrence // RFC 5545: at most one of them
	}
	return r, nil
}

// maxIterations bounds the work of expanding one rule, whatever the window.
const maxIterations = 20000

// starts returns the instance start times of the series beginning at dtstart (whose wall clock, in its own
// location, every instance keeps) that fall before end, in order, at most limit of them. The first instance
// is dtstart itself, as RFC 5545 has it.
func (rec recurrence) starts(dtstart, end time.Time, limit int) []time.Time {
	seen := map[int64]bool{}
	var out []time.Time
	add := func(t time.Time) {
		if !seen[t.Unix()] {
			seen[t.Unix()] = true
			out = append(out, t)
		}
	}
	if len(rec.rules) == 0 {
		add(dtstart)
	}
	for _, r := range rec.rules {
		for _, t := range r.expand(dtstart, end, limit) {
			add(t)
		}
	}
	sortTimes(out)
	var kept []time.Time
	for _, t := range out {
		if !rec.exdates[t.Unix()] {
			kept = append(kept, t)
		}
	}
	if len(kept) > limit {
		kept = kept[:limit]
	}
	return kept
}

func sortTimes(ts []time.Time) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].Before(ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// expand generates the rule's occurrences from dtstart, stopping at end, COUNT, UNTIL or limit.
func (r rule) expand(dtstart, end time.Time, limit int) []time.Time {
	out := []time.Time{dtstart}
	n := 1
	emit := func(t time.Time) bool { // false: stop
		if !t.After(dtstart) {
			return true
		}
		if (!r.until.IsZero() && t.After(r.until)) || !t.Before(end) || (r.count > 0 && n >= r.count) || len(out) >= limit {
			return false
		}
		out = append(out, t)
		n++
		return true
	}
	if (r.count > 0 && r.count <= 1) || !dtstart.Before(end) {
		return out
	}
	loc := dtstart.Location()
	h, mi, s := dtstart.Clock()
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, h, mi, s, 0, loc) }
	for i := 1; i < maxIterations; i++ {
		var cands []time.Time
		switch r.freq {
		case "DAILY":
			cands = []time.Time{dtstart.AddDate(0, 0, i*r.interval)}
		case "WEEKLY":
			cands = r.weekly(dtstart, i-1, at)
		case "MONTHLY":
			base := time.Date(dtstart.Year(), dtstart.Month()+time.Month((i-1)*r.interval), 1, 0, 0, 0, 0, loc)
			cands = r.inMonth(base.Year(), base.Month(), dtstart, at)
		case "YEARLY":
			y := dtstart.Year() + (i-1)*r.interval
			months := r.byMonth
			if len(months) == 0 {
				months = []time.Month{dtstart.Month()}
			}
			for _, m := range months {
				cands = append(cands, r.inMonth(y, m, dtstart, at)...)
			}
		}
		sortTimes(cands)
		for _, t := range cands {
			if !r.monthAllowed(t) {
				continue
			}
			if !emit(t) {
				return out
			}
		}
	}
	return out
}

func (r rule) monthAllowed(t time.Time) bool {
	if len(r.byMonth) == 0 || r.freq == "YEARLY" {
		return true
	}
	for _, m := range r.byMonth {
		if t.Month() == m {
			return true
		}
	}
	return false
}

// weekly returns the candidates of the k-th period (weeks start on Monday).
func (r rule) weekly(dtstart time.Time, k int, at func(int, time.Month, int) time.Time) []time.Time {
	if len(r.byDay) == 0 {
		return []time.Time{dtstart.AddDate(0, 0, 7*(k+1)*r.interval)}
	}
	offset := (int(dtstart.Weekday()) + 6) % 7 // days since Monday
	monday := dtstart.AddDate(0, 0, -offset+7*k*r.interval)
	var out []time.Time
	for _, wd := range r.byDay {
		d := monday.AddDate(0, 0, (int(wd.day)+6)%7)
		out = append(out, at(d.Year(), d.Month(), d.Day()))
	}
	return out
}

// inMonth returns the candidates in one month: BYDAY (with ordinals), BYMONTHDAY, or dtstart's day of month
// (months without that day are skipped, as RFC 5545 requires).
func (r rule) inMonth(y int, m time.Month, dtstart time.Time, at func(int, time.Month, int) time.Time) []time.Time {
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	var days []int
	switch {
	case len(r.byDay) > 0:
		for _, wd := range r.byDay {
			var matches []int
			for d := 1; d <= last; d++ {
				if time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Weekday() == wd.day {
					matches = append(matches, d)
				}
			}
			switch {
			case wd.n == 0:
				days = append(days, matches...)
			case wd.n > 0 && wd.n <= len(matches):
				days = append(days, matches[wd.n-1])
			case wd.n < 0 && -wd.n <= len(matches):
				days = append(days, matches[len(matches)+wd.n])
			}
		}
	case len(r.byMonthDay) > 0:
		for _, d := range r.byMonthDay {
			if d < 0 {
				d = last + d + 1
			}
			if d >= 1 && d <= last {
				days = append(days, d)
			}
		}
	default:
		if dtstart.Day() <= last {
			days = []int{dtstart.Day()}
		}
	}
	out := make([]time.Time, 0, len(days))
	for _, d := range days {
		out = append(out, at(y, m, d))
	}
	return out
}

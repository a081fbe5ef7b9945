package calendar

import (
	"testing"
	"time"
)

func TestRecurrenceRulesExpandLikeRFC5545(t *testing.T) {
	t.Parallel()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	utc := func(s string) time.Time {
		tm, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	cases := []struct {
		name  string
		lines []string
		start time.Time
		want  []string // "2006-01-02 15:04" in start's zone
	}{
		{"daily count", []string{"RRULE:FREQ=DAILY;COUNT=3"}, utc("2026-03-01 09:00"),
			[]string{"2026-03-01 09:00", "2026-03-02 09:00", "2026-03-03 09:00"}},
		{"daily interval until (inclusive)", []string{"RRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20260305T090000Z"}, utc("2026-03-01 09:00"),
			[]string{"2026-03-01 09:00", "2026-03-03 09:00", "2026-03-05 09:00"}},
		{"weekly byday", []string{"RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4"}, utc("2026-03-02 10:00"), // a Monday
			[]string{"2026-03-02 10:00", "2026-03-04 10:00", "2026-03-09 10:00", "2026-03-11 10:00"}},
		{"biweekly", []string{"RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3"}, utc("2026-03-05 10:00"),
			[]string{"2026-03-05 10:00", "2026-03-19 10:00", "2026-04-02 10:00"}},
		{"monthly skips short months", []string{"RRULE:FREQ=MONTHLY;COUNT=3"}, utc("2026-01-31 08:00"),
			[]string{"2026-01-31 08:00", "2026-03-31 08:00", "2026-05-31 08:00"}},
		{"monthly first monday", []string{"RRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=3"}, utc("2026-03-02 10:00"),
			[]string{"2026-03-02 10:00", "2026-04-06 10:00", "2026-05-04 10:00"}},
		{"monthly last friday", []string{"RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=2"}, utc("2026-03-27 10:00"),
			[]string{"2026-03-27 10:00", "2026-04-24 10:00"}},
		{"yearly leap day", []string{"RRULE:FREQ=YEARLY;COUNT=2"}, utc("2024-02-29 00:00"),
			[]string{"2024-02-29 00:00", "2028-02-29 00:00"}},
		{"exdate", []string{"RRULE:FREQ=DAILY;COUNT=3", "EXDATE:20260302T090000Z"}, utc("2026-03-01 09:00"),
			[]string{"2026-03-01 09:00", "2026-03-03 09:00"}},
		{"keeps wall clock across DST", []string{"RRULE:FREQ=DAILY;COUNT=3"}, time.Date(2026, 3, 28, 9, 0, 0, 0, berlin),
			[]string{"2026-03-28 09:00", "2026-03-29 09:00", "2026-03-30 09:00"}},
	}
	for _, c := range cases {
		rec, err := parseRecurrence(c.lines, c.start.Location())
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []string
		for _, s := range rec.starts(c.start, c.start.AddDate(10, 0, 0), 100) {
			got = append(got, s.Format("2006-01-02 15:04"))
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: got %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

func TestRecurrenceRefusesWhatItCannotExpand(t *testing.T) {
	t.Parallel()
	for _, bad := range [][]string{{"RRULE:FREQ=HOURLY"}, {"RRULE:FREQ=DAILY;COUNT=2;UNTIL=20260101"}, {"RRULE:FREQ=DAILY;BYSETPOS=1"},
		{"RDATE:20260101"}, {"RRULE:FREQ=WEEKLY;BYDAY=XX"}, {"nonsense"}} {
		if _, err := parseRecurrence(bad, time.UTC); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

func TestOpenEndedSeriesStopAtTheWindow(t *testing.T) {
	t.Parallel()
	rec, err := parseRecurrence([]string{"RRULE:FREQ=DAILY"}, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	if n := len(rec.starts(start, start.AddDate(0, 0, 10), 2500)); n != 10 {
		t.Errorf("got %d starts in 10 days", n)
	}
	if n := len(rec.starts(start, start.AddDate(50, 0, 0), 2500)); n != 2500 {
		t.Errorf("limit not applied: %d", n)
	}
}

package timeparse

import (
	"testing"
	"time"

	"github.com/gogcli/gog/internal/errs"
)

func TestParseAcceptsEveryDocumentedForm(t *testing.T) {
	t.Parallel()
	berlin, _ := time.LoadLocation("Europe/Berlin")
	// Wednesday 4 March 2026, 15:20 in Berlin.
	now := time.Date(2026, 3, 4, 15, 20, 0, 0, berlin)
	cases := []struct {
		in       string
		want     time.Time
		dateOnly bool
	}{
		{"2026-03-02T10:00:00Z", time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), false},
		{"2026-03-02T10:00:00+05:00", time.Date(2026, 3, 2, 5, 0, 0, 0, time.UTC), false},
		{"2026-03-09", time.Date(2026, 3, 9, 0, 0, 0, 0, berlin), true},
		{"2026-03-09 08:15", time.Date(2026, 3, 9, 8, 15, 0, 0, berlin), false},
		{"2026-03-09T08:15", time.Date(2026, 3, 9, 8, 15, 0, 0, berlin), false},
		{"now", now, false},
		{"today", time.Date(2026, 3, 4, 0, 0, 0, 0, berlin), true},
		{"tomorrow", time.Date(2026, 3, 5, 0, 0, 0, 0, berlin), true},
		{"Tomorrow 9:30", time.Date(2026, 3, 5, 9, 30, 0, 0, berlin), false},
		{"yesterday 2pm", time.Date(2026, 3, 3, 14, 0, 0, 0, berlin), false},
		{"14:30", time.Date(2026, 3, 4, 14, 30, 0, 0, berlin), false},
		{"+2h", now.Add(2 * time.Hour), false},
		{"-30m", now.Add(-30 * time.Minute), false},
		{"+3d", now.AddDate(0, 0, 3), false},
		{"+1w", now.AddDate(0, 0, 7), false},
		{"+1h30m", now.Add(90 * time.Minute), false},
		{"monday 10:00", time.Date(2026, 3, 9, 10, 0, 0, 0, berlin), false},
		{"wednesday", time.Date(2026, 3, 4, 0, 0, 0, 0, berlin), true},
		{"fri", time.Date(2026, 3, 6, 0, 0, 0, 0, berlin), true},
	}
	for _, c := range cases {
		got, err := Parse(c.in, now, berlin)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if !got.Equal(c.want) || got.DateOnly != c.dateOnly {
			t.Errorf("Parse(%q) = %v (dateOnly %v), want %v (dateOnly %v)", c.in, got.Time, got.DateOnly, c.want, c.dateOnly)
		}
	}
}

func TestParseRefusesGarbageAsUsageErrorNamingTheForms(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "soon", "25:00", "monday 10", "+", "+5y", "2026-13-01", "9:5", "13pm"} {
		_, err := Parse(in, time.Now(), time.UTC)
		e, ok := errs.As(err)
		if !ok || e.Class != errs.Usage || e.Hint == "" {
			t.Errorf("Parse(%q): want a usage error with the accepted forms, got %v", in, err)
		}
	}
}

func TestNeedsZoneOnlyForTimesWithoutAnOffset(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{"2026-03-02T10:00:00Z": false, "+2h": false, "now": false, "today": true, "2026-03-02": true, "monday 9:00": true} {
		if got := NeedsZone(in); got != want {
			t.Errorf("NeedsZone(%q) = %v, want %v", in, got, want)
		}
	}
}

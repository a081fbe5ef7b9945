package calendar

import (
	"reflect"
	"testing"
	"time"
)

func at(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }

func TestOverlapsReportsEachStretchWhereTwoOrMoreCalendarsAreBusy(t *testing.T) {
	t.Parallel()
	cals := []busyCalendar{
		{id: "a", periods: []period{{at(9, 0), at(11, 0)}, {at(14, 0), at(15, 0)}}},
		{id: "b", periods: []period{{at(10, 0), at(12, 0)}, {at(15, 0), at(16, 0)}}}, // 15:00 only touches a's 14–15
		{id: "c", periods: []period{{at(10, 30), at(10, 45)}}},
	}
	got := overlaps(cals, time.UTC)
	want := []Conflict{
		{Start: "2026-03-02T10:00:00Z", End: "2026-03-02T10:30:00Z", Calendars: []string{"a", "b"}},
		{Start: "2026-03-02T10:30:00Z", End: "2026-03-02T10:45:00Z", Calendars: []string{"a", "b", "c"}},
		{Start: "2026-03-02T10:45:00Z", End: "2026-03-02T11:00:00Z", Calendars: []string{"a", "b"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("overlaps =\n%+v\nwant\n%+v", got, want)
	}
	if got := overlaps(cals[:1], time.UTC); len(got) != 0 || got == nil {
		t.Fatalf("one calendar has no conflicts (and an empty list, not nil): %#v", got)
	}
}

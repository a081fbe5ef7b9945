package calendar

import (
	"reflect"
	"testing"
	"time"

	"google.golang.org/api/calendar/v3"
)

func TestRemindersReadTheDocumentedForms(t *testing.T) {
	t.Parallel()
	r, err := reminders([]string{"10m", "email:1d", "popup:2h", "1w", "0"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range r.Overrides {
		got = append(got, o.Method+":"+time.Duration(o.Minutes*int64(time.Minute)).String())
	}
	want := []string{"popup:10m0s", "email:24h0m0s", "popup:2h0m0s", "popup:168h0m0s", "popup:0s"}
	if r.UseDefault || !reflect.DeepEqual(got, want) {
		t.Fatalf("reminders = %v (default %v), want %v", got, r.UseDefault, want)
	}
	if r, _ := reminders([]string{"default"}); r == nil || !r.UseDefault || len(r.Overrides) != 0 {
		t.Errorf("default: %+v", r)
	}
	if r, _ := reminders([]string{"none"}); r == nil || r.UseDefault || len(r.Overrides) != 0 || len(r.ForceSendFields) == 0 {
		t.Errorf("none must send useDefault=false and no overrides: %+v", r)
	}
	if r, _ := reminders(nil); r != nil {
		t.Errorf("no flag must leave the reminders alone: %+v", r)
	}
}

func TestRecurrenceGetsItsRRULEPrefix(t *testing.T) {
	t.Parallel()
	got, err := recurrence([]string{"FREQ=WEEKLY;BYDAY=MO", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE;VALUE=DATE:20260310", ""})
	want := []string{"RRULE:FREQ=WEEKLY;BYDAY=MO", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE;VALUE=DATE:20260310"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("recurrence = %q, %v", got, err)
	}
}

func TestColorsByIDOrName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"10": "10", "basil": "10", "Tomato": "11", "1": "1", "": ""} {
		if got, err := eventColor(in); err != nil || got != want {
			t.Errorf("eventColor(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestAllDayTakesDaysAndDayOffsets(t *testing.T) {
	t.Parallel()
	berlin, _ := time.LoadLocation("Europe/Berlin")
	now := time.Date(2026, 3, 2, 23, 30, 0, 0, time.UTC) // already 3 March in Berlin
	z := zone{loc: berlin, name: "Europe/Berlin"}
	f := &EventFields{From: "today", To: "+2d", AllDay: true}
	s, err := f.newSpan(now, z)
	if err != nil {
		t.Fatal(err)
	}
	start, end := s.wire(z, false)
	if start.Date != "2026-03-03" || end.Date != "2026-03-06" {
		t.Fatalf("today..+2d in Berlin = %s..%s (end exclusive), want 2026-03-03..2026-03-06", start.Date, end.Date)
	}
	if !f.needsZone(true) || (&EventFields{From: "2026-03-03"}).needsZone(true) {
		t.Error("relative days need the zone; a plain date does not")
	}
	for _, bad := range []EventFields{{From: "+2h", AllDay: true}, {From: "tomorrow"}, {From: "tomorrow 10:00", To: "tomorrow 09:00"}} {
		if _, err := bad.newSpan(now, z); err == nil {
			t.Errorf("%+v: want an error", bad)
		}
	}
}

func TestChangedSpanKeepsLengthWhenOnlyTheStartMoves(t *testing.T) {
	t.Parallel()
	cur := &calendar.Event{Id: "e", Start: &calendar.EventDateTime{DateTime: "2026-03-04T10:00:00Z"},
		End: &calendar.EventDateTime{DateTime: "2026-03-04T10:45:00Z"}}
	z := zone{loc: time.UTC, name: "UTC"}
	f := &EventFields{From: "2026-03-05 15:00", given: map[string]bool{"from": true}}
	s, ok, err := f.changedSpan(cur, time.Time{}, z)
	if err != nil || !ok || !s.start.Equal(time.Date(2026, 3, 5, 15, 0, 0, 0, time.UTC)) || s.end.Sub(s.start) != 45*time.Minute {
		t.Fatalf("move: %+v %v %v", s, ok, err)
	}
	f = &EventFields{Duration: 2 * time.Hour, given: map[string]bool{"duration": true}}
	if s, _, _ := f.changedSpan(cur, time.Time{}, z); !s.start.Equal(time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)) || s.end.Sub(s.start) != 2*time.Hour {
		t.Fatalf("longer: %+v", s)
	}
	if _, ok, _ := (&EventFields{given: map[string]bool{"summary": true}}).changedSpan(cur, time.Time{}, z); ok {
		t.Fatal("no timing flag must not change the times")
	}
	f = &EventFields{AllDay: true, given: map[string]bool{"all-day": true}}
	if _, _, err := f.changedSpan(cur, time.Time{}, z); err == nil {
		t.Fatal("turning a timed event all-day without --from must be refused")
	}
}

func TestKeepAnswersKeepsStayingGuestsEntries(t *testing.T) {
	t.Parallel()
	old := []*calendar.EventAttendee{{Email: "Ada@example.com", ResponseStatus: "accepted", Comment: "yes"}, {Email: "grace@example.com", ResponseStatus: "declined"}}
	got := keepAnswers(old, attendees([]string{"ada@example.com", "linus@example.com"}))
	if len(got) != 2 || got[0].ResponseStatus != "accepted" || got[0].Comment != "yes" || got[1].Email != "linus@example.com" || got[1].ResponseStatus != "" {
		t.Fatalf("keepAnswers = %+v %+v", got[0], got[1])
	}
}

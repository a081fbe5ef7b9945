package calendar

import (
	"time"

	"google.golang.org/api/calendar/v3"
)

// when renders an event time for tables: "2026-03-02 09:30" for timed events (in the event's own offset, as
// Google sent it), "2026-03-02" for all-day ones.
func when(t *calendar.EventDateTime) string {
	if t == nil {
		return ""
	}
	if t.DateTime != "" {
		if parsed, err := time.Parse(time.RFC3339, t.DateTime); err == nil {
			return parsed.Format("2006-01-02 15:04")
		}
		return t.DateTime
	}
	return t.Date
}

// startKey orders events by start: the instant for timed events, midnight UTC for all-day ones.
func startKey(e *calendar.Event) time.Time {
	if e.Start == nil {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, e.Start.DateTime); err == nil {
		return t
	}
	t, _ := time.Parse("2006-01-02", e.Start.Date)
	return t
}

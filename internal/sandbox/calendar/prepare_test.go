package calendar_test

import (
	"testing"

	"google.golang.org/api/calendar/v3"
)

func TestRemindersFollowGooglesLimits(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	start, end := timed("2026-03-04T10:00:00Z", 30)
	ok := &calendar.EventReminders{Overrides: []*calendar.EventReminder{{Method: "popup", Minutes: 10}, {Method: "email", Minutes: 1440}},
		ForceSendFields: []string{"UseDefault"}}
	ev, err := svc.Events.Insert("primary", &calendar.Event{Summary: "r", Start: start, End: end, Reminders: ok}).Do()
	if err != nil || ev.Reminders.UseDefault || len(ev.Reminders.Overrides) != 2 {
		t.Fatalf("overrides: %v %+v", err, ev.Reminders)
	}
	many := &calendar.EventReminders{}
	for i := 0; i < 6; i++ {
		many.Overrides = append(many.Overrides, &calendar.EventReminder{Method: "popup", Minutes: int64(i)})
	}
	for name, r := range map[string]*calendar.EventReminders{
		"default and overrides": {UseDefault: true, Overrides: ok.Overrides},
		"six overrides":         many,
		"unknown method":        {Overrides: []*calendar.EventReminder{{Method: "sms", Minutes: 5}}},
		"over four weeks":       {Overrides: []*calendar.EventReminder{{Method: "popup", Minutes: 40321}}},
	} {
		if _, err := svc.Events.Insert("primary", &calendar.Event{Summary: name, Start: start, End: end, Reminders: r}).Do(); code(t, err) != 400 {
			t.Errorf("%s: want 400, got %v", name, err)
		}
	}
}

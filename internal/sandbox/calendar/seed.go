package calendar

import (
	"time"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// demoEvent describes one demo event relative to the day the account was provisioned.
type demoEvent struct {
	cal        string // "primary" or "team"
	summary    string
	day        int    // days after the provisioning day (UTC midnight); negative: before
	at         string // "15:04" wall clock in the calendar's zone; "" = all-day
	minutes    int    // duration (timed) — or days (all-day)
	rrule      string
	location   string
	desc       string
	attendees  []string
	meet       bool
	transp     string
	colorID    string
	weekdayFix bool   // move the start to the Monday of its week (for weekday-only series)
	invitedBy  string // the organizer of an invitation: the account is a guest who has not answered yet
}

// demoEvents are the seeded events. The recurring ones run open-ended from four weeks before provisioning, so
// the CLI's default window ("today" to "+7 days") shows demo events whenever it is run; the one-off ones sit
// around the provisioning day.
func demoEvents() []demoEvent {
	return []demoEvent{
		{cal: "primary", summary: "Daily standup", day: -28, at: "09:30", minutes: 15, weekdayFix: true,
			rrule: "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", attendees: []string{"ada@example.com", "grace@example.com"}, meet: true},
		{cal: "primary", summary: "Lunch", day: -28, at: "12:00", minutes: 60, rrule: "RRULE:FREQ=DAILY", transp: "transparent", colorID: "2"},
		{cal: "primary", summary: "1:1 with Ada", day: -26, at: "15:00", minutes: 30, rrule: "RRULE:FREQ=WEEKLY;INTERVAL=1",
			attendees: []string{"ada@example.com"}, meet: true, desc: "Weekly check-in."},
		{cal: "primary", summary: "Monthly planning", day: -40, at: "10:00", minutes: 60, rrule: "RRULE:FREQ=MONTHLY;BYDAY=1MO",
			location: "Room Babbage"},
		{cal: "primary", summary: "Ada's birthday", day: 3, minutes: 1, rrule: "RRULE:FREQ=YEARLY", colorID: "6"},
		{cal: "primary", summary: "Onboarding sessions", day: -1, at: "16:00", minutes: 45, rrule: "RRULE:FREQ=DAILY;COUNT=5",
			desc: "Five afternoons of getting to know the codebase."},
		{cal: "primary", summary: "Coffee with Grace", day: -2, at: "10:00", minutes: 30, location: "Café Lovelace",
			attendees: []string{"grace@example.com"}},
		{cal: "primary", summary: "Dentist appointment", day: 1, at: "08:00", minutes: 60, location: "12 Main Street", colorID: "11"},
		{cal: "primary", summary: "Project kickoff", day: 2, at: "13:00", minutes: 60, meet: true,
			attendees: []string{"ada@example.com", "grace@example.com", "linus@example.com"}, desc: "Kickoff for the gog launch."},
		{cal: "primary", summary: "Offsite", day: 4, minutes: 2, location: "Lake House"},
		{cal: "primary", summary: "Architecture review", day: 1, at: "14:00", minutes: 60, invitedBy: "ada@example.com",
			attendees: []string{"grace@example.com"}, meet: true, desc: "Ada's invitation: answer it with gog calendar respond."},
		{cal: "team", summary: "Team sync", day: -27, at: "11:00", minutes: 30, rrule: "RRULE:FREQ=WEEKLY;BYDAY=TU,TH", meet: true},
		{cal: "team", summary: "Release day", day: 5, minutes: 1},
	}
}

// seedDemo creates the team calendar and the demo events of a seeded account.
func seedDemo(tx *store.Tx, acct gapi.Account, now time.Time) error {
	team := calRecord{ID: "c_" + stableID(acct.Email, "team")[:20] + "@group.calendar.google.com", Summary: "Team",
		Description: "Shared team calendar (sandbox demo data).", TimeZone: "Europe/Berlin", ColorID: "9", Created: now}
	if err := store.Put(tx, bucketCalendars, store.Key(acct.Email, team.ID), team); err != nil {
		return err
	}
	primary := calRecord{ID: acct.Email, Summary: acct.Email, TimeZone: "UTC", Primary: true}
	day0 := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	for _, d := range demoEvents() {
		cal := primary
		if d.cal == "team" {
			cal = team
		}
		ev := demo(d, cal, acct, day0)
		if err := saveEvent(tx, acct.Email, cal.ID, ev); err != nil {
			return err
		}
	}
	return nil
}

func demo(d demoEvent, cal calRecord, acct gapi.Account, day0 time.Time) *calendar.Event {
	loc := cal.loc()
	date := day0.AddDate(0, 0, d.day)
	if d.weekdayFix {
		date = date.AddDate(0, 0, -((int(date.Weekday()) + 6) % 7))
	}
	ev := &calendar.Event{
		Id: stableID(acct.Email, cal.ID, d.summary), Summary: d.summary, Description: d.desc, Location: d.location,
		Transparency: d.transp, ColorId: d.colorID, Kind: "calendar#event", Status: "confirmed", EventType: "default",
		Reminders: &calendar.EventReminders{UseDefault: true},
		Created:   stamp(day0), Updated: stamp(day0),
		Creator:   &calendar.EventCreator{Email: acct.Email, Self: true},
		Organizer: &calendar.EventOrganizer{Email: cal.ID, Self: true},
	}
	if !cal.Primary {
		ev.Organizer.DisplayName = cal.Summary
	}
	if d.at == "" {
		ev.Start = &calendar.EventDateTime{Date: date.Format("2006-01-02")}
		ev.End = &calendar.EventDateTime{Date: date.AddDate(0, 0, d.minutes).Format("2006-01-02")}
	} else {
		hm, _ := time.Parse("15:04", d.at)
		start := time.Date(date.Year(), date.Month(), date.Day(), hm.Hour(), hm.Minute(), 0, 0, loc)
		ev.Start = &calendar.EventDateTime{DateTime: start.Format(time.RFC3339), TimeZone: cal.TimeZone}
		ev.End = &calendar.EventDateTime{DateTime: start.Add(time.Duration(d.minutes) * time.Minute).Format(time.RFC3339), TimeZone: cal.TimeZone}
	}
	if d.rrule != "" {
		ev.Recurrence = []string{d.rrule}
	}
	if len(d.attendees) > 0 {
		ev.Attendees = []*calendar.EventAttendee{{Email: acct.Email, Self: true, Organizer: cal.Primary, ResponseStatus: "accepted"}}
		if d.invitedBy != "" {
			ev.Creator = &calendar.EventCreator{Email: d.invitedBy}
			ev.Organizer = &calendar.EventOrganizer{Email: d.invitedBy}
			ev.Attendees = []*calendar.EventAttendee{{Email: d.invitedBy, Organizer: true, ResponseStatus: "accepted"},
				{Email: acct.Email, Self: true, ResponseStatus: "needsAction"}}
		}
		for i, a := range d.attendees {
			status := []string{"accepted", "tentative", "needsAction"}[i%3]
			ev.Attendees = append(ev.Attendees, &calendar.EventAttendee{Email: a, ResponseStatus: status})
		}
	}
	if d.meet {
		ev.ConferenceData = meetConference(acct.Email, cal.ID, "demo-"+ev.Id)
		ev.HangoutLink = ev.ConferenceData.EntryPoints[0].Uri
	}
	ev.ICalUID = ev.Id + "@google.com"
	ev.HtmlLink = htmlLink(ev.Id, cal.ID)
	withETag(ev)
	return ev
}

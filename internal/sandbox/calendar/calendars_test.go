package calendar_test

import (
	"testing"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestCalendarsColorsAndACL(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	svc := serviceFor(t, sb, scopeCalendarRO)
	list, err := svc.CalendarList.List().Do()
	if err != nil || len(list.Items) != 2 || list.NextSyncToken == "" {
		t.Fatalf("calendarList: %v %+v", err, list)
	}
	team := list.Items[1]
	if team.Summary != "Team" || team.TimeZone != "Europe/Berlin" || team.AccessRole != "owner" || team.BackgroundColor == "" {
		t.Errorf("team entry: %+v", team)
	}
	if got, err := svc.CalendarList.Get(team.Id).Do(); err != nil || got.Id != team.Id {
		t.Errorf("calendarList.get: %v", err)
	}
	cal, err := svc.Calendars.Get("primary").Do()
	if err != nil || cal.Id != sandboxtest.Account || cal.TimeZone != "UTC" || cal.Kind != "calendar#calendar" {
		t.Errorf("calendars.get primary: %v %+v", err, cal)
	}
	if _, err := svc.Calendars.Get("nope@group.calendar.google.com").Do(); code(t, err) != 404 {
		t.Errorf("unknown calendar: %v", err)
	}
	colors, err := svc.Colors.Get().Do()
	if err != nil || len(colors.Calendar) != 24 || len(colors.Event) != 11 || colors.Event["11"].Background != "#dc2127" {
		t.Errorf("colors: %v %+v", err, colors)
	}
	// acl.list does not accept calendar.readonly (discovery: calendar, calendar.acls, calendar.acls.readonly).
	if _, err := svc.Acl.List("primary").Do(); code(t, err) != 403 {
		t.Errorf("acl.list with calendar.readonly: %v", err)
	}
	acl, err := serviceFor(t, sb, "https://www.googleapis.com/auth/calendar.acls.readonly").Acl.List("primary").Do()
	if err != nil || len(acl.Items) != 1 || acl.Items[0].Role != "owner" || acl.Items[0].Scope.Value != sandboxtest.Account {
		t.Errorf("acl: %v %+v", err, acl)
	}
	page, err := svc.CalendarList.List().MaxResults(1).Do()
	if err != nil || len(page.Items) != 1 || page.NextPageToken == "" {
		t.Errorf("calendarList paging: %v %+v", err, page)
	}
}

func TestReadonlyScopeCannotWrite(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	svc := serviceFor(t, sb, scopeCalendarRO)
	start, end := timed("2026-03-04T10:00:00Z", 30)
	if _, err := svc.Events.Insert("primary", &calendar.Event{Start: start, End: end}).Do(); code(t, err) != 403 {
		t.Errorf("insert with calendar.readonly: %v", err)
	}
}

func TestFreeBusyMergesOpaqueEvents(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	for _, s := range []struct {
		start   string
		minutes int
		transp  string
	}{{"2026-03-10T10:00:00Z", 60, ""}, {"2026-03-10T10:30:00Z", 60, ""}, {"2026-03-10T14:00:00Z", 30, "transparent"}} {
		start, end := timed(s.start, s.minutes)
		if _, err := svc.Events.Insert("primary", &calendar.Event{Summary: "fb", Start: start, End: end, Transparency: s.transp}).Do(); err != nil {
			t.Fatal(err)
		}
	}
	_ = sb
	resp, err := svc.Freebusy.Query(&calendar.FreeBusyRequest{TimeMin: "2026-03-10T09:59:00Z", TimeMax: "2026-03-10T11:15:00Z",
		Items: []*calendar.FreeBusyRequestItem{{Id: "primary"}, {Id: "nobody@example.com"}}}).Do()
	if err != nil {
		t.Fatal(err)
	}
	busy := resp.Calendars["primary"].Busy
	if len(busy) != 1 || busy[0].Start != "2026-03-10T10:00:00Z" || busy[0].End != "2026-03-10T11:15:00Z" {
		t.Errorf("busy = %+v", busy)
	}
	if e := resp.Calendars["nobody@example.com"].Errors; len(e) != 1 || e[0].Reason != "notFound" {
		t.Errorf("unknown calendar errors = %+v", e)
	}
	if _, err := svc.Freebusy.Query(&calendar.FreeBusyRequest{TimeMin: "2026-03-10T10:00:00Z"}).Do(); code(t, err) != 400 {
		t.Errorf("missing timeMax: %v", err)
	}
}

func TestFreeBusyAnswersInTheRequestedZone(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	start, end := timed("2026-03-10T10:00:00Z", 60)
	if _, err := svc.Events.Insert("primary", &calendar.Event{Summary: "fb", Start: start, End: end}).Do(); err != nil {
		t.Fatal(err)
	}
	resp, err := svc.Freebusy.Query(&calendar.FreeBusyRequest{TimeMin: "2026-03-10T00:00:00Z", TimeMax: "2026-03-11T00:00:00Z",
		TimeZone: "Europe/Berlin", Items: []*calendar.FreeBusyRequestItem{{Id: "primary"}}}).Do()
	if err != nil {
		t.Fatal(err)
	}
	busy := resp.Calendars["primary"].Busy
	found := false
	for _, b := range busy {
		found = found || (b.Start == "2026-03-10T11:00:00+01:00" && b.End == "2026-03-10T12:00:00+01:00")
	}
	if !found {
		t.Errorf("want the 10:00Z hour as 11:00+01:00, got %+v", busy)
	}
	if _, err := svc.Freebusy.Query(&calendar.FreeBusyRequest{TimeMin: "2026-03-10T00:00:00Z", TimeMax: "2026-03-11T00:00:00Z",
		TimeZone: "Mars/Olympus", Items: []*calendar.FreeBusyRequestItem{{Id: "primary"}}}).Do(); code(t, err) != 400 {
		t.Errorf("unknown zone: %v", err)
	}
}

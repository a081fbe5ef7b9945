package calendar_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
	"github.com/gogcli/gog/internal/sandbox"
)

func TestCreateWithMeetAsksForAConferenceAndPrintsTheJoinLink(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var ev calendar.Event
	env.JSON(&ev, "calendar", "create", "--summary", "Design sync", "--from", "2026-03-04T10:00:00Z", "--with-meet")
	if !strings.HasPrefix(ev.HangoutLink, "https://meet.google.com/") || ev.ConferenceData == nil ||
		ev.ConferenceData.CreateRequest == nil || !strings.HasPrefix(ev.ConferenceData.CreateRequest.RequestId, "gog-") {
		t.Fatalf("JSON must carry the Meet link and conference: %+v", ev)
	}
	reqs := env.Requests()
	if len(reqs) != 1 || reqs[0].Method != "POST" || reqs[0].Path != "/calendar/v3/calendars/primary/events" {
		t.Fatalf("an RFC 3339 time needs no zone lookup; want one POST, got %v", env.Paths())
	}
	if q, _ := url.ParseQuery(reqs[0].Query); q.Get("conferenceDataVersion") != "1" {
		t.Fatalf("insert query: %s", reqs[0].Query)
	}
	// In table mode the link is a hint on stderr; a second create gets its own conference (a new requestId).
	r := env.Must("calendar", "create", "--summary", "Another", "--from", "2026-03-04T11:00:00Z", "--with-meet")
	if !strings.Contains(r.Stderr, "Meet: https://meet.google.com/") || strings.Contains(r.Stderr, ev.HangoutLink) {
		t.Fatalf("stderr %q (first link %s)", r.Stderr, ev.HangoutLink)
	}
	if !strings.Contains(r.Stdout, "meet\thttps://meet.google.com/") {
		t.Fatalf("stdout:\n%s", r.Stdout)
	}
}

func TestCreateReadsTypedTimesInTheCalendarsZone(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	team := teamCalendar(t, env)
	env.SB.ClearRequests()
	var ev calendar.Event
	env.JSON(&ev, "calendar", "create", team, "--summary", "Standup (team)", "--from", "2026-03-10 09:00", "--duration", "15m",
		"--recurrence", "FREQ=WEEKLY;BYDAY=TU", "--reminder", "5m", "--reminder", "email:1d", "--attendees", "ada@example.com,grace@example.com",
		"--description", "Daily", "--location", "Room 2", "--visibility", "private", "--color", "peacock")
	if ev.Start.DateTime != "2026-03-10T09:00:00+01:00" || ev.Start.TimeZone != "Europe/Berlin" || ev.End.DateTime != "2026-03-10T09:15:00+01:00" {
		t.Fatalf("times in Berlin: %+v %+v", ev.Start, ev.End)
	}
	if len(ev.Recurrence) != 1 || ev.Recurrence[0] != "RRULE:FREQ=WEEKLY;BYDAY=TU" || len(ev.Attendees) != 2 ||
		ev.Description != "Daily" || ev.Location != "Room 2" || ev.Visibility != "private" || ev.ColorId != "7" {
		t.Fatalf("fields: %+v", ev)
	}
	if ev.Reminders == nil || ev.Reminders.UseDefault || len(ev.Reminders.Overrides) != 2 || ev.Reminders.Overrides[1].Minutes != 1440 {
		t.Fatalf("reminders: %+v", ev.Reminders)
	}
	if paths := env.Paths(); len(paths) != 2 || paths[0] != "GET /calendar/v3/users/me/calendarList/"+team ||
		paths[1] != "POST /calendar/v3/calendars/"+team+"/events" {
		t.Fatalf("one zone lookup, then the insert: %v", paths)
	}
}

func TestCreateAllDayTakesDatesAndToIsTheLastDay(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var ev calendar.Event
	env.JSON(&ev, "calendar", "create", "--summary", "Conference", "--all-day", "--from", "2026-03-10", "--to", "2026-03-12")
	if ev.Start.Date != "2026-03-10" || ev.End.Date != "2026-03-13" || ev.Start.DateTime != "" {
		t.Fatalf("all-day: %+v %+v", ev.Start, ev.End)
	}
	if paths := env.Paths(); len(paths) != 1 {
		t.Fatalf("plain dates need no zone: %v", paths)
	}
	env.JSON(&ev, "calendar", "create", "--summary", "Day off", "--all-day", "--from", "tomorrow")
	if ev.Start.Date != "2026-03-03" || ev.End.Date != "2026-03-04" {
		t.Fatalf("tomorrow, one day: %+v %+v", ev.Start, ev.End)
	}
}

func TestCreateWithADayButNoTimeIsAUsageErrorThatSendsNothing(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Run("calendar", "create", "--summary", "x", "--from", "tomorrow")
	if r.Code != 2 || !strings.Contains(r.Stderr, "is a day, not a time") || !strings.Contains(r.Stderr, "--all-day") {
		t.Fatalf("exit %d, stderr %s", r.Code, r.Stderr)
	}
	r = env.Run("calendar", "create", "--summary", "x", "--from", "next tuesday-ish")
	if r.Code != 2 || !strings.Contains(r.Stderr, "RFC 3339") {
		t.Fatalf("exit %d, stderr %s", r.Code, r.Stderr)
	}
	if n := len(env.Requests()); n != 0 {
		t.Fatalf("usage errors sent %d requests: %v", n, env.Paths())
	}
}

func TestCreateIsNeverSentTwiceAfterAServerError(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	env.SB.AddFault(sandbox.Fault{Method: "POST", PathPrefix: "/calendar/v3/calendars/", Preset: "unavailable", Times: 1})
	r := env.Run("calendar", "create", "--summary", "Once", "--from", "2026-03-04T10:00:00Z")
	if r.Code != 8 || !strings.Contains(r.Stderr, "may or may not have been applied") {
		t.Fatalf("exit %d, stderr %s", r.Code, r.Stderr)
	}
	posts := 0
	for _, p := range env.Paths() {
		if strings.HasPrefix(p, "POST /calendar/") {
			posts++
		}
	}
	if posts != 1 {
		t.Fatalf("the insert was sent %d times: %v", posts, env.Paths())
	}
}

func TestCreateDryRunPrintsTheInsertAndSendsNoWrite(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Must("--dry-run", "calendar", "create", "--summary", "Maybe", "--from", "2026-03-04 10:00", "--with-meet")
	var dry struct {
		DryRun bool           `json:"dry_run"`
		Method string         `json:"method"`
		URL    string         `json:"url"`
		Body   calendar.Event `json:"body"`
	}
	if err := json.Unmarshal([]byte(r.Stdout), &dry); err != nil {
		t.Fatalf("stdout is not the dry-run request: %v\n%s", err, r.Stdout)
	}
	if !dry.DryRun || dry.Method != "POST" || !strings.Contains(dry.URL, "conferenceDataVersion=1") || dry.Body.Summary != "Maybe" ||
		dry.Body.ConferenceData == nil || dry.Body.ConferenceData.CreateRequest.ConferenceSolutionKey.Type != "hangoutsMeet" {
		t.Fatalf("dry run: %+v", dry)
	}
	for _, p := range env.Paths() {
		if !strings.HasPrefix(p, "GET ") {
			t.Fatalf("a dry run sent a write: %v", env.Paths())
		}
	}
}

// teamCalendar is the ID of the demo account's team calendar (Europe/Berlin).
func teamCalendar(t *testing.T, env *cmdtest.Env) string {
	t.Helper()
	var got calendarList
	env.JSON(&got, "calendar", "calendars")
	for _, c := range got.Calendars {
		if c.Summary == "Team" {
			return c.Id
		}
	}
	t.Fatal("no Team calendar in the demo data")
	return ""
}

package calendar_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"google.golang.org/api/calendar/v3"
	"google.golang.org/api/option"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
	"github.com/gogcli/gog/internal/sandbox"
)

// created makes an event with gog and returns it.
func created(t *testing.T, env *cmdtest.Env, args ...string) calendar.Event {
	t.Helper()
	var ev calendar.Event
	env.JSON(&ev, append([]string{"calendar", "create"}, args...)...)
	env.SB.ClearRequests()
	return ev
}

func TestUpdateSendsOnlyTheFieldsGiven(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	ev := created(t, env, "--summary", "Draft", "--description", "notes", "--location", "Room 1", "--from", "2026-03-04T10:00:00Z")
	r := env.Must("--dry-run", "calendar", "update", "primary", ev.Id, "--summary", "Final", "--description", "")
	var dry struct {
		Method string                     `json:"method"`
		Body   map[string]json.RawMessage `json:"body"`
	}
	if err := json.Unmarshal([]byte(r.Stdout), &dry); err != nil {
		t.Fatalf("%v\n%s", err, r.Stdout)
	}
	if dry.Method != "PATCH" || len(dry.Body) != 2 || string(dry.Body["summary"]) != `"Final"` || string(dry.Body["description"]) != `""` {
		t.Fatalf("the patch must carry exactly the two given fields: %s %s", dry.Method, r.Stdout)
	}
	var got calendar.Event
	env.JSON(&got, "calendar", "update", "primary", ev.Id, "--summary", "Final", "--description", "")
	if got.Summary != "Final" || got.Description != "" || got.Location != "Room 1" || got.Start.DateTime != ev.Start.DateTime {
		t.Fatalf("after the patch: %+v", got)
	}
	if paths := env.Paths(); paths[len(paths)-1] != "PATCH /calendar/v3/calendars/primary/events/"+ev.Id {
		t.Fatalf("requests: %v", paths)
	}
}

func TestUpdateMovingTheStartKeepsTheLength(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	ev := created(t, env, "--summary", "Review", "--from", "2026-03-04T10:00:00Z", "--duration", "45m")
	var got calendar.Event
	env.JSON(&got, "calendar", "update", "primary", ev.Id, "--from", "2026-03-05 15:00")
	if got.Start.DateTime != "2026-03-05T15:00:00Z" || got.End.DateTime != "2026-03-05T15:45:00Z" || got.Start.TimeZone != "UTC" {
		t.Fatalf("moved: %+v %+v", got.Start, got.End)
	}
	// The typed time needed the calendar's zone: read the event, look the zone up, patch.
	if paths := env.Paths(); len(paths) != 3 || paths[0] != "GET /calendar/v3/calendars/primary/events/"+ev.Id ||
		paths[1] != "GET /calendar/v3/users/me/calendarList/primary" || !strings.HasPrefix(paths[2], "PATCH ") {
		t.Fatalf("requests: %v", paths)
	}
	var allDay calendar.Event
	env.JSON(&allDay, "calendar", "update", "primary", ev.Id, "--all-day", "--from", "2026-03-06")
	if allDay.Start.Date != "2026-03-06" || allDay.End.Date != "2026-03-07" || allDay.Start.DateTime != "" {
		t.Fatalf("made all-day: %+v %+v", allDay.Start, allDay.End)
	}
}

func TestUpdateWithMeetAddsALinkOnlyWhenThereIsNone(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	ev := created(t, env, "--summary", "Chat", "--from", "2026-03-04T10:00:00Z")
	var got calendar.Event
	env.JSON(&got, "calendar", "update", "primary", ev.Id, "--with-meet")
	if !strings.HasPrefix(got.HangoutLink, "https://meet.google.com/") {
		t.Fatalf("no Meet link added: %+v", got)
	}
	patch := env.Requests()[1]
	if q, _ := url.ParseQuery(patch.Query); patch.Method != "PATCH" || q.Get("conferenceDataVersion") != "1" {
		t.Fatalf("patch: %+v", patch)
	}
	env.SB.ClearRequests()
	r := env.Must("calendar", "update", "primary", ev.Id, "--with-meet", "--summary", "Chat (Meet)")
	if !strings.Contains(r.Stderr, "already has a conference") || !strings.Contains(r.Stderr, got.HangoutLink) {
		t.Fatalf("stderr: %s", r.Stderr)
	}
	if q, _ := url.ParseQuery(env.Requests()[1].Query); q.Has("conferenceDataVersion") {
		t.Fatalf("an existing conference must not be replaced: %+v", env.Requests()[1])
	}
	// --with-meet alone on an event that has one changes nothing: no write at all.
	env.SB.ClearRequests()
	r = env.Must("calendar", "update", "primary", ev.Id, "--with-meet")
	if paths := env.Paths(); len(paths) != 1 || !strings.HasPrefix(paths[0], "GET ") || !strings.Contains(r.Stderr, got.HangoutLink) {
		t.Fatalf("requests %v, stderr %s", paths, r.Stderr)
	}
}

func TestUpdateAttendeesKeepsTheAnswersOfGuestsWhoStay(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var events eventList
	env.JSON(&events, "calendar", "events", "-q", "kickoff")
	kickoff := events.Events[0] // ada accepted, grace tentative, linus needsAction
	var got calendar.Event
	env.JSON(&got, "calendar", "update", "primary", kickoff.Id, "--attendees", "ada@example.com,barbara@example.com")
	answers := map[string]string{}
	for _, a := range got.Attendees {
		answers[a.Email] = a.ResponseStatus
	}
	if len(answers) != 2 || answers["ada@example.com"] != "accepted" || answers["barbara@example.com"] != "needsAction" {
		t.Fatalf("guests: %v", answers)
	}
}

func TestUpdateRefusesToOverwriteAConcurrentChange(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	ev := created(t, env, "--summary", "Contested", "--from", "2026-03-04T10:00:00Z")
	// Someone else changes the event while gog's patch is on its way: the sandbox holds the patch (a delay
	// fault), and the other client's change lands during the hold.
	tok := env.SB.MintToken(cmdtest.Account, "https://www.googleapis.com/auth/calendar")
	other, err := calendar.NewService(context.Background(), option.WithEndpoint(env.SB.URL+"/calendar/v3/"),
		option.WithHTTPClient(env.SB.BearerClient(tok.AccessToken)))
	if err != nil {
		t.Fatal(err)
	}
	env.SB.AddFault(sandbox.Fault{Method: "PATCH", PathPrefix: "/calendar/v3/", DelayMS: 10, Times: 1})
	env.SB.Clock.OnSleep = func(time.Duration) {
		if _, err := other.Events.Patch("primary", ev.Id, &calendar.Event{Location: "Room 9"}).Do(); err != nil {
			t.Errorf("the concurrent change: %v", err)
		}
	}
	r := env.Run("--json", "calendar", "update", "primary", ev.Id, "--summary", "Mine")
	env.SB.Clock.OnSleep = nil
	if r.Code != 1 || r.ErrorObject(t)["class"] != "conflict" {
		t.Fatalf("exit %d, stderr %s", r.Code, r.Stderr)
	}
	var now calendar.Event
	env.JSON(&now, "calendar", "event", "primary", ev.Id)
	if now.Summary != "Contested" || now.Location != "Room 9" {
		t.Fatalf("the other change must stand and gog's must not have landed: %+v", now)
	}
}

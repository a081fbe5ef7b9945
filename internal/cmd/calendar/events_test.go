package calendar_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
	"github.com/gogcli/gog/internal/sandbox"
)

type eventList struct {
	Events        []*calendar.Event `json:"events"`
	NextPageToken string            `json:"nextPageToken"`
}

func TestEventsListsDemoEventsTodayThroughSevenDays(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var got eventList
	env.JSON(&got, "calendar", "events")
	if len(got.Events) == 0 {
		t.Fatal("no demo events in the default window")
	}
	from := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC) // the test sandbox's "today" (primary calendar in UTC)
	to := from.AddDate(0, 0, 7)
	for _, e := range got.Events {
		start, err := time.Parse(time.RFC3339, e.Start.DateTime)
		if e.Start.Date != "" {
			start, err = time.Parse("2006-01-02", e.Start.Date)
		}
		if err != nil || start.Before(from.AddDate(0, 0, -1)) || !start.Before(to) {
			t.Errorf("event %q starts at %v, outside %v..%v", e.Summary, start, from, to)
		}
	}
	// One lookup of the calendar's zone, then the listing with the window Google expects.
	reqs := env.Requests()
	if len(reqs) != 2 || reqs[0].Path != "/calendar/v3/users/me/calendarList/primary" || reqs[1].Path != "/calendar/v3/calendars/primary/events" {
		t.Fatalf("requests: %v", env.Paths())
	}
	q, _ := url.ParseQuery(reqs[1].Query)
	if q.Get("timeMin") != "2026-03-02T00:00:00Z" || q.Get("timeMax") != "2026-03-09T00:00:00Z" ||
		q.Get("singleEvents") != "true" || q.Get("orderBy") != "startTime" {
		t.Errorf("events.list query: %v", q)
	}
}

func TestEventsWithTimezoneNeedsNoZoneLookup(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	env.Must("calendar", "events", "--timezone", "Europe/Berlin", "--from", "2026-03-03", "--to", "2026-03-03")
	reqs := env.Requests()
	if len(reqs) != 1 {
		t.Fatalf("want exactly one request, got %v", env.Paths())
	}
	q, _ := url.ParseQuery(reqs[0].Query)
	// Berlin is UTC+1 in March: the whole of 3 March there.
	if q.Get("timeMin") != "2026-03-03T00:00:00+01:00" || q.Get("timeMax") != "2026-03-04T00:00:00+01:00" {
		t.Errorf("window: %v", q)
	}
}

func TestEventsTablePlainAndPagingHint(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Must("calendar", "events", "--max", "2")
	lines := strings.Split(strings.TrimSpace(r.Stdout), "\n")
	if lines[0] != "START\tEND\tSUMMARY\tID" || len(lines) != 3 {
		t.Fatalf("plain output:\n%s", r.Stdout)
	}
	if !strings.Contains(r.Stderr, "--page ") {
		t.Fatalf("want the next page token as a hint on stderr, got %q", r.Stderr)
	}
	token := strings.Fields(r.Stderr[strings.Index(r.Stderr, "--page ")+len("--page "):])[0]
	next := env.Must("calendar", "events", "--max", "2", "--page", token)
	if next.Stdout == r.Stdout {
		t.Fatal("the next page repeats the first")
	}
	var all eventList
	env.JSON(&all, "calendar", "events", "--max", "2", "--all-pages")
	var single eventList
	env.JSON(&single, "calendar", "events")
	if len(all.Events) != len(single.Events) || all.NextPageToken != "" {
		t.Fatalf("--all-pages got %d events (next %q), one big page %d", len(all.Events), all.NextPageToken, len(single.Events))
	}
}

func TestEventsAllMergesEveryCalendarByStart(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	env.TTY = true
	env.Vars["NO_COLOR"] = "1"
	r := env.Must("calendar", "events", "--all")
	if !strings.Contains(r.Stdout, "CALENDAR") || !strings.Contains(r.Stdout, "Team") || !strings.Contains(r.Stdout, cmdtest.Account) {
		t.Fatalf("want events of both calendars with their names:\n%s", r.Stdout)
	}
	env.TTY = false
	var got eventList
	env.JSON(&got, "calendar", "events", "--all")
	for i := 1; i < len(got.Events); i++ {
		if start(got.Events[i]).Before(start(got.Events[i-1])) {
			t.Fatalf("not in start order at %d: %s before %s", i, got.Events[i-1].Summary, got.Events[i].Summary)
		}
	}
}

func TestEventsQueryFiltersAndEmptyResultIsExitZeroUnlessFailEmpty(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var got eventList
	env.JSON(&got, "calendar", "events", "-q", "standup")
	if len(got.Events) == 0 {
		t.Fatal("standup not found")
	}
	for _, e := range got.Events {
		if !strings.Contains(strings.ToLower(e.Summary), "standup") {
			t.Errorf("query returned %q", e.Summary)
		}
	}
	r := env.Run("--json", "calendar", "events", "-q", "no-such-event-anywhere")
	if r.Code != 0 || !strings.Contains(r.Stdout, `"events": []`) {
		t.Fatalf("empty list: exit %d, stdout %s", r.Code, r.Stdout)
	}
	r = env.Run("calendar", "events", "-q", "no-such-event-anywhere", "--fail-empty")
	if r.Code != 3 {
		t.Fatalf("--fail-empty: exit %d, want 3", r.Code)
	}
}

func TestEventsBadTimeIsUsageErrorAndSendsNothing(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Run("calendar", "events", "--from", "someday", "--timezone", "UTC")
	if r.Code != 2 || !strings.Contains(r.Stderr, "RFC 3339") {
		t.Fatalf("exit %d stderr %s", r.Code, r.Stderr)
	}
	if n := len(env.Requests()); n != 0 {
		t.Fatalf("a usage error sent %d requests: %v", n, env.Paths())
	}
}

func TestEventsUnknownCalendarIsNotFoundExit5(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Run("--json", "calendar", "events", "nobody@example.com", "--timezone", "UTC")
	if r.Code != 5 {
		t.Fatalf("exit %d, stderr %s", r.Code, r.Stderr)
	}
	if obj := r.ErrorObject(t); obj["class"] != "not_found" || obj["status"] != float64(404) {
		t.Fatalf("error object: %v", obj)
	}
}

func TestCtrlCCancelsTheRequestInFlightAndExits130(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	env.SB.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/calendars/", DelayMS: 60_000, Times: 1})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The sandbox starts waiting out the fault's delay: the request is in flight. Ctrl-C now, and hold the answer
	// back until gog has given up (the fake clock's wait is instant, so without this the answer could win).
	released := make(chan struct{})
	env.SB.Clock.OnSleep = func(time.Duration) { cancel(); <-released }
	r := env.RunCtx(ctx, "calendar", "events", "--timezone", "UTC")
	close(released)
	if r.Code != 130 {
		t.Fatalf("exit %d, want 130; stderr %s", r.Code, r.Stderr)
	}
	if r.Stdout != "" {
		t.Fatalf("nothing should be printed, got %q", r.Stdout)
	}
	if paths := env.Paths(); len(paths) != 1 || paths[0] != "GET /calendar/v3/calendars/primary/events" {
		t.Fatalf("the request must have reached the sandbox once: %v", paths)
	}
}

func start(e *calendar.Event) time.Time {
	if e.Start.DateTime != "" {
		t, _ := time.Parse(time.RFC3339, e.Start.DateTime)
		return t
	}
	t, _ := time.Parse("2006-01-02", e.Start.Date)
	return t
}

func TestEventsRemembersTheCalendarZoneSoTheNextListingIsOneRoundTrip(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	env.Must("calendar", "events")
	env.SB.ClearRequests()
	env.Must("calendar", "events")
	if paths := env.Paths(); len(paths) != 1 || paths[0] != "GET /calendar/v3/calendars/primary/events" {
		t.Fatalf("second listing: want only events.list, got %v", paths)
	}
}

func TestEventsCorrectsAStaleCachedZoneAndListsTheRightWindow(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	env.Must("calendar", "events")
	// Pretend the calendar was in Tokyo last time: the cached zone is now wrong.
	path := filepath.Join(env.Home, "state", "calendar-zones.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(string(raw), `"UTC"`, `"Asia/Tokyo"`)), 0o600); err != nil {
		t.Fatal(err)
	}
	env.SB.ClearRequests()
	env.Must("calendar", "events")
	reqs := env.Requests()
	if len(reqs) != 2 {
		t.Fatalf("want the listing redone once, got %v", env.Paths())
	}
	q, _ := url.ParseQuery(reqs[1].Query)
	if q.Get("timeMin") != "2026-03-02T00:00:00Z" {
		t.Fatalf("the redone listing must use the calendar's real zone: %v", q)
	}
	env.SB.ClearRequests()
	env.Must("calendar", "events")
	if n := len(env.Requests()); n != 1 {
		t.Fatalf("the cache must be corrected: %v", env.Paths())
	}
}

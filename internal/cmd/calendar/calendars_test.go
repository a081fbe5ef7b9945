package calendar_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
	"github.com/gogcli/gog/internal/sandbox"
)

type calendarList struct {
	Calendars     []*calendar.CalendarListEntry `json:"calendars"`
	NextPageToken string                        `json:"nextPageToken"`
}

func TestCalendarsListsTheDemoCalendarsAndPages(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var got calendarList
	env.JSON(&got, "calendar", "calendars")
	if len(got.Calendars) != 2 || got.Calendars[0].Id != cmdtest.Account || !got.Calendars[0].Primary || got.Calendars[1].Summary != "Team" {
		t.Fatalf("calendars: %+v", got.Calendars)
	}
	r := env.Must("calendar", "calendars", "--max", "1")
	lines := strings.Split(strings.TrimSpace(r.Stdout), "\n")
	if len(lines) != 2 || lines[0] != "ID\tSUMMARY\tROLE\tTIMEZONE\tPRIMARY" || lines[1] != cmdtest.Account+"\t"+cmdtest.Account+"\towner\tUTC\tyes" {
		t.Fatalf("plain output:\n%s", r.Stdout)
	}
	if !strings.Contains(r.Stderr, "--page ") {
		t.Fatalf("want the next page token as a hint, got %q", r.Stderr)
	}
	token := strings.Fields(r.Stderr[strings.Index(r.Stderr, "--page ")+len("--page "):])[0]
	var next calendarList
	env.JSON(&next, "calendar", "calendars", "--max", "1", "--page", token)
	if len(next.Calendars) != 1 || next.Calendars[0].Summary != "Team" || next.NextPageToken != "" {
		t.Fatalf("second page: %+v", next)
	}
	reqs := env.Requests()
	q, _ := url.ParseQuery(reqs[len(reqs)-1].Query)
	if reqs[len(reqs)-1].Path != "/calendar/v3/users/me/calendarList" || q.Get("maxResults") != "1" || q.Get("pageToken") != token {
		t.Fatalf("last request: %+v", reqs[len(reqs)-1])
	}
}

func TestScope403OnTheCalendarListIsRecoveredByOneRefreshAndOneReplay(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	env.SB.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/users/me/calendarList", Preset: "insufficient_scope", Times: 1})
	var got calendarList
	env.JSON(&got, "calendar", "calendars")
	if len(got.Calendars) != 2 {
		t.Fatalf("calendars after recovery: %+v", got.Calendars)
	}
	var log []string
	for _, r := range env.Requests() {
		log = append(log, r.Method+" "+r.Path+" "+strconv.Itoa(r.Status))
	}
	want := []string{"GET /calendar/v3/users/me/calendarList 403", "POST /token 200", "GET /calendar/v3/users/me/calendarList 200"}
	if strings.Join(log, "\n") != strings.Join(want, "\n") {
		t.Fatalf("request log:\n%s\nwant:\n%s", strings.Join(log, "\n"), strings.Join(want, "\n"))
	}
}

func TestGetShowsACalendarAndAnUnknownOneIsExit5(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var cal calendar.Calendar
	env.JSON(&cal, "calendar", "get")
	if cal.Id != cmdtest.Account || cal.TimeZone != "UTC" || cal.Kind != "calendar#calendar" {
		t.Fatalf("primary: %+v", cal)
	}
	if paths := env.Paths(); len(paths) != 1 || paths[0] != "GET /calendar/v3/calendars/primary" {
		t.Fatalf("requests: %v", paths)
	}
	r := env.Must("calendar", "get", "primary")
	if !strings.Contains(r.Stdout, "timezone\tUTC") {
		t.Fatalf("plain: %s", r.Stdout)
	}
	r = env.Run("calendar", "get", "nobody@group.calendar.google.com")
	if r.Code != 5 || !strings.Contains(r.Stderr, "gog calendar calendars") {
		t.Fatalf("unknown calendar: exit %d, stderr %s", r.Code, r.Stderr)
	}
}

func TestColorsListsTheEventPaletteByIDAndName(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Must("calendar", "colors")
	lines := strings.Split(strings.TrimSpace(r.Stdout), "\n")
	if lines[0] != "FOR\tID\tNAME\tBACKGROUND\tFOREGROUND" || lines[1] != "event\t1\tlavender\t#a4bdfc\t#1d1d1d" ||
		lines[11] != "event\t11\ttomato\t#dc2127\t#1d1d1d" || len(lines) != 1+11+24 {
		t.Fatalf("colors:\n%s", r.Stdout)
	}
	var c calendar.Colors
	env.JSON(&c, "calendar", "colors")
	if c.Kind != "calendar#colors" || len(c.Event) != 11 {
		t.Fatalf("JSON is Google's colors resource: %+v", c)
	}
}

func TestACLListsWhoHasAccess(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var got struct {
		Rules []*calendar.AclRule `json:"rules"`
	}
	env.JSON(&got, "calendar", "acl")
	if len(got.Rules) != 1 || got.Rules[0].Role != "owner" || got.Rules[0].Scope.Value != cmdtest.Account {
		t.Fatalf("rules: %+v", got.Rules)
	}
	if paths := env.Paths(); len(paths) != 1 || paths[0] != "GET /calendar/v3/calendars/primary/acl" {
		t.Fatalf("requests: %v", paths)
	}
}

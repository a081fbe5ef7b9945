package calendar_test

import (
	"strings"
	"testing"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
)

func TestFreeBusyShowsBusyPeriodsAndWarnsAboutCalendarsGoogleCannotAnswerFor(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var resp calendar.FreeBusyResponse
	r := env.JSON(&resp, "calendar", "freebusy", "--calendars", "primary,nobody@example.com", "--from", "2026-03-03", "--to", "2026-03-03",
		"--timezone", "Europe/Berlin")
	if paths := env.Paths(); len(paths) != 1 || paths[0] != "POST /calendar/v3/freeBusy" {
		t.Fatalf("one freeBusy query (--timezone needs no lookup): %v", paths)
	}
	if resp.Kind != "calendar#freeBusy" || resp.TimeMin != "2026-03-02T23:00:00Z" || resp.TimeMax != "2026-03-03T23:00:00Z" {
		t.Fatalf("the whole of 3 March in Berlin: %+v", resp)
	}
	// The dentist (08:00–09:00 UTC) shows in Berlin time; the lunch (transparent) does not.
	busy := resp.Calendars["primary"].Busy
	if len(busy) == 0 || busy[0].Start != "2026-03-03T09:00:00+01:00" || busy[0].End != "2026-03-03T10:00:00+01:00" {
		t.Fatalf("busy: %+v", busy)
	}
	for _, b := range busy {
		if strings.Contains(b.Start, "T13:00:00+01:00") {
			t.Errorf("the transparent lunch counts as busy: %+v", b)
		}
	}
	if e := resp.Calendars["nobody@example.com"].Errors; len(e) != 1 || e[0].Reason != "notFound" {
		t.Fatalf("errors: %+v", resp.Calendars["nobody@example.com"])
	}
	if !strings.Contains(r.Stderr, "no free/busy for nobody@example.com: notFound") {
		t.Fatalf("want a warning on stderr, got %q", r.Stderr)
	}
	p := env.Must("calendar", "freebusy", "--from", "2026-03-03", "--to", "2026-03-03")
	if lines := strings.Split(p.Stdout, "\n"); lines[0] != "CALENDAR\tSTART\tEND" || lines[1] != "primary\t2026-03-03 08:00\t2026-03-03 09:00" {
		t.Fatalf("plain, in the primary calendar's zone (UTC):\n%s", p.Stdout)
	}
	r = env.Run("calendar", "freebusy", "--calendars", "nobody@example.com")
	if r.Code != 5 {
		t.Fatalf("no calendar answered: exit %d, stderr %s", r.Code, r.Stderr)
	}
}

func TestConflictsFindsWhereTwoCalendarsOverlap(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	team := teamCalendar(t, env)
	// Tuesday 10 March: the team sync is 11:00–11:30 Berlin (10:00–10:30 UTC); this overlaps its second half.
	created(t, env, "--summary", "Clash", "--from", "2026-03-10T10:15:00Z", "--to", "2026-03-10T11:00:00Z")
	var got struct {
		Conflicts []struct {
			Start, End string
			Calendars  []string
		} `json:"conflicts"`
	}
	env.JSON(&got, "calendar", "conflicts", "--calendars", "primary,"+team, "--from", "2026-03-10T00:00:00Z", "--to", "2026-03-11T00:00:00Z")
	if len(got.Conflicts) != 1 || got.Conflicts[0].Start != "2026-03-10T10:15:00Z" || got.Conflicts[0].End != "2026-03-10T10:30:00Z" ||
		strings.Join(got.Conflicts[0].Calendars, ",") != "primary,"+team {
		t.Fatalf("conflicts: %+v", got.Conflicts)
	}
	if paths := env.Paths(); len(paths) != 1 || paths[0] != "POST /calendar/v3/freeBusy" {
		t.Fatalf("overlaps are computed locally from one freeBusy query: %v", paths)
	}
	r := env.Run("calendar", "conflicts", "--calendars", "primary,"+team, "--from", "2026-03-11T00:00:00Z", "--to", "2026-03-11T06:00:00Z", "--fail-empty")
	if r.Code != 3 || strings.TrimSpace(r.Stdout) != "START\tEND\tCALENDARS" {
		t.Fatalf("no conflict with --fail-empty: exit %d, stdout %q", r.Code, r.Stdout)
	}
}

package calendar_test

import (
	"strings"
	"testing"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
)

func TestRespondAnswersTheInvitationChangingOnlyTheOwnEntry(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var found eventList
	env.JSON(&found, "calendar", "events", "-q", "architecture review")
	inv := found.Events[0] // Ada's invitation: ada organizer (accepted), you (needsAction), grace (needsAction)
	env.SB.ClearRequests()
	var got calendar.Event
	env.JSON(&got, "calendar", "respond", "primary", inv.Id, "--status", "tentative", "--comment", "if the build is green")
	if paths := env.Paths(); len(paths) != 2 || paths[0] != "GET /calendar/v3/calendars/primary/events/"+inv.Id ||
		paths[1] != "PATCH /calendar/v3/calendars/primary/events/"+inv.Id {
		t.Fatalf("requests: %v", paths)
	}
	before := map[string]*calendar.EventAttendee{}
	for _, a := range inv.Attendees {
		before[a.Email] = a
	}
	for _, a := range got.Attendees {
		switch {
		case a.Self:
			if a.ResponseStatus != "tentative" || a.Comment != "if the build is green" {
				t.Errorf("own entry: %+v", a)
			}
		case before[a.Email] == nil || before[a.Email].ResponseStatus != a.ResponseStatus:
			t.Errorf("someone else's answer changed: %+v (was %+v)", a, before[a.Email])
		}
	}
	if got.Organizer.Email != "ada@example.com" || got.Summary != inv.Summary {
		t.Fatalf("the event itself must not change: %+v", got)
	}
}

func TestRespondToAnEventWithoutYouAsGuestFailsClearlyAndSendsNoWrite(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	ev := created(t, env, "--summary", "Mine alone", "--from", "2026-03-04T10:00:00Z", "--attendees", "ada@example.com")
	r := env.Run("calendar", "respond", "primary", ev.Id, "--status", "declined")
	if r.Code != 1 || !strings.Contains(r.Stderr, cmdtest.Account+" is not on the guest list") || !strings.Contains(r.Stderr, "calendar update primary "+ev.Id) {
		t.Fatalf("exit %d, stderr %s", r.Code, r.Stderr)
	}
	if paths := env.Paths(); len(paths) != 1 || !strings.HasPrefix(paths[0], "GET ") {
		t.Fatalf("only the read may have been sent: %v", paths)
	}
}

func TestDecliningFreesTheSlotInFreeBusy(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	ev := created(t, env, "--summary", "Optional", "--from", "2026-03-11T07:00:00Z", "--attendees", cmdtest.Account+",ada@example.com")
	busyAt7 := func() bool {
		r := env.Must("calendar", "freebusy", "--from", "2026-03-11T06:00:00Z", "--to", "2026-03-11T08:00:00Z")
		return strings.Contains(r.Stdout, "primary\t2026-03-11 07:00\t2026-03-11 08:00")
	}
	if !busyAt7() {
		t.Fatal("an accepted-by-default event must be busy")
	}
	env.Must("calendar", "respond", "primary", ev.Id, "--status", "declined")
	if busyAt7() {
		t.Fatal("a declined event must not be busy")
	}
}

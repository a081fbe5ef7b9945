package calendar_test

import (
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
)

func TestDeleteWithoutForceOffATerminalRefusesAndSendsNothing(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	ev := created(t, env, "--summary", "Keep me", "--from", "2026-03-04T10:00:00Z")
	r := env.Run("calendar", "delete", "primary", ev.Id)
	if r.Code != 2 || !strings.Contains(r.Stderr, "--force") {
		t.Fatalf("exit %d, stderr %s", r.Code, r.Stderr)
	}
	if n := len(env.Requests()); n != 0 {
		t.Fatalf("a refused delete sent %d requests: %v", n, env.Paths())
	}
}

func TestDeleteWithForceDeletesAndASecondDeleteIsNotFound(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	ev := created(t, env, "--summary", "Gone soon", "--from", "2026-03-04T10:00:00Z")
	var out map[string]any
	env.JSON(&out, "calendar", "delete", "primary", ev.Id, "--force")
	if out["deleted"] != true || out["eventId"] != ev.Id || out["calendarId"] != "primary" {
		t.Fatalf("output: %v", out)
	}
	if paths := env.Paths(); len(paths) != 1 || paths[0] != "DELETE /calendar/v3/calendars/primary/events/"+ev.Id {
		t.Fatalf("requests: %v", paths)
	}
	var left eventList
	env.JSON(&left, "calendar", "events", "--from", "2026-03-04", "--to", "2026-03-04", "-q", "gone soon")
	if len(left.Events) != 0 {
		t.Fatalf("the deleted event is still listed: %+v", left.Events)
	}
	r := env.Run("calendar", "delete", "primary", ev.Id, "--force")
	if r.Code != 5 {
		t.Fatalf("second delete: exit %d, stderr %s", r.Code, r.Stderr)
	}
}

func TestDeleteOnATerminalAsksFirst(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	ev := created(t, env, "--summary", "Ask me", "--from", "2026-03-04T10:00:00Z")
	env.TTY = true
	env.Vars["NO_COLOR"] = "1"
	r := env.RunIn("n\n", "calendar", "delete", "primary", ev.Id)
	if r.Code == 0 || !strings.Contains(r.Stderr, "Delete event "+ev.Id+" from calendar primary? [y/N]") || len(env.Requests()) != 0 {
		t.Fatalf("answer n: exit %d, stderr %s, requests %v", r.Code, r.Stderr, env.Paths())
	}
	env.Must("calendar", "delete", "primary", ev.Id, "--no-input", "--force")
	if len(env.Requests()) != 1 {
		t.Fatalf("requests: %v", env.Paths())
	}
}

func TestDeleteDryRunNeedsNoForceAndSendsNothing(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	ev := created(t, env, "--summary", "Stay", "--from", "2026-03-04T10:00:00Z")
	r := env.Must("--dry-run", "calendar", "delete", "primary", ev.Id)
	if !strings.Contains(r.Stdout, `"method": "DELETE"`) || len(env.Requests()) != 0 {
		t.Fatalf("stdout %s, requests %v", r.Stdout, env.Paths())
	}
}

package calendar_test

import (
	"strings"
	"testing"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
)

func TestEventShowsOneEventInEveryMode(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	ev := created(t, env, "--summary", "Show me", "--from", "2026-03-04T10:00:00Z", "--location", "Room 3",
		"--attendees", "ada@example.com", "--with-meet", "--color", "tomato")
	var got calendar.Event
	env.JSON(&got, "calendar", "event", "primary", ev.Id)
	if got.Id != ev.Id || got.Etag != ev.Etag || got.HangoutLink != ev.HangoutLink {
		t.Fatalf("JSON is Google's event: %+v", got)
	}
	r := env.Must("calendar", "event", "primary", ev.Id)
	for _, want := range []string{"FIELD\tVALUE\n", "id\t" + ev.Id + "\n", "summary\tShow me\n", "start\t2026-03-04 10:00\n",
		"location\tRoom 3\n", "attendees\tada@example.com (needsAction)\n", "meet\t" + ev.HangoutLink + "\n", "color\t11 tomato\n"} {
		if !strings.Contains(r.Stdout, want) {
			t.Errorf("plain output lacks %q:\n%s", want, r.Stdout)
		}
	}
	r = env.Run("--jq", ".summary", "calendar", "event", "primary", ev.Id)
	if r.Code != 0 || strings.TrimSpace(r.Stdout) != "Show me" {
		t.Fatalf("--jq: exit %d, %q", r.Code, r.Stdout)
	}
	r = env.Run("--json", "calendar", "event", "primary", "nosuchevent")
	if r.Code != 5 || r.ErrorObject(t)["class"] != "not_found" {
		t.Fatalf("unknown event: exit %d, stderr %s", r.Code, r.Stderr)
	}
}

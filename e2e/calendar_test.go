package e2e

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCalendarEventLifecycleAgainstAServedSandbox is the script a user would write: sign in to a served sandbox
// with `gog auth add`, then create an event with a Meet link, change it, and delete it, each step a separate
// gog process reading the previous one's JSON.
func TestCalendarEventLifecycleAgainstAServedSandbox(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	s := serve(t, h)
	signInServed(t, h, s)
	gog := func(args ...string) result {
		t.Helper()
		return h.must(append([]string{"--endpoint", s.URL, "--json"}, args...)...)
	}

	var created struct {
		ID             string `json:"id"`
		HangoutLink    string `json:"hangoutLink"`
		ConferenceData struct {
			EntryPoints []struct {
				URI string `json:"uri"`
			} `json:"entryPoints"`
		} `json:"conferenceData"`
	}
	decodeCalendarOut(t, gog("calendar", "create", "--summary", "Launch review", "--from", "tomorrow 15:00", "--duration", "30m",
		"--attendees", "ada@example.com", "--with-meet"), &created)
	if created.ID == "" || !strings.HasPrefix(created.HangoutLink, "https://meet.google.com/") ||
		len(created.ConferenceData.EntryPoints) == 0 || created.ConferenceData.EntryPoints[0].URI != created.HangoutLink {
		t.Fatalf("create --with-meet: %+v", created)
	}

	var updated struct {
		Summary     string `json:"summary"`
		Location    string `json:"location"`
		HangoutLink string `json:"hangoutLink"`
		Start       struct {
			DateTime string `json:"dateTime"`
		} `json:"start"`
	}
	decodeCalendarOut(t, gog("calendar", "update", "primary", created.ID, "--summary", "Launch review (final)", "--location", "Room 4",
		"--from", "tomorrow 16:00"), &updated)
	if updated.Summary != "Launch review (final)" || updated.Location != "Room 4" || updated.HangoutLink != created.HangoutLink ||
		!strings.Contains(updated.Start.DateTime, "T16:00:00") {
		t.Fatalf("update: %+v", updated)
	}

	var deleted struct {
		Deleted bool   `json:"deleted"`
		EventID string `json:"eventId"`
	}
	decodeCalendarOut(t, gog("calendar", "delete", "primary", created.ID, "--force"), &deleted)
	if !deleted.Deleted || deleted.EventID != created.ID {
		t.Fatalf("delete: %+v", deleted)
	}
	if r := h.run("", "--endpoint", s.URL, "calendar", "delete", "primary", created.ID, "--force"); r.code != 5 {
		t.Fatalf("deleting it again: exit %d, stderr %s", r.code, r.stderr)
	}
}

func TestFreshHomeSandboxListsTheDemoCalendars(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	delete(h.env, "GOG_KEYRING_BACKEND")
	delete(h.env, "GOG_KEYRING_PASSWORD")
	r := h.must("--sandbox", "calendar", "calendars")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 || lines[0] != "ID\tSUMMARY\tROLE\tTIMEZONE\tPRIMARY" || !strings.HasPrefix(lines[1], "you@example.com\t") ||
		!strings.Contains(lines[2], "\tTeam\towner\tEurope/Berlin") {
		t.Fatalf("gog --sandbox calendar calendars:\n%s\nstderr: %s", r.stdout, r.stderr)
	}
}

func decodeCalendarOut(t *testing.T, r result, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(r.stdout), v); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, r.stdout)
	}
}

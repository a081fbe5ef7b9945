package calendar_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
)

func TestSearchLooksThirtyDaysBackAndNinetyAhead(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var got eventList
	env.JSON(&got, "calendar", "search", "coffee")
	if len(got.Events) != 1 || got.Events[0].Summary != "Coffee with Grace" {
		t.Fatalf("found: %+v", got.Events)
	}
	reqs := env.Requests()
	q, _ := url.ParseQuery(reqs[len(reqs)-1].Query)
	if q.Get("q") != "coffee" || q.Get("timeMin") != "2026-01-31T00:00:00Z" || q.Get("timeMax") != "2026-05-31T00:00:00Z" ||
		q.Get("singleEvents") != "true" {
		t.Fatalf("search query: %v", q)
	}
	var all eventList
	env.JSON(&all, "calendar", "search", "sync", "--all", "--to", "+7d")
	if len(all.Events) == 0 {
		t.Fatal("--all finds the team calendar's syncs")
	}
	for _, e := range all.Events {
		if !strings.Contains(strings.ToLower(e.Summary), "sync") {
			t.Errorf("unexpected match %q", e.Summary)
		}
	}
	r := env.Run("calendar", "search", "no-such-thing-anywhere", "--fail-empty")
	if r.Code != 3 {
		t.Fatalf("--fail-empty: exit %d", r.Code)
	}
}

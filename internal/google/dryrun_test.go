package google_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/google"
)

func TestDryRunPrintsWritesAndSendsOnlyReads(t *testing.T) {
	t.Parallel()
	next := &recorder{}
	var out bytes.Buffer
	d := &google.DryRun{Next: next, Out: &out}

	get, _ := http.NewRequest("GET", "https://www.googleapis.com/calendar/v3/calendars/primary/events", nil)
	if _, err := d.RoundTrip(get); err != nil || next.calls != 1 {
		t.Fatalf("a read must pass: err %v calls %d", err, next.calls)
	}
	post, _ := http.NewRequest("POST", "https://www.googleapis.com/calendar/v3/calendars/primary/events?conferenceDataVersion=1&access_token=s3cr3t",
		strings.NewReader(`{"summary":"Launch"}`))
	_, err := d.RoundTrip(post)
	if !errors.Is(err, google.ErrDryRun) || next.calls != 1 {
		t.Fatalf("a write must stop: err %v calls %d", err, next.calls)
	}
	var printed google.DryRunRequest
	if err := json.Unmarshal(out.Bytes(), &printed); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	var body bytes.Buffer
	_ = json.Compact(&body, printed.Body)
	if !printed.DryRun || printed.Method != "POST" || body.String() != `{"summary":"Launch"}` {
		t.Fatalf("printed %+v", printed)
	}
	if strings.Contains(out.String(), "s3cr3t") || !strings.Contains(printed.URL, "conferenceDataVersion=1") {
		t.Fatalf("URL must keep its parameters and lose its secrets: %s", printed.URL)
	}
	freebusy, _ := http.NewRequest("POST", "https://www.googleapis.com/calendar/v3/freeBusy", strings.NewReader(`{}`))
	if _, err := d.RoundTrip(freebusy); err != nil || next.calls != 2 {
		t.Fatalf("a read-only POST (freeBusy) must pass: err %v calls %d", err, next.calls)
	}
}

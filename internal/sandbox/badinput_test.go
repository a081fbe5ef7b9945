package sandbox_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestBadInputGetsGooglesAnswersAndLeavesTheStoreIntact(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	tok := sb.MintToken(sandboxtest.Account, scopeCalendar).AccessToken
	svc := calendarService(t, sb, tok)
	before, err := svc.Events.List("primary").ShowDeleted(true).Do()
	if err != nil {
		t.Fatal(err)
	}
	do := func(method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, sb.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(raw)
	}
	cases := []struct {
		method, path, body string
		code               int
		reason             string
	}{
		{"POST", "/calendar/v3/calendars/primary/events", `{"summary":`, 400, "parseError"},
		{"POST", "/calendar/v3/calendars/primary/events", `{"summary":"x"}`, 400, "required"},
		{"POST", "/calendar/v3/calendars/primary/events", `{"start":{"dateTime":"2026-03-03T10:00:00Z"},"end":{"dateTime":"2026-03-03T09:00:00Z"}}`, 400, "timeRangeEmpty"},
		{"POST", "/calendar/v3/calendars/primary/events", `{"start":{"date":"2026-03-03"},"end":{"date":"2026-03-04"},"recurrence":["RRULE:FREQ=HOURLY"]}`, 400, "invalid"},
		{"POST", "/calendar/v3/calendars/primary/events", `{"summary":"` + strings.Repeat("x", 2<<20) + `"}`, 413, "badRequest"},
		{"GET", "/calendar/v3/calendars/primary/events/doesnotexist", ``, 404, "notFound"},
		{"GET", "/calendar/v3/calendars/nobody%40example.com/events", ``, 404, "notFound"},
		{"PUT", "/calendar/v3/calendars/primary/events", `{}`, 405, "httpMethodNotAllowed"},
		{"GET", "/calendar/v3/calendars/primary/events?timeMin=yesterday", ``, 400, "badRequest"},
		{"GET", "/calendar/v3/calendars/primary/events?orderBy=startTime", ``, 400, "badRequest"},
		{"GET", "/calendar/v3/calendars/primary/events?pageToken=zzz", ``, 400, "invalid"},
		{"GET", "/calendar/v3/calendars/primary/events?syncToken=zzz", ``, 410, "fullSyncRequired"},
	}
	for _, c := range cases {
		code, body := do(c.method, c.path, c.body)
		if code != c.code || !strings.Contains(body, `"reason":"`+c.reason+`"`) {
			t.Errorf("%s %s %.40s: %d %.300s", c.method, c.path, c.body, code, body)
		}
	}
	after, err := svc.Events.List("primary").ShowDeleted(true).Do()
	if err != nil || len(after.Items) != len(before.Items) {
		t.Fatalf("store changed by bad input: %v, %d → %d events", err, len(before.Items), len(after.Items))
	}
}

func TestConcurrentWritesAndReadsAreSafe(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	svc := calendarService(t, sb, sb.MintToken(sandboxtest.Account, scopeCalendar).AccessToken)
	const workers, each = 8, 6
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*2)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				_, err := svc.Events.Insert("primary", &calendar.Event{Summary: fmt.Sprintf("load %d-%d", w, i),
					Start: &calendar.EventDateTime{DateTime: "2026-03-04T10:00:00Z"}, End: &calendar.EventDateTime{DateTime: "2026-03-04T10:30:00Z"}}).Do()
				errs <- err
				_, err = svc.Events.List("primary").Q("load").Do()
				errs <- err
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := svc.Events.List("primary").Q("load").MaxResults(2500).Do()
	if err != nil || len(got.Items) != workers*each {
		t.Fatalf("want %d events, got %d (%v)", workers*each, len(got.Items), err)
	}
	if n := len(sb.Requests()); n < workers*each*2 {
		t.Errorf("request log has %d entries", n)
	}
}

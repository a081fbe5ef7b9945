package transport_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/api/calendar/v3"
	"google.golang.org/api/googleapi"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/googleerr"
	"github.com/gogcli/gog/internal/sandbox"
)

const (
	listPath   = "/calendar/v3/users/me/calendarList"
	insertPath = "/calendar/v3/calendars/primary/events"
)

func listCalendars(ctx context.Context, h *harness) error {
	_, err := h.cal.CalendarList.List().Context(ctx).Do()
	return err
}

func insertEvent(ctx context.Context, h *harness) error {
	ev := &calendar.Event{Summary: "Lunch",
		Start: &calendar.EventDateTime{DateTime: "2026-03-02T12:00:00Z"}, End: &calendar.EventDateTime{DateTime: "2026-03-02T13:00:00Z"}}
	_, err := h.cal.Events.Insert("primary", ev).Context(ctx).Do()
	return err
}

// insertStreamed sends an insert whose body cannot be replayed (no length, no GetBody).
func insertStreamed(ctx context.Context, h *harness) error {
	req, _ := http.NewRequestWithContext(ctx, "POST", h.sb.URL+insertPath,
		unsizedBody{strings.NewReader(`{"summary":"Lunch","start":{"dateTime":"2026-03-02T12:00:00Z"},"end":{"dateTime":"2026-03-02T13:00:00Z"}}`)})
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Transport: h.rt}).Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return googleapi.CheckResponse(resp)
}

// TestFaultMatrixAgainstTheSandbox drives the generated Calendar client through gog's transport against the
// sandbox's faults and asserts the sandbox's request log: what reached "Google", in order.
func TestFaultMatrixAgainstTheSandbox(t *testing.T) {
	t.Parallel()
	get403, token200 := "GET "+listPath+" 403", "POST /token 200"
	cases := []struct {
		name       string
		creds      credKind
		faults     []sandbox.Fault
		call       func(context.Context, *harness) error
		cancelOnce bool // cancel the context at the first wait
		wantLog    []string
		wantClass  errs.Class // "" = the call succeeds
		wantSleeps []time.Duration
		wantForced int // ForceRefresh calls that reached /token
		check      func(t *testing.T, h *harness, e *errs.Error)
	}{
		{name: "scope 403 once: one refresh, one replay", creds: storedOAuth,
			faults:  []sandbox.Fault{faultOn("GET", listPath, "insufficient_scope", 1)},
			call:    listCalendars,
			wantLog: []string{get403, token200, "GET " + listPath + " 200"}, wantForced: 1},
		{name: "scope 403 once on a write: the insert is replayed and lands once", creds: storedOAuth,
			faults:  []sandbox.Fault{faultOn("POST", insertPath, "insufficient_scope", 1)},
			call:    insertEvent,
			wantLog: []string{"POST " + insertPath + " 403", token200, "POST " + insertPath + " 200"}, wantForced: 1},
		{name: "scope 403 with a direct token: no refresh", creds: directToken,
			faults: []sandbox.Fault{faultOn("GET", listPath, "insufficient_scope", 1)},
			call:   listCalendars, wantLog: []string{get403}, wantClass: errs.Scope},
		{name: "scope 403 with ADC: no refresh", creds: adcUser,
			faults: []sandbox.Fault{faultOn("GET", listPath, "insufficient_scope", 1)},
			call:   listCalendars, wantLog: []string{get403}, wantClass: errs.Scope},
		{name: "ordinary 403: no refresh, no replay", creds: storedOAuth,
			faults: []sandbox.Fault{faultOn("GET", listPath, "domain_policy", 0)},
			call:   listCalendars, wantLog: []string{get403}, wantClass: errs.Policy},
		{name: "scope 403 + refresh invalid_grant: original 403 intact", creds: storedOAuth,
			faults: []sandbox.Fault{faultOn("GET", listPath, "insufficient_scope", 0), faultOn("POST", "/token", "invalid_grant", 0)},
			call:   listCalendars, wantLog: []string{get403, "POST /token 400"}, wantClass: errs.Scope, wantForced: 1,
			check: originalIntact("invalid_grant")},
		{name: "scope 403 + refresh 500: original 403 intact", creds: storedOAuth,
			faults: []sandbox.Fault{faultOn("GET", listPath, "insufficient_scope", 0), {Method: "POST", PathPrefix: "/token", Status: 500}},
			call:   listCalendars, wantLog: []string{get403, "POST /token 500"}, wantClass: errs.Scope, wantForced: 1,
			check: originalIntact("http-500")},
		{name: "scope 403 + refresh hangs up: original 403 intact", creds: storedOAuth,
			faults: []sandbox.Fault{faultOn("GET", listPath, "insufficient_scope", 0), {Method: "POST", PathPrefix: "/token", Drop: true}},
			call:   listCalendars, wantLog: []string{get403, "POST /token 0"}, wantClass: errs.Scope, wantForced: 1,
			check: originalIntact("network")},
		{name: "scope 403 with a body that cannot be replayed: no refresh, no replay", creds: storedOAuth,
			faults: []sandbox.Fault{faultOn("POST", insertPath, "insufficient_scope", 1)},
			call:   insertStreamed, wantLog: []string{"POST " + insertPath + " 403"}, wantClass: errs.Scope},
		{name: "429 with Retry-After waits as asked", creds: storedOAuth,
			faults:  []sandbox.Fault{{Method: "GET", PathPrefix: listPath, Preset: "rate_limit", Headers: map[string]string{"Retry-After": "7"}, Times: 1}},
			call:    listCalendars,
			wantLog: []string{"GET " + listPath + " 429", "GET " + listPath + " 200"}, wantSleeps: []time.Duration{7 * time.Second}},
		{name: "429 without Retry-After backs off", creds: storedOAuth,
			faults:  []sandbox.Fault{faultOn("GET", listPath, "rate_limit", 1)},
			call:    listCalendars,
			wantLog: []string{"GET " + listPath + " 429", "GET " + listPath + " 200"}, wantSleeps: []time.Duration{time.Second}},
		{name: "403 rate limit backs off, twice", creds: storedOAuth,
			faults:     []sandbox.Fault{faultOn("GET", listPath, "user_rate_limit", 2)},
			call:       listCalendars,
			wantLog:    []string{get403, get403, "GET " + listPath + " 200"},
			wantSleeps: []time.Duration{time.Second, 1500 * time.Millisecond}},
		{name: "rate limit never lifts: five attempts, then exit 7", creds: storedOAuth,
			faults:  []sandbox.Fault{faultOn("GET", listPath, "rate_limit", 0)},
			call:    listCalendars,
			wantLog: slices.Repeat([]string{"GET " + listPath + " 429"}, 5), wantClass: errs.RateLimit,
			wantSleeps: []time.Duration{time.Second, 1500 * time.Millisecond, 2500 * time.Millisecond, 4500 * time.Millisecond}},
		{name: "quota 403 is not retried", creds: storedOAuth,
			faults: []sandbox.Fault{faultOn("GET", listPath, "daily_limit", 0)},
			call:   listCalendars, wantLog: []string{get403}, wantClass: errs.Quota},
		{name: "GET 503 is retried", creds: storedOAuth,
			faults:     []sandbox.Fault{faultOn("GET", listPath, "unavailable", 2)},
			call:       listCalendars,
			wantLog:    []string{"GET " + listPath + " 503", "GET " + listPath + " 503", "GET " + listPath + " 200"},
			wantSleeps: []time.Duration{time.Second, 1500 * time.Millisecond}},
		{name: "POST insert 503 is not retried", creds: storedOAuth,
			faults: []sandbox.Fault{faultOn("POST", insertPath, "unavailable", 0)},
			call:   insertEvent, wantLog: []string{"POST " + insertPath + " 503"}, wantClass: errs.Server,
			check: func(t *testing.T, _ *harness, e *errs.Error) {
				if !strings.Contains(e.Message, "may or may not have been applied") {
					t.Errorf("message %q", e.Message)
				}
			}},
		{name: "GET connection dropped is retried", creds: storedOAuth,
			faults:  []sandbox.Fault{{Method: "GET", PathPrefix: listPath, Drop: true, Times: 1}},
			call:    listCalendars,
			wantLog: []string{"GET " + listPath + " 0", "GET " + listPath + " 200"}, wantSleeps: []time.Duration{time.Second}},
		{name: "POST connection dropped is not repeated", creds: storedOAuth,
			faults: []sandbox.Fault{{Method: "POST", PathPrefix: insertPath, Drop: true, Times: 1}},
			call:   insertEvent, wantLog: []string{"POST " + insertPath + " 0"}, wantClass: errs.Network,
			check: func(t *testing.T, _ *harness, e *errs.Error) {
				if !strings.Contains(e.Message, "may or may not have been applied") || !strings.Contains(e.Hint, "gog calendar events") {
					t.Errorf("message %q hint %q", e.Message, e.Hint)
				}
			}},
		{name: "cancelled mid-backoff: no further request", creds: storedOAuth,
			faults: []sandbox.Fault{faultOn("GET", listPath, "unavailable", 0)},
			call:   listCalendars, cancelOnce: true,
			wantLog: []string{"GET " + listPath + " 503"}, wantClass: errs.Cancelled,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tc.creds)
			for _, f := range tc.faults {
				h.sb.AddFault(f)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.cancelOnce {
				h.clock.OnSleep = func(time.Duration) { cancel() }
			}
			err := tc.call(ctx, h)
			if got := h.log(); !slices.Equal(got, tc.wantLog) {
				t.Fatalf("request log\n  %q\nwant\n  %q", got, tc.wantLog)
			}
			e := googleerr.FromError(err, googleerr.HintContext{Account: "you@example.com", Service: "calendar"})
			switch {
			case tc.wantClass == "" && err != nil:
				t.Fatalf("call failed: %v", err)
			case tc.wantClass != "" && (e == nil || e.Class != tc.wantClass):
				t.Fatalf("error %v classified %+v, want class %q", err, e, tc.wantClass)
			case e != nil && e.Hint == "":
				t.Fatalf("error without a hint: %+v", e)
			}
			if got := h.clock.Sleeps(); len(got)+len(tc.wantSleeps) > 0 && !slices.Equal(got, tc.wantSleeps) {
				t.Fatalf("waits %v, want %v", got, tc.wantSleeps)
			}
			if h.rec != nil {
				if forced, _ := h.rec.counts(); forced != tc.wantForced {
					t.Fatalf("%d forced refreshes reached /token, want %d", forced, tc.wantForced)
				}
			}
			if tc.check != nil {
				tc.check(t, h, e)
			}
		})
	}
}

// originalIntact checks that the caller got the 403 exactly as the sandbox sent it, with the refresh failure noted.
func originalIntact(refreshErr string) func(*testing.T, *harness, *errs.Error) {
	return func(t *testing.T, h *harness, e *errs.Error) {
		t.Helper()
		var ge *googleapi.Error
		if !errors.As(e, &ge) {
			t.Fatalf("cause %v is not the API's 403", e.Err)
		}
		sent := h.net.first()
		if ge.Code != 403 || ge.Body != string(sent.body) {
			t.Fatalf("caller got %d %q, the sandbox sent %d %q", ge.Code, ge.Body, sent.status, sent.body)
		}
		for k, v := range sent.header {
			if got := ge.Header.Values(k); !slices.Equal(got, v) {
				t.Fatalf("header %s: caller got %q, the sandbox sent %q", k, got, v)
			}
		}
		if f := googleerr.FactsFrom(ge.Header); f.ScopeRefresh != googleerr.ScopeRefreshFailed || f.RefreshError != refreshErr {
			t.Fatalf("facts %+v, want a failed refresh (%s)", f, refreshErr)
		}
		if !strings.Contains(e.Hint, "gog auth add you@example.com --services calendar --force-consent") {
			t.Fatalf("hint %q", e.Hint)
		}
	}
}

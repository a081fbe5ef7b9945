package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/errs"
)

func TestDebugTracePrintsOneRedactedLinePerAttempt(t *testing.T) {
	t.Parallel()
	creds := &refreshingCreds{current: "ya29.old-secret", next: []string{"ya29.new-secret"}}
	r := newRig(t, script(
		reply{status: 403, body: scope403},
		reply{status: 429, header: http.Header{"Retry-After": {"3"}}, body: rate429},
		reply{status: 200, body: ok200},
	), creds)
	resp, _, err := r.do(t, context.Background(), "GET", listURL+"?access_token=ya29.in-url&pageToken=p2", nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("got %v %v", resp, err)
	}
	out := r.debug.String()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines, got:\n%s", out)
	}
	for i, want := range []string{
		"attempt 1: GET https://www.googleapis.com/calendar/v3/users/me/calendarList?access_token=[REDACTED]&pageToken=p2 → 403 Forbidden",
		"attempt 2: GET", "attempt 3: GET",
	} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("line %d %q lacks %q", i+1, lines[i], want)
		}
	}
	for i, want := range []string{"replaying once with a freshly minted access token", "waiting 3s: rate limited (429 rateLimitExceeded), as the server asked", "→ 200 OK"} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("line %d %q lacks %q", i+1, lines[i], want)
		}
	}
	if !strings.Contains(lines[2], "in 12 B") {
		t.Errorf("line 3 %q lacks the bytes received", lines[2])
	}
	for _, secret := range []string{"ya29.", "old-secret", "new-secret", "in-url"} {
		if strings.Contains(out, secret) {
			t.Fatalf("trace leaks %q:\n%s", secret, out)
		}
	}
}

func TestDebugTraceOfAFailedRoundTripSaysWhatComesNext(t *testing.T) {
	t.Parallel()
	r := newRig(t, script(reply{err: &url.Error{Op: "Get", URL: listURL, Err: syscall.ECONNRESET}}, reply{status: 200, body: ok200}), staticCreds{"tok"})
	if _, _, err := r.do(t, context.Background(), "GET", listURL, nil); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(r.debug.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "→ error") || !strings.Contains(lines[0], "waiting 1s: network error") {
		t.Fatalf("lines:\n%s", r.debug.String())
	}
}

func TestStandaloneTraceCountsBytesBothWays(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	rt := NewTrace(script(reply{status: 200, body: `{"access_token":"ya29.abc","expires_in":3599}`}), &buf, clock.NewFake(epoch))
	form := "grant_type=refresh_token&refresh_token=1//0secret-refresh&client_secret=GOCSPX-shh"
	req, _ := http.NewRequest("POST", "https://oauth2.googleapis.com/token", unsizedBody{strings.NewReader(form)})
	resp, err := rt.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = bytes.NewBuffer(nil).ReadFrom(resp.Body)
	_ = resp.Body.Close()
	_ = resp.Body.Close() // a second Close prints nothing more
	out := buf.String()
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, "POST https://oauth2.googleapis.com/token → 200 OK") ||
		!strings.Contains(out, fmt.Sprintf("out %d B, in 45 B", len(form))) || strings.Contains(out, "attempt") {
		t.Fatalf("trace %q", out)
	}
	if NewTrace(http.DefaultTransport, nil, nil) != http.DefaultTransport {
		t.Fatal("a nil writer must not wrap")
	}
}

func TestReadOnlyRefusesWritesBeforeTheyLeave(t *testing.T) {
	t.Parallel()
	net := script(reply{status: 200, body: ok200})
	client := &http.Client{Transport: New(Options{Base: net, ReadOnly: true, Clock: clock.NewFake(epoch)})}
	for _, m := range []string{"POST", "PUT", "PATCH", "DELETE"} {
		req, _ := http.NewRequest(m, insertURL, strings.NewReader("{}"))
		_, err := client.Do(req)
		e, ok := errs.As(err)
		if !ok || e.Class != errs.Permission || !strings.Contains(e.Message, "--readonly") || !strings.Contains(e.Hint, "--readonly") {
			t.Fatalf("%s: %v", m, err)
		}
	}
	if n := len(net.requests()); n != 0 {
		t.Fatalf("%d requests left the machine", n)
	}
	for _, u := range []string{listURL, "https://www.googleapis.com/calendar/v3/freeBusy",
		"https://sheets.googleapis.com/v4/spreadsheets/abc:getByDataFilter"} {
		method := "GET"
		if u != listURL {
			method = "POST"
		}
		req, _ := http.NewRequest(method, u, strings.NewReader("{}"))
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, u, err)
		}
		_ = resp.Body.Close()
	}
	if n := len(net.requests()); n != 3 {
		t.Fatalf("%d requests, want the 3 read-only ones", n)
	}
}

func TestSafePOSTTemplatesMatchOnlyTheirPaths(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{
		"/calendar/v3/freeBusy":                                 true,
		"/calendar/v3/freeBusy/x":                               false,
		"/calendar/v3/calendars/primary/events":                 false,
		"/v4/spreadsheets/abc:getByDataFilter":                  true,
		"/v4/spreadsheets/:getByDataFilter":                     false,
		"/v4/spreadsheets/abc/values:batchGetByDataFilter":      true,
		"/v4/spreadsheets/abc/values:batchUpdateByDataFilter":   false,
		"/v4/spreadsheets/abc/values/A1:append":                 false,
		"/v4/spreadsheets/abc/values:batchGetByDataFilter/more": false,
	}
	for path, want := range cases {
		if got := ReadOnly("POST", path); got != want {
			t.Errorf("ReadOnly(POST %s) = %v, want %v", path, got, want)
		}
	}
	if !ReadOnly("GET", "/anything") || ReadOnly("DELETE", "/calendar/v3/freeBusy") {
		t.Error("GET is read-only; DELETE never is")
	}
	req, _ := http.NewRequestWithContext(WithIdempotent(context.Background()), "POST", insertURL, nil)
	if !Idempotent(req) {
		t.Error("a context marked idempotent makes a POST safe to repeat")
	}
	req, _ = http.NewRequest("POST", insertURL, nil)
	if Idempotent(req) {
		t.Error("a plain insert is not safe to repeat")
	}
}

func TestRedactRemovesEverySecretItKnows(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"https://x/token?access_token=abc&pageToken=keep":                     "https://x/token?access_token=[REDACTED]&pageToken=keep",
		"code=4/0AX4XfWabc&code_verifier=v3rifier&state=keep":                 "code=[REDACTED]&code_verifier=[REDACTED]&state=keep",
		"grant_type=refresh_token&refresh_token=1//0abc&client_secret=s3cret": "grant_type=refresh_token&refresh_token=[REDACTED]&client_secret=[REDACTED]",
		`{"access_token": "ya29.x", "expires_in": 3599, "refresh_token":"r"}`: `{"access_token": "[REDACTED]", "expires_in": 3599, "refresh_token":"[REDACTED]"}`,
		"Authorization: Bearer ya29.abc":                                      "Authorization: [REDACTED]",
		"sent Bearer abc.def to Google":                                       "sent Bearer [REDACTED] to Google",
		"token ya29.A0ARrdaM-x_y and 1//0gLongRefresh-tok":                    "token [REDACTED] and [REDACTED]",
		"client GOCSPX-abcDEF_123 leaked":                                     "client [REDACTED] leaked",
		"error_code=invalid_grant syncToken=keep":                             "error_code=invalid_grant syncToken=keep",
		`{"password":"hunter2","user":"ada"}`:                                 `{"password":"[REDACTED]","user":"ada"}`,
	}
	for in, want := range cases {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q)\n = %q\nwant %q", in, got, want)
		}
		if got := Redact(Redact(in)); got != want {
			t.Errorf("Redact is not idempotent on %q: %q", in, got)
		}
	}
}

func TestRoundTripErrorsNeverCarryTheToken(t *testing.T) {
	t.Parallel()
	r := newRig(t, script(reply{err: errors.New("boom with Bearer ya29.leak")}), staticCreds{"ya29.leak"})
	_, _, _ = r.do(t, context.Background(), "POST", insertURL, strings.NewReader("{}"))
	if strings.Contains(r.debug.String(), "ya29.leak") {
		t.Fatalf("trace leaks the token:\n%s", r.debug.String())
	}
}

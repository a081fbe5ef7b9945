package sandbox_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/oauth2"
	"google.golang.org/api/calendar/v3"
	"google.golang.org/api/option"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestFaultStatusBodyAndHeadersAreSentVerbatim(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	svc := calendarService(t, sb, sb.MintToken(sandboxtest.Account, scopeCalendar).AccessToken)
	body := `{"error":{"errors":[{"domain":"usageLimits","reason":"rateLimitExceeded","message":"Rate Limit Exceeded"}],"code":429,"message":"Rate Limit Exceeded"}}`
	sb.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/colors", Status: 429, Body: []byte(body), Headers: map[string]string{"Retry-After": "7"}})
	_, err := svc.Colors.Get().Do()
	ge := apiError(t, err)
	if ge.Code != 429 || ge.Body != body || ge.Header.Get("Retry-After") != "7" || ge.Errors[0].Reason != "rateLimitExceeded" {
		t.Errorf("fault answer = %d %q %v", ge.Code, ge.Body, ge.Header)
	}
	// Other paths are untouched, and the fault (times 0) stays until cleared.
	if _, err := svc.CalendarList.List().Do(); err != nil {
		t.Errorf("unmatched path failed: %v", err)
	}
	if _, err := svc.Colors.Get().Do(); apiError(t, err).Code != 429 {
		t.Error("times=0 fault stopped firing")
	}
	sb.ClearFaults()
	if _, err := svc.Colors.Get().Do(); err != nil {
		t.Errorf("after ClearFaults: %v", err)
	}

	sb.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/colors", Status: 502, Body: []byte(`"<html>Bad Gateway</html>"`)})
	resp, err := http.Get(sb.URL + "/calendar/v3/colors")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 502 || string(raw) != "<html>Bad Gateway</html>" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Errorf("string body: %d %q %q", resp.StatusCode, raw, resp.Header.Get("Content-Type"))
	}
}

func TestFaultMethodAfterAndTimesSelectWhichRequestsFail(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	svc := calendarService(t, sb, sb.MintToken(sandboxtest.Account, scopeCalendar).AccessToken)
	sb.AddFault(sandbox.Fault{Method: "POST", PathPrefix: "/calendar/v3/", Status: 500})
	if _, err := svc.CalendarList.List().Do(); err != nil {
		t.Fatalf("GET hit a POST-only fault: %v", err)
	}
	sb.ClearFaults()
	sb.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/users/me/calendarList", Preset: "backend_error", After: 2, Times: 1})
	var codes []int
	for i := 0; i < 4; i++ {
		_, err := svc.CalendarList.List().Do()
		code := 200
		if err != nil {
			code = apiError(t, err).Code
		}
		codes = append(codes, code)
	}
	if want := []int{200, 200, 500, 200}; !equalInts(codes, want) {
		t.Errorf("after=2 times=1 gave %v, want %v", codes, want)
	}
	var logged []int
	for _, e := range sb.Requests() {
		if e.Method == "GET" && e.Path == "/calendar/v3/users/me/calendarList" {
			logged = append(logged, e.Status)
		}
	}
	if !equalInts(logged[len(logged)-4:], codes) {
		t.Errorf("request log statuses %v, want %v", logged, codes)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDelayFaultWaitsThroughTheClockThenServes(t *testing.T) {
	t.Parallel()
	fake := clock.NewFake(sandboxtest.StartTime())
	sb := sandboxtest.NewWith(t, sandboxtest.Options{Clock: fake})
	svc := calendarService(t, sb, sb.MintToken(sandboxtest.Account, scopeCalendar).AccessToken)
	sb.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/", DelayMS: 250, Times: 1})
	sb.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/", Status: 503, Times: 1})
	_, err := svc.CalendarList.List().Do()
	if apiError(t, err).Code != 503 {
		t.Fatalf("delay then status: %v", err)
	}
	if s := fake.Sleeps(); len(s) != 1 || s[0] != 250*time.Millisecond {
		t.Errorf("sleeps = %v, want one of 250ms", s)
	}
	if _, err := svc.CalendarList.List().Do(); err != nil {
		t.Errorf("both faults spent, but: %v", err)
	}
}

// inProcessCalendar is a Calendar client over Server.Transport (no socket) with a fixed token.
func inProcessCalendar(t *testing.T, s *sandbox.Server, token string) *calendar.Service {
	t.Helper()
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: token}), Base: s.Transport()}}
	svc, err := calendar.NewService(context.Background(), option.WithEndpoint(sandbox.InProcessBaseURL+"/calendar/v3/"), option.WithHTTPClient(hc))
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

func TestDropHangsUpInProcessAndOverHTTP(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	tok := sb.MintToken(sandboxtest.Account, scopeCalendar).AccessToken
	sb.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/", Drop: true, Times: 2})

	_, err := inProcessCalendar(t, sb.Server, tok).CalendarList.List().Do()
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("in-process drop: %v, want io.ErrUnexpectedEOF", err)
	}
	// net/http silently retries an idempotent request once when a *reused* keep-alive connection dies before
	// the answer; a fresh connection shows the hang-up as it is.
	fresh := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok}),
		Base: &http.Transport{DisableKeepAlives: true}}}
	svc, err := calendar.NewService(context.Background(), option.WithEndpoint(sb.URL+"/calendar/v3/"), option.WithHTTPClient(fresh))
	if err != nil {
		t.Fatal(err)
	}
	if _, err = svc.CalendarList.List().Do(); !errors.Is(err, syscall.ECONNRESET) && !errors.Is(err, io.EOF) {
		t.Errorf("HTTP drop: %v, want a connection reset", err)
	}
	if _, err := calendarService(t, sb, tok).CalendarList.List().Do(); err != nil {
		t.Errorf("after the drops: %v", err)
	}
	reqs := sb.Requests()
	if len(reqs) != 3 || reqs[0].Status != 0 || reqs[1].Status != 0 || reqs[2].Status != 200 {
		t.Errorf("request log = %+v", reqs)
	}
}

func TestCancelledContextEndsAWaitingRequest(t *testing.T) {
	t.Parallel()
	fake := clock.NewFake(sandboxtest.StartTime())
	ctx, cancel := context.WithCancel(context.Background())
	fake.OnSleep = func(time.Duration) { cancel() }
	sb := sandboxtest.NewWith(t, sandboxtest.Options{Clock: fake})
	tok := sb.MintToken(sandboxtest.Account, scopeCalendar).AccessToken
	sb.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/", DelayMS: 60000})
	_, err := inProcessCalendar(t, sb.Server, tok).CalendarList.List().Context(ctx).Do()
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestLatencyDelaysGooglePathsOnly(t *testing.T) {
	t.Parallel()
	fake := clock.NewFake(sandboxtest.StartTime())
	sb := sandboxtest.NewWith(t, sandboxtest.Options{Clock: fake, Latency: 100 * time.Millisecond})
	tok := sb.MintToken(sandboxtest.Account, scopeCalendar).AccessToken // control API: no latency
	if n := len(fake.Sleeps()); n != 0 {
		t.Fatalf("control API was delayed (%d sleeps)", n)
	}
	if _, err := calendarService(t, sb, tok).CalendarList.List().Do(); err != nil {
		t.Fatal(err)
	}
	if s := fake.Sleeps(); len(s) != 1 || s[0] != 100*time.Millisecond {
		t.Errorf("sleeps = %v, want one of 100ms", s)
	}
}

func TestTokenEndpointFaultsUseTheOAuthShape(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	tok := sb.MintToken(sandboxtest.Account, scopeCalendar)
	sb.AddFault(sandbox.Fault{Method: "POST", PathPrefix: "/token", Preset: "invalid_grant", Times: 1})
	conf := sb.OAuthConfig(redirect)
	_, err := conf.TokenSource(context.Background(), &oauth2.Token{RefreshToken: tok.RefreshToken}).Token()
	if re := retrieveError(t, err); re.ErrorCode != "invalid_grant" {
		t.Errorf("faulted refresh: %v", err)
	}
	if _, err := conf.TokenSource(context.Background(), &oauth2.Token{RefreshToken: tok.RefreshToken}).Token(); err != nil {
		t.Errorf("second refresh: %v", err)
	}
	reqs := sb.Requests()
	if len(reqs) != 2 || reqs[0].Path != "/token" || reqs[0].Status != 400 || reqs[1].Status != 200 {
		t.Errorf("request log = %+v", reqs)
	}
}

func TestInvalidFaultsAreRefused(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	for _, body := range []string{`{}`, `{"status":42}`, `{"preset":"nope"}`, `{"drop":true,"status":500}`,
		`{"status":500,"times":-1}`, `{"status":500,"bogus":1}`, `{"headers":{"A":"b"}}`} {
		resp, err := http.Post(sb.URL+"/_sandbox/faults", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", body, resp.StatusCode)
		}
	}
}

package transport

import (
	"context"
	"errors"
	"net"
	"net/http"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/oauth2"
	"google.golang.org/api/googleapi"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/googleerr"
)

func TestRateLimitWaitsAsTheServerAsks(t *testing.T) {
	t.Parallel()
	gmail := `{"error":{"code":429,"message":"User-rate limit exceeded.  Retry after 2026-03-01T12:00:12Z","errors":[{"reason":"rateLimitExceeded"}]}}`
	cases := []struct {
		name  string
		first reply
		want  []time.Duration
	}{
		{"Retry-After seconds", reply{status: 429, header: http.Header{"Retry-After": {"7"}}, body: rate429}, []time.Duration{7 * time.Second}},
		{"Retry-After date", reply{status: 429, header: http.Header{"Retry-After": {epoch.Add(20 * time.Second).Format(http.TimeFormat)}}, body: rate429}, []time.Duration{20 * time.Second}},
		{"time in Gmail's message", reply{status: 429, body: gmail}, []time.Duration{12 * time.Second}},
		{"no Retry-After: backoff", reply{status: 429, body: rate429}, []time.Duration{time.Second}},
		{"403 rate limit", reply{status: 403, body: rate403}, []time.Duration{time.Second}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := newRig(t, script(tc.first, reply{status: 200, body: ok200}), staticCreds{"tok"})
			resp, body, err := r.do(t, context.Background(), "GET", listURL, nil)
			if err != nil || resp.StatusCode != 200 || body != ok200 {
				t.Fatalf("got %v %q %v", resp, body, err)
			}
			if got := r.clock.Sleeps(); !slices.Equal(got, tc.want) {
				t.Fatalf("sleeps %v, want %v", got, tc.want)
			}
			if n := len(r.net.requests()); n != 2 {
				t.Fatalf("%d requests, want 2", n)
			}
		})
	}
}

func TestRateLimitedWritesAreRetriedBecauseGoogleDidNotActOnThem(t *testing.T) {
	t.Parallel()
	r := newRig(t, script(reply{status: 429, body: rate429}, reply{status: 200, body: ok200}), staticCreds{"tok"})
	resp, _, err := r.do(t, context.Background(), "POST", insertURL, strings.NewReader(`{"summary":"x"}`))
	if err != nil || resp.StatusCode != 200 || len(r.net.requests()) != 2 {
		t.Fatalf("got %v %v after %d requests", resp, err, len(r.net.requests()))
	}
}

func TestRateLimitGivesUpAfterFiveAttemptsWithJitteredBackoff(t *testing.T) {
	t.Parallel()
	r := newRig(t, script(reply{status: 429, body: rate429}), staticCreds{"tok"})
	resp, body, _ := r.do(t, context.Background(), "GET", listURL, nil)
	if resp.StatusCode != 429 || body != rate429 {
		t.Fatalf("status %d body %q", resp.StatusCode, body)
	}
	// rand = 0.5: retry n waits Base + 0.5·(min(Cap, Base·2^n) − Base).
	want := []time.Duration{time.Second, 1500 * time.Millisecond, 2500 * time.Millisecond, 4500 * time.Millisecond}
	if got := r.clock.Sleeps(); !slices.Equal(got, want) || len(r.net.requests()) != 5 {
		t.Fatalf("sleeps %v after %d requests; want %v after 5", got, len(r.net.requests()), want)
	}
	if f := googleerr.FactsFrom(resp.Header); f.Attempts != 5 || f.GaveUp != googleerr.GaveUpAttempts {
		t.Fatalf("facts %+v", f)
	}
}

func TestAServerAskingForMoreThanAMinuteFailsAtOnce(t *testing.T) {
	t.Parallel()
	r := newRig(t, script(reply{status: 429, header: http.Header{"Retry-After": {"300"}}, body: rate429}, reply{status: 200}), staticCreds{"tok"})
	resp, body, _ := r.do(t, context.Background(), "GET", listURL, nil)
	if resp.StatusCode != 429 || len(r.net.requests()) != 1 || len(r.clock.Sleeps()) != 0 {
		t.Fatalf("status %d, %d requests, sleeps %v", resp.StatusCode, len(r.net.requests()), r.clock.Sleeps())
	}
	f := googleerr.FactsFrom(resp.Header)
	if f.GaveUp != googleerr.GaveUpWait || !f.RetryAt.Equal(epoch.Add(5*time.Minute)) {
		t.Fatalf("facts %+v", f)
	}
	e := googleerr.FromError(googleapi.CheckResponseWithBody(resp, []byte(body)), googleerr.HintContext{})
	if e.Class != errs.RateLimit || !strings.Contains(e.Hint, "2026-03-01T12:05:00Z") {
		t.Fatalf("error %+v", e)
	}
}

func TestRetriesStopAtTheTimeBudget(t *testing.T) {
	t.Parallel()
	r := newRig(t, script(reply{status: 429, header: http.Header{"Retry-After": {"50"}}, body: rate429}), staticCreds{"tok"})
	resp, _, _ := r.do(t, context.Background(), "GET", listURL, nil)
	// 50 s + 50 s fit in 2 minutes; a third 50 s would end at 150 s.
	if got := r.clock.Sleeps(); len(got) != 2 || len(r.net.requests()) != 3 {
		t.Fatalf("sleeps %v after %d requests", got, len(r.net.requests()))
	}
	if f := googleerr.FactsFrom(resp.Header); f.GaveUp != googleerr.GaveUpBudget || f.Attempts != 3 {
		t.Fatalf("facts %+v", f)
	}
}

func TestQuotaErrorsAreNotRetried(t *testing.T) {
	t.Parallel()
	r := newRig(t, script(reply{status: 403, body: quota403}, reply{status: 200}), staticCreds{"tok"})
	resp, _, _ := r.do(t, context.Background(), "GET", listURL, nil)
	if resp.StatusCode != 403 || len(r.net.requests()) != 1 || len(r.clock.Sleeps()) != 0 {
		t.Fatalf("status %d after %d requests", resp.StatusCode, len(r.net.requests()))
	}
}

func TestServerErrorsAreRetriedOnlyWhenARepeatCannotDuplicateAWrite(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		method   string
		url      string
		ctx      func(context.Context) context.Context
		attempts int
		facts    googleerr.Facts
	}{
		{"GET", "GET", listURL, nil, 3, googleerr.Facts{GaveUp: googleerr.GaveUpAttempts}},
		{"DELETE", "DELETE", insertURL + "/e1", nil, 3, googleerr.Facts{GaveUp: googleerr.GaveUpAttempts}},
		{"PUT", "PUT", insertURL + "/e1", nil, 3, googleerr.Facts{GaveUp: googleerr.GaveUpAttempts}},
		{"POST insert", "POST", insertURL, nil, 1, googleerr.Facts{NotRepeated: googleerr.NotRepeatedWrite}},
		{"PATCH", "PATCH", insertURL + "/e1", nil, 1, googleerr.Facts{NotRepeated: googleerr.NotRepeatedWrite}},
		{"POST freeBusy", "POST", "https://www.googleapis.com/calendar/v3/freeBusy", nil, 3, googleerr.Facts{GaveUp: googleerr.GaveUpAttempts}},
		{"POST marked idempotent", "POST", insertURL, WithIdempotent, 3, googleerr.Facts{GaveUp: googleerr.GaveUpAttempts}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := newRig(t, script(reply{status: 503, body: err503}), staticCreds{"tok"})
			ctx := context.Background()
			if tc.ctx != nil {
				ctx = tc.ctx(ctx)
			}
			var body *strings.Reader
			if tc.method != "GET" && tc.method != "DELETE" {
				body = strings.NewReader(`{}`)
			}
			var resp *http.Response
			if body != nil {
				resp, _, _ = r.do(t, ctx, tc.method, tc.url, body)
			} else {
				resp, _, _ = r.do(t, ctx, tc.method, tc.url, nil)
			}
			if resp.StatusCode != 503 || len(r.net.requests()) != tc.attempts {
				t.Fatalf("status %d after %d requests, want 503 after %d", resp.StatusCode, len(r.net.requests()), tc.attempts)
			}
			f := googleerr.FactsFrom(resp.Header)
			if f.GaveUp != tc.facts.GaveUp || f.NotRepeated != tc.facts.NotRepeated || f.Attempts != tc.attempts || f.Method != tc.method {
				t.Fatalf("facts %+v", f)
			}
		})
	}
}

func TestAServerErrorThenSuccessReturnsTheSuccess(t *testing.T) {
	t.Parallel()
	r := newRig(t, script(reply{status: 503, body: err503}, reply{status: 502}, reply{status: 200, body: ok200}), staticCreds{"tok"})
	resp, body, err := r.do(t, context.Background(), "GET", listURL, nil)
	if err != nil || resp.StatusCode != 200 || body != ok200 || len(r.clock.Sleeps()) != 2 {
		t.Fatalf("got %v %q %v, sleeps %v", resp, body, err, r.clock.Sleeps())
	}
}

func TestNetworkFailures(t *testing.T) {
	t.Parallel()
	reset := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	cases := []struct {
		name     string
		method   string
		err      error
		attempts int
		notRep   string
	}{
		{"GET reset is retried", "GET", reset, 3, ""},
		{"POST reset is not repeated", "POST", reset, 1, googleerr.NotRepeatedWrite},
		{"POST refused at dial is retried: nothing was sent", "POST", refused, 3, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := newRig(t, script(reply{err: tc.err}), staticCreds{"tok"})
			var body *strings.Reader
			if tc.method == "POST" {
				body = strings.NewReader("{}")
			}
			req, _ := http.NewRequest(tc.method, insertURL, nil)
			if body != nil {
				req, _ = http.NewRequest(tc.method, insertURL, body)
			}
			_, err := r.rt.RoundTrip(req)
			var te *googleerr.TransportError
			if !errors.As(err, &te) || !errors.Is(err, tc.err.(*net.OpError).Err) {
				t.Fatalf("error %v (%T)", err, err)
			}
			if len(r.net.requests()) != tc.attempts || te.Facts.Attempts != tc.attempts || te.Facts.NotRepeated != tc.notRep {
				t.Fatalf("%d requests, facts %+v", len(r.net.requests()), te.Facts)
			}
			if e := googleerr.FromError(err, googleerr.HintContext{}); e.Class != errs.Network {
				t.Fatalf("class %q", e.Class)
			}
		})
	}
}

func TestCancellationMidBackoffStopsAtOnce(t *testing.T) {
	t.Parallel()
	r := newRig(t, script(reply{status: 503, body: err503}), staticCreds{"tok"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r.clock.OnSleep = func(time.Duration) { cancel() }
	_, _, err := r.do(t, ctx, "GET", listURL, nil)
	if !errors.Is(err, context.Canceled) || len(r.net.requests()) != 1 {
		t.Fatalf("err %v after %d requests", err, len(r.net.requests()))
	}
	if e := googleerr.FromError(err, googleerr.HintContext{}); e.Class != errs.Cancelled {
		t.Fatalf("class %q", e.Class)
	}
}

func TestCredentialFailureSendsNothing(t *testing.T) {
	t.Parallel()
	boom := errors.New("token store locked")
	r := newRig(t, script(reply{status: 200}), failingCreds{boom})
	_, _, err := r.do(t, context.Background(), "POST", insertURL, strings.NewReader("{}"))
	if !errors.Is(err, boom) || len(r.net.requests()) != 0 {
		t.Fatalf("err %v after %d requests", err, len(r.net.requests()))
	}
}

func TestTheCallersRequestIsNotModified(t *testing.T) {
	t.Parallel()
	r := newRig(t, script(reply{status: 200, body: ok200}), staticCreds{"tok"})
	req, _ := http.NewRequest("GET", listURL, nil)
	if _, err := r.rt.RoundTrip(req); err != nil {
		t.Fatal(err)
	}
	if req.Header.Get("Authorization") != "" || r.net.requests()[0].auth != "Bearer tok" {
		t.Fatal("the token must go on a clone")
	}
}

func TestBackoffIsTruncatedExponentialWithFullJitter(t *testing.T) {
	t.Parallel()
	p := DefaultPolicy()
	for n, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 32 * time.Second, 32 * time.Second} {
		if got := p.Backoff(n, 0.999999999); got < want-time.Millisecond || got > want {
			t.Errorf("Backoff(%d, ~1) = %v, want ~%v", n, got, want)
		}
		if got := p.Backoff(n, 0); got != time.Second {
			t.Errorf("Backoff(%d, 0) = %v, want the 1 s floor", n, got)
		}
	}
	if got := p.Backoff(1000, 0.5); got > p.Cap {
		t.Errorf("Backoff(1000) = %v beyond the cap", got)
	}
	if got := (Policy{MaxAttempts: 2}).withDefaults(); got.Budget != 2*time.Minute || got.MaxAttempts != 2 {
		t.Errorf("withDefaults = %+v", got)
	}
}

type failingCreds struct{ err error }

func (f failingCreds) Token(context.Context) (*oauth2.Token, error) { return nil, f.err }

package transport_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/api/option"
	"google.golang.org/api/people/v1"
	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/sandbox"
)

// TestConcurrentScope403sMakeOneRefreshAgainstTheSandbox: 32 calls in one process get a scope 403 at the same
// time; the sandbox sees one /token refresh and 32 successful replays.
func TestConcurrentScope403sMakeOneRefreshAgainstTheSandbox(t *testing.T) {
	t.Parallel()
	const n = 32
	// The barrier holds each of the first n answers until all n have arrived, so every call has its 403 before
	// any recovery starts and the fault (n firings) is spent on first attempts only.
	b := &barrier{n: n, all: make(chan struct{})}
	h := newHarnessWith(t, storedOAuth, []string{calendarScope}, func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(req *http.Request) (*http.Response, error) {
			resp, err := next.RoundTrip(req)
			if req.URL.Path == listPath {
				b.arrive(req.Context())
			}
			return resp, err
		})
	})
	h.sb.AddFault(faultOn("GET", listPath, "insufficient_scope", n))

	// A deadline, not a sleep: if fewer than n calls ever arrive, the barrier gives up instead of hanging the run.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	failures := make(chan error, n)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := listCalendars(ctx, h); err != nil {
				failures <- err
			}
		}()
	}
	wg.Wait()
	close(failures)
	for err := range failures {
		t.Fatalf("a call failed: %v", err)
	}
	want := slices.Concat(slices.Repeat([]string{"GET " + listPath + " 403"}, n), []string{"POST /token 200"},
		slices.Repeat([]string{"GET " + listPath + " 200"}, n))
	if got := h.log(); !slices.Equal(got, want) {
		t.Fatalf("request log\n  %q\nwant\n  %q", got, want)
	}
	if forced, refreshed := h.rec.counts(); forced != 1 || refreshed != 1 {
		t.Fatalf("%d refreshes (%d succeeded), want exactly 1", forced, refreshed)
	}
}

type barrier struct {
	mu      sync.Mutex
	n, seen int
	all     chan struct{}
}

// arrive blocks the first n callers until all n have arrived; later callers pass straight through.
func (b *barrier) arrive(ctx context.Context) {
	b.mu.Lock()
	b.seen++
	seen := b.seen
	if seen == b.n {
		close(b.all)
	}
	b.mu.Unlock()
	if seen > b.n {
		return
	}
	select {
	case <-b.all:
	case <-ctx.Done():
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestScopeRecoveryCoversEveryService: the recovery lives in the transport, so the same injected scope 403 on
// each service's list call, through that service's generated client, is recovered with one refresh and one
// replay.
func TestScopeRecoveryCoversEveryService(t *testing.T) {
	t.Parallel()
	cases := []struct {
		service, scope, path string
		call                 func(ctx context.Context, h *harness) error
	}{
		{"calendar", calendarScope, listPath, listCalendars},
		{"contacts", "https://www.googleapis.com/auth/contacts.readonly", "/v1/people/me/connections",
			func(ctx context.Context, h *harness) error {
				svc, err := people.NewService(ctx, option.WithEndpoint(h.sb.URL+"/"), option.WithHTTPClient(&http.Client{Transport: h.rt}))
				if err != nil {
					return err
				}
				_, err = svc.People.Connections.List("people/me").PersonFields("names").Context(ctx).Do()
				return err
			}},
		{"youtube", "https://www.googleapis.com/auth/youtube.readonly", "/youtube/v3/videos",
			func(ctx context.Context, h *harness) error {
				svc, err := youtube.NewService(ctx, option.WithEndpoint(h.sb.URL+"/"), option.WithHTTPClient(&http.Client{Transport: h.rt}))
				if err != nil {
					return err
				}
				_, err = svc.Videos.List([]string{"snippet"}).Chart("mostPopular").Context(ctx).Do()
				return err
			}},
	}
	for _, tc := range cases {
		t.Run(tc.service, func(t *testing.T) {
			t.Parallel()
			h := newHarnessWith(t, storedOAuth, []string{tc.scope}, nil)
			h.sb.AddFault(sandbox.Fault{Method: "GET", PathPrefix: tc.path, Preset: "insufficient_scope", Times: 1})
			err := tc.call(context.Background(), h)
			log := h.log()
			if len(log) != 3 || log[0] != "GET "+tc.path+" 403" || log[1] != "POST /token 200" || !strings.HasPrefix(log[2], "GET "+tc.path+" ") {
				t.Fatalf("request log %q: want the 403, one refresh, one replay", log)
			}
			if forced, _ := h.rec.counts(); forced != 1 {
				t.Fatalf("%d refreshes, want 1", forced)
			}
			if !strings.HasSuffix(log[2], " 200") || err != nil {
				t.Fatalf("the replay must succeed with the fresh token: %s, %v", log[2], err)
			}
		})
	}
}

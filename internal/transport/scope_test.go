package transport

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/googleerr"
)

func TestScope403IsRecoveredWithOneRefreshAndOneReplay(t *testing.T) {
	t.Parallel()
	creds := &refreshingCreds{current: "old", next: []string{"new"}}
	r := newRig(t, script(reply{status: 403, body: scope403}, reply{status: 200, body: ok200}), creds)
	resp, body, err := r.do(t, context.Background(), "GET", listURL, nil)
	if err != nil || resp.StatusCode != 200 || body != ok200 {
		t.Fatalf("got %v %q %v", resp, body, err)
	}
	seen := r.net.requests()
	if len(seen) != 2 || seen[0].auth != "Bearer old" || seen[1].auth != "Bearer new" {
		t.Fatalf("requests %+v", seen)
	}
	if creds.count() != 1 || len(creds.rejected) != 1 || creds.rejected[0] != "old" {
		t.Fatalf("refreshes %d, rejected %q", creds.count(), creds.rejected)
	}
	if resp.Header.Get(googleerr.FactsHeader) != "" {
		t.Fatal("a success carries no facts")
	}
	if len(r.clock.Sleeps()) != 0 {
		t.Fatalf("a scope replay does not wait: %v", r.clock.Sleeps())
	}
}

func TestScope403AfterTheReplayIsTheAnswer(t *testing.T) {
	t.Parallel()
	creds := &refreshingCreds{current: "old", next: []string{"new", "newer"}}
	r := newRig(t, script(reply{status: 403, body: scope403}), creds)
	resp, body, err := r.do(t, context.Background(), "GET", listURL, nil)
	if err != nil || resp.StatusCode != 403 || body != scope403 {
		t.Fatalf("got %v %q %v", resp, body, err)
	}
	if n := len(r.net.requests()); n != 2 || creds.count() != 1 {
		t.Fatalf("%d requests, %d refreshes; want 2 and 1", n, creds.count())
	}
	if f := googleerr.FactsFrom(resp.Header); f.ScopeRefresh != googleerr.ScopeReplayed || f.Attempts != 2 {
		t.Fatalf("facts %+v", f)
	}
}

func TestFailedForcedRefreshHandsBackTheOriginal403Intact(t *testing.T) {
	t.Parallel()
	// A body past the 1 MiB the transport reads to decide: the caller must still get every byte.
	big := scope403[:len(scope403)-1] + `,"pad":"` + strings.Repeat("x", 2<<20) + `"}`
	hdr := http.Header{"Www-Authenticate": {`Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="https://www.googleapis.com/auth/calendar"`},
		"X-Custom": {"kept"}}
	for _, refreshErr := range []error{
		&oauth2.RetrieveError{Response: &http.Response{StatusCode: 400}, ErrorCode: "invalid_grant"},
		&oauth2.RetrieveError{Response: &http.Response{StatusCode: 500}},
		errors.New("dial tcp: connection refused"),
	} {
		creds := &refreshingCreds{current: "old", next: []string{"new"}, fail: refreshErr}
		r := newRig(t, script(reply{status: 403, header: hdr, body: big}), creds)
		resp, body, err := r.do(t, context.Background(), "GET", listURL, nil)
		if err != nil || resp.StatusCode != 403 {
			t.Fatalf("%v: got %v %v", refreshErr, resp, err)
		}
		if body != big {
			t.Fatalf("%v: body of %d bytes, want the original %d", refreshErr, len(body), len(big))
		}
		for k, v := range hdr {
			if resp.Header.Get(k) != v[0] {
				t.Fatalf("%v: header %s = %q, want %q", refreshErr, k, resp.Header.Get(k), v[0])
			}
		}
		if n := len(r.net.requests()); n != 1 || len(creds.rejected) != 1 {
			t.Fatalf("%v: %d requests, %d refresh attempts; want 1 and 1", refreshErr, n, len(creds.rejected))
		}
		if f := googleerr.FactsFrom(resp.Header); f.ScopeRefresh != googleerr.ScopeRefreshFailed || f.RefreshError == "" {
			t.Fatalf("facts %+v", f)
		}
		if strings.Contains(resp.Header.Get(googleerr.FactsHeader), "old") {
			t.Fatal("facts must not carry the token")
		}
	}
}

func TestScope403WithCredentialsThatCannotRefreshIsNotRetried(t *testing.T) {
	t.Parallel()
	for _, creds := range []Credentials{staticCreds{token: "direct"}, nil} {
		r := newRig(t, script(reply{status: 403, body: scope403}, reply{status: 200, body: ok200}), creds)
		resp, _, err := r.do(t, context.Background(), "GET", listURL, nil)
		if err != nil || resp.StatusCode != 403 || len(r.net.requests()) != 1 {
			t.Fatalf("creds %T: got %v %v after %d requests", creds, resp, err, len(r.net.requests()))
		}
		if f := googleerr.FactsFrom(resp.Header); f.ScopeRefresh != googleerr.ScopeNotRecovered {
			t.Fatalf("facts %+v", f)
		}
	}
}

func TestOrdinary403IsNeitherRefreshedNorReplayed(t *testing.T) {
	t.Parallel()
	creds := &refreshingCreds{current: "old", next: []string{"new"}}
	r := newRig(t, script(reply{status: 403, body: plain403}, reply{status: 200, body: ok200}), creds)
	resp, body, _ := r.do(t, context.Background(), "GET", listURL, nil)
	if resp.StatusCode != 403 || body != plain403 || len(r.net.requests()) != 1 || len(creds.rejected) != 0 {
		t.Fatalf("status %d, %d requests, %d refreshes", resp.StatusCode, len(r.net.requests()), len(creds.rejected))
	}
}

// unsizedBody hides its length and has no GetBody: a streamed upload, which cannot be sent twice.
type unsizedBody struct{ io.Reader }

func TestScope403WithABodyThatCannotBeReplayedIsNotReplayed(t *testing.T) {
	t.Parallel()
	creds := &refreshingCreds{current: "old", next: []string{"new"}}
	r := newRig(t, script(reply{status: 403, body: scope403}, reply{status: 200, body: ok200}), creds)
	req, _ := http.NewRequest("POST", insertURL, unsizedBody{strings.NewReader(`{"summary":"x"}`)})
	resp, err := r.rt.RoundTrip(req)
	if err != nil || resp.StatusCode != 403 {
		t.Fatalf("got %v %v", resp, err)
	}
	if n := len(r.net.requests()); n != 1 || len(creds.rejected) != 0 {
		t.Fatalf("%d requests, %d refreshes; want 1 and 0", n, len(creds.rejected))
	}
}

func TestABodyOfKnownLengthIsBufferedAndReplayedByteForByte(t *testing.T) {
	t.Parallel()
	creds := &refreshingCreds{current: "old", next: []string{"new"}}
	r := newRig(t, script(reply{status: 403, body: scope403}, reply{status: 200, body: ok200}), creds)
	payload := `{"summary":"Lunch","start":{"dateTime":"2026-03-02T12:00:00Z"}}`
	req, _ := http.NewRequest("POST", insertURL, unsizedBody{strings.NewReader(payload)})
	req.ContentLength = int64(len(payload)) // known length, but no GetBody: the transport must buffer it
	resp, err := r.rt.RoundTrip(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("got %v %v", resp, err)
	}
	seen := r.net.requests()
	if len(seen) != 2 || seen[0].body != payload || seen[1].body != payload {
		t.Fatalf("bodies %+v", seen)
	}
	// And a body with GetBody (what the generated clients send) is rewound the same way.
	creds = &refreshingCreds{current: "old", next: []string{"new"}}
	r = newRig(t, script(reply{status: 403, body: scope403}, reply{status: 200, body: ok200}), creds)
	if resp, _, _ := r.do(t, context.Background(), "POST", insertURL, bytes.NewBufferString(payload)); resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if seen := r.net.requests(); len(seen) != 2 || seen[1].body != payload {
		t.Fatalf("bodies %+v", seen)
	}
}

func TestConcurrentScope403sShareOneRefresh(t *testing.T) {
	t.Parallel()
	const n = 32
	creds := &refreshingCreds{current: "old", next: []string{"new"}}
	// The server rejects the old token and accepts the new one, however the 32 calls interleave.
	var base roundTripFunc = func(req *http.Request) (*http.Response, error) {
		if req.Header.Get("Authorization") == "Bearer old" {
			return &http.Response{StatusCode: 403, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(scope403))}, nil
		}
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(ok200))}, nil
	}
	rt := New(Options{Base: base, Credentials: creds})
	var wg sync.WaitGroup
	failures := make(chan error, n)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest("GET", listURL, nil)
			resp, err := rt.RoundTrip(req)
			if err != nil {
				failures <- err
				return
			}
			_ = resp.Body.Close()
			if resp.StatusCode != 200 {
				failures <- errors.New(resp.Status)
			}
		}()
	}
	wg.Wait()
	close(failures)
	for err := range failures {
		t.Fatal(err)
	}
	if creds.count() != 1 {
		t.Fatalf("%d refreshes, want 1", creds.count())
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

package google_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/google"
)

type recorder struct{ calls int }

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.calls++
	return &http.Response{StatusCode: 200, Body: http.NoBody, Request: req}, nil
}

func TestPreflightRefusesACallTheGrantCannotAuthorize(t *testing.T) {
	t.Parallel()
	next := &recorder{}
	p := &google.Preflight{Next: next, Account: "ada@example.com", Command: "gog",
		Granted: []string{"openid", "https://www.googleapis.com/auth/contacts"}}
	req, _ := http.NewRequest("GET", "https://www.googleapis.com/calendar/v3/calendars/primary/events", nil)
	_, err := p.RoundTrip(req)
	e, ok := errs.As(err)
	if !ok || e.Class != errs.Scope || !e.GrantLacksScope {
		t.Fatalf("want a scope error the grant lacks, got %v", err)
	}
	if want := "gog auth add ada@example.com --services calendar --force-consent"; !strings.Contains(e.Hint, want) {
		t.Fatalf("hint %q lacks %q", e.Hint, want)
	}
	if next.calls != 0 {
		t.Fatal("the call left the machine")
	}
}

func TestPreflightPassesCoveredUnknownAndUngrantedCalls(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		granted []string
		url     string
	}{
		{"covered by a read-only scope", []string{"https://www.googleapis.com/auth/calendar.readonly"}, "https://www.googleapis.com/calendar/v3/calendars/primary/events"},
		{"grant unknown (direct token)", nil, "https://www.googleapis.com/calendar/v3/calendars/primary/events"},
		{"not a Google method", []string{"openid"}, "https://example.com/whatever"},
	}
	for _, c := range cases {
		next := &recorder{}
		p := &google.Preflight{Next: next, Granted: c.granted}
		req, _ := http.NewRequest("GET", c.url, nil)
		if _, err := p.RoundTrip(req); err != nil || next.calls != 1 {
			t.Errorf("%s: err %v, calls %d", c.name, err, next.calls)
		}
	}
}

func TestCommandWithoutTheScopeFailsAtOnceWithExit4AndTheSignInCommand(t *testing.T) {
	t.Parallel()
	env := cmdtest.NewSignedOut(t)
	env.Must("auth", "add", cmdtest.Account, "--services", "contacts", "--no-input")
	env.SB.ClearRequests()
	r := env.Run("--json", "calendar", "events", "--timezone", "UTC")
	if r.Code != 4 {
		t.Fatalf("exit %d, want 4; %s", r.Code, r.Stderr)
	}
	obj := r.ErrorObject(t)
	want := "auth add " + cmdtest.Account + " --services calendar --force-consent"
	if obj["class"] != "insufficient_scope" || !strings.Contains(obj["hint"].(string), want) {
		t.Fatalf("error object %v lacks %q", obj, want)
	}
	if paths := env.Paths(); len(paths) != 0 {
		t.Fatalf("preflight must refuse before any request, got %v", paths)
	}
}

package auth

import (
	"context"
	"net/http"
	"testing"

	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
	"github.com/gogcli/gog/internal/transport"
)

func TestScope403IsRecoveredThroughTheTransportWithOneRefresh(t *testing.T) {
	t.Parallel()
	w := newSandboxWorld(t)
	m := w.signIn("calendar")
	client := &http.Client{Transport: transport.New(transport.Options{Base: http.DefaultTransport,
		Credentials: m.User(sandboxtest.Account), Clock: w.sb.Clock})}
	w.sb.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/", Preset: "insufficient_scope", Times: 1})
	w.sb.ClearRequests()
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, w.sb.URL+"/calendar/v3/users/me/calendarList", nil)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", resp.StatusCode)
	}
	var seq []string
	for _, r := range w.sb.Requests() {
		seq = append(seq, r.Method+" "+r.Path+" "+http.StatusText(r.Status))
	}
	want := []string{"GET /calendar/v3/users/me/calendarList Forbidden", "POST /token OK", "GET /calendar/v3/users/me/calendarList OK"}
	if len(seq) != len(want) {
		t.Fatalf("requests = %q, want %q", seq, want)
	}
	for i := range want {
		if seq[i] != want[i] {
			t.Fatalf("requests = %q, want %q", seq, want)
		}
	}
	// The recovered token is cached for the next process.
	rec, _ := w.manager().Record(context.Background(), sandboxtest.Account)
	if rec.Generation != 2 {
		t.Fatalf("generation = %d, want 2 (sign-in, then one refresh)", rec.Generation)
	}
}

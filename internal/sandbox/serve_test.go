package sandbox_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestServePrintsOneBaseURLLineAndExitsCleanlyOnCancel(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- sandbox.Serve(ctx, "127.0.0.1:0", sandbox.Options{StateDir: dir, Clock: clock.NewFake(sandboxtest.StartTime()), NoSync: true}, pw)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	if !lines.Scan() {
		t.Fatal("no line from Serve")
	}
	var ready struct {
		BaseURL string `json:"base_url"`
	}
	first := lines.Text()
	if err := json.Unmarshal([]byte(first), &ready); err != nil || !strings.HasPrefix(ready.BaseURL, "http://127.0.0.1:") {
		t.Fatalf("ready line = %q", first)
	}
	resp, err := http.Post(ready.BaseURL+"/_sandbox/accounts", "application/json", strings.NewReader(`{"email":"ada@example.com","seed":true}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 201 {
		t.Fatalf("create account: %d", resp.StatusCode)
	}
	resp, err = http.Post(ready.BaseURL+"/_sandbox/clients", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	var client struct {
		Installed map[string]any `json:"installed"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&client)
	resp.Body.Close()
	if client.Installed["token_uri"] != ready.BaseURL+"/token" {
		t.Errorf("client JSON token_uri = %v", client.Installed["token_uri"])
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve returned %v", err)
		}
	case <-time.After(30 * time.Second): // a safety net only: Serve returns at once in practice
		t.Fatal("Serve did not return after cancel")
	}
	if lines.Scan() {
		t.Errorf("extra output: %q", lines.Text())
	}
	// The state was saved: reopening finds the account it created, next to the demo account a fresh state gets.
	s, err := sandbox.Open(context.Background(), sandbox.Options{StateDir: dir, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	accts, _ := s.Accounts(context.Background())
	if len(accts) != 2 || accts[0].Email != "ada@example.com" || accts[1].Email != sandbox.DefaultAccount {
		t.Errorf("accounts after serve = %+v", accts)
	}
}

func TestServeRefusesNonLoopbackAddresses(t *testing.T) {
	t.Parallel()
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:8080"} {
		err := sandbox.Serve(context.Background(), addr, sandbox.Options{StateDir: t.TempDir()}, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("%s: err = %v", addr, err)
		}
	}
}

// The path `gog --sandbox calendar events` takes: open the state, provision the demo account, call the API
// in-process through Transport().
func TestInProcessSandboxServesTheDemoCalendarOnAFreshState(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, err := sandbox.Open(ctx, sandbox.Options{StateDir: t.TempDir(), Clock: clock.NewFake(sandboxtest.StartTime()), NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.EnsureAccount(ctx, sandbox.DefaultAccount, true); err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureAccount(ctx, sandbox.DefaultAccount, true); err != nil {
		t.Fatalf("EnsureAccount is not idempotent: %v", err)
	}
	tok, err := s.MintTokens(ctx, sandbox.TokenRequest{Email: sandbox.DefaultAccount, Scopes: []string{scopeCalendarRO}})
	if err != nil {
		t.Fatal(err)
	}
	now := s.Now()
	from := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	events, err := inProcessCalendar(t, s, tok.AccessToken).Events.List("primary").SingleEvents(true).OrderBy("startTime").
		TimeMin(from.Format(time.RFC3339)).TimeMax(from.AddDate(0, 0, 7).Format(time.RFC3339)).Do()
	if err != nil {
		t.Fatal(err)
	}
	if len(events.Items) == 0 {
		t.Fatal("no demo events in-process")
	}
	if reqs := s.Requests(); len(reqs) != 1 || reqs[0].Status != 200 {
		t.Errorf("request log = %+v", reqs)
	}
}

package sandbox_test

import (
	"context"
	"testing"
	"time"

	"golang.org/x/oauth2"
	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestStateSurvivesARestart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fake := clock.NewFake(sandboxtest.StartTime())
	first := sandboxtest.NewWith(t, sandboxtest.Options{StateDir: dir, Clock: fake})
	first.CreateAccount("ada@example.com", false)
	tok := first.MintToken(sandboxtest.Account, scopeCalendar)
	ev, err := calendarService(t, first, tok.AccessToken).Events.Insert("primary", &calendar.Event{Summary: "Survivor",
		Start: &calendar.EventDateTime{DateTime: "2026-03-03T10:00:00Z"}, End: &calendar.EventDateTime{DateTime: "2026-03-03T11:00:00Z"}}).Do()
	if err != nil {
		t.Fatal(err)
	}
	first.AddFault(sandbox.Fault{PathPrefix: "/calendar/v3/colors", Status: 500})
	first.AdvanceClock(30 * time.Minute)
	client := first.Client
	first.Close()

	second := sandboxtest.NewWith(t, sandboxtest.Options{StateDir: dir, Clock: fake, NoAccount: true})
	if got := second.Server.Now(); !got.Equal(sandboxtest.StartTime().Add(30 * time.Minute)) {
		t.Errorf("clock offset lost: now %v", got)
	}
	accts, err := second.Server.Accounts(context.Background())
	if err != nil || len(accts) != 2 {
		t.Fatalf("accounts after restart: %v %+v", err, accts)
	}
	// The old access token, client and refresh token still work.
	svc := calendarService(t, second, tok.AccessToken)
	got, err := svc.Events.Get("primary", ev.Id).Do()
	if err != nil || got.Summary != "Survivor" || got.Etag != ev.Etag {
		t.Fatalf("event after restart: %v %+v", err, got)
	}
	conf := second.OAuthConfig(redirect)
	conf.ClientID, conf.ClientSecret = client.ID, client.Secret
	if _, err := conf.TokenSource(context.Background(), &oauth2.Token{RefreshToken: tok.RefreshToken}).Token(); err != nil {
		t.Errorf("refresh after restart: %v", err)
	}
	if _, err := svc.Colors.Get().Do(); apiError(t, err).Code != 500 {
		t.Error("fault lost in restart")
	}
}

func TestClockAdvanceExpiresTokens(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.NewWith(t, sandboxtest.Options{TokenTTL: 10 * time.Minute})
	tok := sb.MintToken(sandboxtest.Account, scopeCalendarRO)
	if tok.ExpiresIn != 599 {
		t.Errorf("expires_in = %d, want 599", tok.ExpiresIn)
	}
	svc := calendarService(t, sb, tok.AccessToken)
	if _, err := svc.CalendarList.List().Do(); err != nil {
		t.Fatal(err)
	}
	sb.AdvanceClock(9 * time.Minute)
	if _, err := svc.CalendarList.List().Do(); err != nil {
		t.Fatalf("token died early: %v", err)
	}
	now := sb.AdvanceClock(time.Minute)
	if !now.Equal(sandboxtest.StartTime().Add(10 * time.Minute)) {
		t.Errorf("clock says %v", now)
	}
	_, err := svc.CalendarList.List().Do()
	if ge := apiError(t, err); ge.Code != 401 || ge.Errors[0].Reason != "authError" {
		t.Errorf("expired token: %+v", ge)
	}
}

func TestSecondOpenOfTheSameStateWaitsForTheFirst(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	first, err := sandbox.Open(context.Background(), sandbox.Options{StateDir: dir, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	fake := clock.NewFake(sandboxtest.StartTime())
	fake.OnSleep = func(time.Duration) { _ = first.Close() }
	second, err := sandbox.Open(context.Background(), sandbox.Options{StateDir: dir, Clock: fake, NoSync: true})
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer second.Close()
	if len(fake.Sleeps()) == 0 {
		t.Error("second Open did not wait for the lock")
	}
}

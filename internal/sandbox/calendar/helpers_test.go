package calendar_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"google.golang.org/api/calendar/v3"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

const (
	scopeCalendar   = "https://www.googleapis.com/auth/calendar"
	scopeCalendarRO = "https://www.googleapis.com/auth/calendar.readonly"
)

// newService starts a sandbox and returns a Calendar client for the demo account with full calendar scope.
func newService(t *testing.T) (*sandboxtest.Sandbox, *calendar.Service) {
	t.Helper()
	sb := sandboxtest.New(t)
	return sb, serviceFor(t, sb, scopeCalendar)
}

func serviceFor(t *testing.T, sb *sandboxtest.Sandbox, scopes ...string) *calendar.Service {
	t.Helper()
	tok := sb.MintToken(sandboxtest.Account, scopes...)
	svc, err := calendar.NewService(context.Background(), option.WithEndpoint(sb.URL+"/calendar/v3/"),
		option.WithHTTPClient(sb.BearerClient(tok.AccessToken)))
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

func code(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return 200
	}
	var ge *googleapi.Error
	if !errors.As(err, &ge) {
		t.Fatalf("not a googleapi.Error: %v", err)
	}
	return ge.Code
}

// window is [local midnight of the sandbox's day + days, +span days) in RFC 3339, like the CLI's default.
func window(sb *sandboxtest.Sandbox, days, span int) (string, string) {
	now := sb.Server.Now()
	from := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	return from.Format(time.RFC3339), from.AddDate(0, 0, span).Format(time.RFC3339)
}

func timed(start string, minutes int) (*calendar.EventDateTime, *calendar.EventDateTime) {
	s, _ := time.Parse(time.RFC3339, start)
	return &calendar.EventDateTime{DateTime: s.Format(time.RFC3339)},
		&calendar.EventDateTime{DateTime: s.Add(time.Duration(minutes) * time.Minute).Format(time.RFC3339)}
}

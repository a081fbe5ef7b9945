package sandbox_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"google.golang.org/api/calendar/v3"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"

	"github.com/gogcli/gog/internal/sandbox"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

const (
	scopeCalendar   = "https://www.googleapis.com/auth/calendar"
	scopeCalendarRO = "https://www.googleapis.com/auth/calendar.readonly"
	scopeDrive      = "https://www.googleapis.com/auth/drive"
)

func calendarService(t *testing.T, sb *sandboxtest.Sandbox, token string) *calendar.Service {
	t.Helper()
	svc, err := calendar.NewService(context.Background(), option.WithEndpoint(sb.URL+"/calendar/v3/"),
		option.WithHTTPClient(sb.BearerClient(token)))
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

func apiError(t *testing.T, err error) *googleapi.Error {
	t.Helper()
	var ge *googleapi.Error
	if !errors.As(err, &ge) {
		t.Fatalf("want *googleapi.Error, got %T %v", err, err)
	}
	return ge
}

func TestGeneratedClientListsDemoCalendarsAndEvents(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	tok := sb.MintToken(sandboxtest.Account, scopeCalendarRO)
	svc := calendarService(t, sb, tok.AccessToken)
	ctx := context.Background()

	list, err := svc.CalendarList.List().Context(ctx).Do()
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Items) < 2 || !list.Items[0].Primary || list.Items[0].Id != sandboxtest.Account {
		t.Fatalf("calendarList = %+v", list.Items)
	}
	now := sb.Server.Now()
	from := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	events, err := svc.Events.List("primary").TimeMin(from.Format(time.RFC3339)).
		TimeMax(from.AddDate(0, 0, 7).Format(time.RFC3339)).SingleEvents(true).OrderBy("startTime").Context(ctx).Do()
	if err != nil {
		t.Fatal(err)
	}
	if len(events.Items) < 10 {
		t.Fatalf("default window shows %d events, want plenty", len(events.Items))
	}
	seen := map[string]bool{}
	for _, e := range events.Items {
		seen[e.Summary] = true
		if e.Summary == "Daily standup" && (e.RecurringEventId == "" || e.OriginalStartTime == nil || !strings.Contains(e.Id, "_")) {
			t.Errorf("instance lacks Google's instance fields: %+v", e)
		}
	}
	for _, want := range []string{"Daily standup", "Lunch", "Dentist appointment", "Project kickoff"} {
		if !seen[want] {
			t.Errorf("demo event %q missing from the default window; got %v", want, seen)
		}
	}
}

func TestScopeEnforcementAnswersGoogles403(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	tok := sb.MintToken(sandboxtest.Account, scopeDrive)
	_, err := calendarService(t, sb, tok.AccessToken).CalendarList.List().Do()
	ge := apiError(t, err)
	if ge.Code != 403 || len(ge.Errors) != 1 || ge.Errors[0].Reason != "insufficientPermissions" ||
		ge.Errors[0].Message != "Insufficient Permission" || ge.Message != "Request had insufficient authentication scopes." {
		t.Fatalf("403 = %+v", ge)
	}
	var env struct {
		Error struct {
			Status  string `json:"status"`
			Details []struct {
				Type     string            `json:"@type"`
				Reason   string            `json:"reason"`
				Domain   string            `json:"domain"`
				Metadata map[string]string `json:"metadata"`
			} `json:"details"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(ge.Body), &env); err != nil {
		t.Fatal(err)
	}
	d := env.Error.Details
	if env.Error.Status != "PERMISSION_DENIED" || len(d) != 1 || d[0].Reason != "ACCESS_TOKEN_SCOPE_INSUFFICIENT" ||
		d[0].Metadata["service"] != "calendar-json.googleapis.com" || d[0].Metadata["method"] != "calendar.v3.CalendarList.List" {
		t.Fatalf("envelope = %s", ge.Body)
	}
	www := ge.Header.Get("WWW-Authenticate")
	if !strings.Contains(www, `error="insufficient_scope"`) || !strings.Contains(www, scopeCalendarRO) {
		t.Errorf("WWW-Authenticate = %q", www)
	}
	if ct := ge.Header.Get("Content-Type"); ct != "application/json; charset=UTF-8" {
		t.Errorf("Content-Type = %q", ct)
	}
}

func TestMissingAndInvalidTokensGet401(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	resp, err := http.Get(sb.URL + "/calendar/v3/users/me/calendarList")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 401 || !strings.Contains(string(body), "CREDENTIALS_MISSING") || !strings.Contains(string(body), `"reason":"required"`) {
		t.Errorf("no token: %d %s", resp.StatusCode, body)
	}
	_, err = calendarService(t, sb, "ya29.bogus").CalendarList.List().Do()
	ge := apiError(t, err)
	if ge.Code != 401 || ge.Errors[0].Reason != "authError" || ge.Errors[0].Message != "Invalid Credentials" {
		t.Errorf("bad token: %+v", ge)
	}
	if www := ge.Header.Get("WWW-Authenticate"); www != `Bearer realm="https://accounts.google.com/", error="invalid_token"` {
		t.Errorf("WWW-Authenticate = %q", www)
	}
}

func TestInsufficientScopeFaultFiresOnceBeforeAuth(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	tok := sb.MintToken(sandboxtest.Account, scopeCalendarRO)
	svc := calendarService(t, sb, tok.AccessToken)
	sb.AddFault(sandbox.Fault{Method: "GET", PathPrefix: "/calendar/v3/users/me/calendarList", Preset: "insufficient_scope", Times: 1})
	_, err := svc.CalendarList.List().Do()
	if ge := apiError(t, err); ge.Code != 403 || ge.Errors[0].Reason != "insufficientPermissions" {
		t.Fatalf("first call: %+v", ge)
	}
	if _, err := svc.CalendarList.List().Do(); err != nil {
		t.Fatalf("second call: %v", err)
	}
	reqs := sb.Requests()
	if len(reqs) != 2 || reqs[0].Status != 403 || reqs[1].Status != 200 || reqs[0].Path != "/calendar/v3/users/me/calendarList" {
		t.Fatalf("request log = %+v", reqs)
	}
}

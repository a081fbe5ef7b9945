package googleerr

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
	"google.golang.org/api/googleapi"

	"github.com/gogcli/gog/internal/errs"
)

func apiErr(status int, body string, hdr http.Header) error {
	if hdr == nil {
		hdr = http.Header{}
	}
	// Exactly what a generated client's Do returns: CheckResponse's error, wrapped.
	err := googleapi.CheckResponse(&http.Response{StatusCode: status, Header: hdr, Body: ioNopCloser(body)})
	return fmt.Errorf("calendar call: %w", err)
}

const (
	cal    = "https://www.googleapis.com/auth/calendar"
	calRO  = "https://www.googleapis.com/auth/calendar.readonly"
	ytRO   = "https://www.googleapis.com/auth/youtube.readonly"
	ytSSL  = "https://www.googleapis.com/auth/youtube.force-ssl"
	ytHint = "gog auth add ada@example.com --services youtube --extra-scopes https://www.googleapis.com/auth/youtube.force-ssl --force-consent"
)

func TestYouTubeCommentsScopeHintNamesTheExtraScope(t *testing.T) {
	t.Parallel()
	body := `{"error":{"code":403,"message":"Request had insufficient authentication scopes.","errors":[{"message":"Insufficient Permission","domain":"global","reason":"insufficientPermissions"}]}}`
	err := apiErr(403, body, http.Header{"Www-Authenticate": {scopeChallenge}})
	e := FromError(err, HintContext{Account: "ada@example.com", Granted: []string{"openid", ytRO}})
	if e.Class != errs.Scope || e.Status != 403 || e.Reason != "insufficientPermissions" {
		t.Fatalf("got %+v", e)
	}
	if !strings.Contains(e.Hint, ytHint) {
		t.Fatalf("hint %q lacks %q", e.Hint, ytHint)
	}
	if !e.GrantLacksScope {
		t.Fatal("a grant without force-ssl lacks the scope (exit 4)")
	}
	if !errors.Is(e, err) && e.Err != err {
		t.Fatal("cause not kept")
	}
}

func TestScopeHintForAServiceThatCoversTheMethod(t *testing.T) {
	t.Parallel()
	hdr := http.Header{"Www-Authenticate": {`Bearer realm="x", error="insufficient_scope", scope="` + cal + " " + calRO + `"`}}
	e := FromError(apiErr(403, calendarScope403, hdr), HintContext{Account: "ada@example.com", Granted: []string{cal}})
	if want := "run: gog auth add ada@example.com --services calendar --force-consent"; e.Hint != want {
		t.Fatalf("hint %q, want %q", e.Hint, want)
	}
	if e.GrantLacksScope {
		t.Fatal("the grant holds calendar: the token was stale, not the grant (exit 6, not 4)")
	}
	if !strings.Contains(e.Message, "insufficient authentication scopes") {
		t.Fatalf("message %q", e.Message)
	}
	// Unknown account and grant: a placeholder, and no guess about the grant.
	e = FromError(apiErr(403, calendarScope403, nil), HintContext{})
	if want := "run: gog auth add EMAIL --services calendar --force-consent"; e.Hint != want || e.GrantLacksScope {
		t.Fatalf("hint %q lacks=%v", e.Hint, e.GrantLacksScope)
	}
}

func TestScopeMessageSaysWhatTheTransportTried(t *testing.T) {
	t.Parallel()
	hdr := http.Header{}
	Facts{Method: "GET", Path: "/calendar/v3/users/me/calendarList", Attempts: 1, ScopeRefresh: ScopeRefreshFailed, RefreshError: "invalid_grant"}.Annotate(hdr)
	e := FromError(apiErr(403, calendarScope403, hdr), HintContext{Account: "ada@example.com"})
	if !strings.Contains(e.Message, "invalid_grant") || !strings.Contains(e.Hint, "--force-consent") {
		t.Fatalf("message %q hint %q", e.Message, e.Hint)
	}
	hdr = http.Header{}
	Facts{Attempts: 2, ScopeRefresh: ScopeReplayed}.Annotate(hdr)
	e = FromError(apiErr(403, calendarScope403, hdr), HintContext{})
	if !strings.Contains(e.Message, "freshly minted") {
		t.Fatalf("message %q", e.Message)
	}
}

func TestFromErrorGivesEachClassItsFix(t *testing.T) {
	t.Parallel()
	notRepeated := http.Header{}
	Facts{Method: "POST", Path: "/calendar/v3/calendars/primary/events", Attempts: 1, NotRepeated: NotRepeatedWrite}.Annotate(notRepeated)
	tooLong := http.Header{}
	Facts{Method: "GET", Attempts: 1, GaveUp: GaveUpWait, RetryAt: time.Date(2026, 3, 1, 12, 5, 0, 0, time.UTC)}.Annotate(tooLong)
	deleted := http.Header{}
	Facts{Method: "DELETE", Path: "/calendar/v3/calendars/primary/events/e1", Attempts: 2}.Annotate(deleted)
	cases := []struct {
		name      string
		err       error
		class     errs.Class
		inMessage string
		inHint    string
	}{
		{"api disabled", apiErr(403, disabled403, nil), errs.APIDisabled, "drive.googleapis.com is not enabled",
			"https://console.developers.google.com/apis/api/drive.googleapis.com/overview?project=445002403787"},
		{"youtube quota", apiErr(403, ytQuota403, nil), errs.Quota, "YouTube Data API daily quota", "youtube.googleapis.com/quotas"},
		{"daily limit", apiErr(403, daily403, nil), errs.Quota, "daily limit", "midnight Pacific"},
		{"policy", apiErr(403, policy403, nil), errs.Policy, "disabled Gmail apps", "administrator"},
		{"resource permission", apiErr(403, access403, nil), errs.Permission, "writer access", "share it"},
		{"401", apiErr(401, invalid401, nil), errs.Auth, "Invalid Credentials", "gog auth add EMAIL --force-consent"},
		{"write not repeated", apiErr(503, unavail503, notRepeated), errs.Server, "may or may not have been applied", "gog calendar events"},
		{"server gave up", apiErr(500, backend500, nil), errs.Server, "Backend Error", "run the command again"},
		{"rate limit asks too long", apiErr(429, rate429, tooLong), errs.RateLimit, "2026-03-01T12:05:00Z", "after 2026-03-01T12:05:00Z"},
		{"delete repeated then 404", apiErr(404, `{"error":{"code":404,"message":"Not Found"}}`, deleted), errs.NotFound, "may already have deleted it", "gog calendar events"},
		{"conflict", apiErr(412, `{"error":{"code":412,"message":"Precondition Failed"}}`, nil), errs.Conflict, "Precondition Failed", "again"},
		{"html body", apiErr(502, "<html>bad gateway</html>", nil), errs.Server, "502 Bad Gateway", "again"},
		{"built in code", &googleapi.Error{Code: 403, Message: "Rate Limit Exceeded", Errors: []googleapi.ErrorItem{{Reason: "rateLimitExceeded"}}}, errs.RateLimit, "Rate Limit Exceeded", "again"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := FromError(tc.err, HintContext{})
			if e.Class != tc.class || !strings.Contains(e.Message, tc.inMessage) || !strings.Contains(e.Hint, tc.inHint) {
				t.Fatalf("got class %q\nmessage %q\nhint %q\nwant %q, %q, %q", e.Class, e.Message, e.Hint, tc.class, tc.inMessage, tc.inHint)
			}
		})
	}
}

func TestInvalidGrantSaysRefreshTokenExpiredOrRevoked(t *testing.T) {
	t.Parallel()
	re := &oauth2.RetrieveError{Response: &http.Response{StatusCode: 400}, ErrorCode: "invalid_grant", ErrorDescription: "Token has been expired or revoked."}
	// As it arrives through an API call: wrapped in *url.Error by net/http.
	err := &url.Error{Op: "Get", URL: "https://www.googleapis.com/calendar/v3/x", Err: re}
	e := FromError(err, HintContext{Account: "ada@example.com"})
	if e.Class != errs.Auth || e.Reason != "invalid_grant" || e.Status != 400 {
		t.Fatalf("got %+v", e)
	}
	if !strings.Contains(e.Message, "refresh token expired or revoked") ||
		!strings.Contains(e.Hint, "run: gog auth add ada@example.com --force-consent") || !strings.Contains(e.Hint, "7 days") {
		t.Fatalf("message %q hint %q", e.Message, e.Hint)
	}
	e = FromError(&oauth2.RetrieveError{Response: &http.Response{StatusCode: 401}, ErrorCode: "invalid_client"}, HintContext{})
	if e.Class != errs.Config || !strings.Contains(e.Hint, "gog auth credentials") {
		t.Fatalf("invalid_client: %+v", e)
	}
	e = FromError(&oauth2.RetrieveError{Response: &http.Response{StatusCode: 503}}, HintContext{})
	if e.Class != errs.Server || !e.Retryable {
		t.Fatalf("token endpoint 503: %+v", e)
	}
}

func TestNetworkAndCancellation(t *testing.T) {
	t.Parallel()
	dial := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}
	err := &url.Error{Op: "Get", URL: "https://x/calendar/v3/y?access_token=ya29.secret", Err: &TransportError{
		Facts: Facts{Method: "GET", Path: "/calendar/v3/y", Attempts: 3, GaveUp: GaveUpAttempts}, Err: dial}}
	e := FromError(err, HintContext{})
	if e.Class != errs.Network || !e.Retryable || !strings.Contains(e.Message, "tried 3 times") || strings.Contains(e.Message, "ya29") {
		t.Fatalf("network: %+v", e)
	}
	write := &TransportError{Facts: Facts{Method: "POST", Path: "/calendar/v3/calendars/primary/events", Attempts: 1, NotRepeated: NotRepeatedWrite},
		Err: errors.New("read: connection reset by peer")}
	e = FromError(write, HintContext{})
	if e.Class != errs.Network || !strings.Contains(e.Message, "may or may not have been applied") || !strings.Contains(e.Hint, "gog calendar events") {
		t.Fatalf("write: %+v", e)
	}
	leaky := &url.Error{Op: "Post", URL: "https://oauth2.googleapis.com/token?refresh_token=1//0abcdefghijk", Err: errors.New("EOF")}
	if e = FromError(leaky, HintContext{}); e.Class != errs.Network || strings.Contains(e.Message, "1//0abc") {
		t.Fatalf("leaky: %+v", e)
	}
	e = FromError(&TransportError{Facts: Facts{Method: "GET"}, Err: context.Canceled}, HintContext{})
	if e.Class != errs.Cancelled {
		t.Fatalf("cancel: %+v", e)
	}
	e = FromError(fmt.Errorf("x: %w", context.DeadlineExceeded), HintContext{})
	if e.Class != errs.Cancelled || !strings.Contains(e.Message, "deadline") {
		t.Fatalf("deadline: %+v", e)
	}
}

func TestAnErrorAlreadyClassifiedIsKept(t *testing.T) {
	t.Parallel()
	orig := &errs.Error{Class: errs.Permission, Reason: "readonly", Message: "--readonly: refused", Hint: "drop --readonly"}
	if e := FromError(&url.Error{Op: "Post", URL: "u", Err: orig}, HintContext{}); e != orig {
		t.Fatalf("got %+v", e)
	}
	if FromError(nil, HintContext{}) != nil {
		t.Fatal("nil must stay nil")
	}
	if e := FromError(errors.New("boom"), HintContext{}); e.Class != errs.General || e.Hint == "" {
		t.Fatalf("unknown: %+v", e)
	}
}

func TestFactsRoundTripThroughAHeader(t *testing.T) {
	t.Parallel()
	f := Facts{Method: "POST", Path: "/v1/people/c1;x=y:updateContact", Attempts: 4, NotRepeated: NotRepeatedBody, GaveUp: GaveUpBudget,
		RetryAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), ScopeRefresh: ScopeRefreshFailed, RefreshError: "invalid_grant"}
	h := http.Header{}
	f.Annotate(h)
	if got := FactsFrom(h); got != f {
		t.Fatalf("round trip: %+v != %+v", got, f)
	}
	if !FactsFrom(http.Header{}).IsZero() || !FactsFrom(http.Header{FactsHeader: {"attempts=x; =; junk; retry-at=never"}}).IsZero() {
		t.Fatal("junk must read as no facts")
	}
}

func TestServiceMapping(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"calendar-json.googleapis.com": "calendar", "people.googleapis.com": "contacts",
		"youtube.googleapis.com": "youtube", "storage.googleapis.com": ""} {
		if got := ServiceForAPI(in); got != want {
			t.Errorf("ServiceForAPI(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{ytSSL: "youtube", "https://www.googleapis.com/auth/directory.readonly": "contacts",
		"https://mail.google.com/": "gmail", "openid": "", "https://www.googleapis.com/auth/userinfo.email": ""} {
		if got := ServiceForScope(in); got != want {
			t.Errorf("ServiceForScope(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"/v1/people/me": "contacts", "/youtube/v3/videos": "youtube", "/calendar/v3/freeBusy": "calendar", "/token": ""} {
		if got := ServiceForPath(in); got != want {
			t.Errorf("ServiceForPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func ioNopCloser(s string) io.ReadCloser { return io.NopCloser(strings.NewReader(s)) }

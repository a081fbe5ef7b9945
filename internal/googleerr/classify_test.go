package googleerr

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/gogcli/gog/internal/errs"
)

// Bodies verbatim from shared/google-wire.md.
const (
	calendarScope403 = `{"error":{"code":403,"message":"Request had insufficient authentication scopes.",
 "errors":[{"message":"Insufficient Permission","domain":"global","reason":"insufficientPermissions"}],
 "status":"PERMISSION_DENIED",
 "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com",
   "metadata":{"service":"calendar-json.googleapis.com","method":"calendar.v3.CalendarList.List"}}]}}`
	peopleScope403 = `{"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED"}}`
	userRate403    = `{"error":{"errors":[{"domain":"usageLimits","reason":"userRateLimitExceeded","message":"User Rate Limit Exceeded"}],"code":403,"message":"User Rate Limit Exceeded"}}`
	rate403        = `{"error":{"errors":[{"domain":"usageLimits","reason":"rateLimitExceeded","message":"Rate Limit Exceeded"}],"code":403,"message":"Rate Limit Exceeded"}}`
	rate429        = `{"error":{"errors":[{"domain":"usageLimits","reason":"rateLimitExceeded","message":"Rate Limit Exceeded"}],"code":429,"message":"Rate Limit Exceeded"}}`
	daily403       = `{"error":{"errors":[{"domain":"usageLimits","reason":"dailyLimitExceeded","message":"Daily Limit Exceeded"}],"code":403,"message":"Daily Limit Exceeded"}}`
	calQuota403    = `{"error":{"errors":[{"domain":"usageLimits","message":"Calendar usage limits exceeded.","reason":"quotaExceeded"}],"code":403,"message":"Calendar usage limits exceeded."}}`
	ytQuota403     = `{"error":{"errors":[{"domain":"youtube.quota","reason":"quotaExceeded","message":"The request cannot be completed because you have exceeded your quota."}],"code":403,"message":"The request cannot be completed because you have exceeded your quota."}}`
	policy403      = `{"error":{"errors":[{"domain":"global","reason":"domainPolicy","message":"The domain administrators have disabled Gmail apps."}],"code":403,"message":"The domain administrators have disabled Gmail apps."}}`
	filePerm403    = `{"error":{"errors":[{"domain":"global","reason":"insufficientFilePermissions","message":"The user does not have sufficient permissions for file abc."}],"code":403,"message":"The user does not have sufficient permissions for file abc."}}`
	access403      = `{"error":{"errors":[{"domain":"calendar","reason":"requiredAccessLevel","message":"You need to have writer access to this calendar."}],"code":403,"message":"You need to have writer access to this calendar."}}`
	disabled403    = `{"error":{"code":403,"message":"Google Drive API has not been used in project 445002403787 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/drive.googleapis.com/overview?project=445002403787 then retry.",
 "errors":[{"message":"same","domain":"usageLimits","reason":"accessNotConfigured","extendedHelp":"https://console.developers.google.com"}],
 "status":"PERMISSION_DENIED",
 "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SERVICE_DISABLED","domain":"googleapis.com",
   "metadata":{"serviceTitle":"Google Drive API","containerInfo":"445002403787","service":"drive.googleapis.com","activationUrl":"https://console.developers.google.com/apis/api/drive.googleapis.com/overview?project=445002403787","consumer":"projects/445002403787"}}]}}`
	backend500  = `{"error":{"errors":[{"domain":"global","reason":"backendError","message":"Backend Error"}],"code":500,"message":"Backend Error"}}`
	unavail503  = `{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}`
	invalid401  = `{"error":{"errors":[{"domain":"global","reason":"authError","message":"Invalid Credentials","locationType":"header","location":"Authorization"}],"code":401,"message":"Invalid Credentials"}}`
	fullSync410 = `{"error":{"errors":[{"domain":"calendar","reason":"fullSyncRequired","message":"Sync token is no longer valid, a full sync is required.","locationType":"parameter","location":"syncToken"}],"code":410,"message":"Sync token is no longer valid, a full sync is required."}}`
	gmailForbid = `{"error":{"errors":[{"domain":"global","reason":"forbidden","message":"Metadata scope does not support 'q' parameter"}],"code":403,"message":"Metadata scope does not support 'q' parameter"}}`
)

const scopeChallenge = `Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="https://www.googleapis.com/auth/youtube.force-ssl"`

func TestClassifyTellsEveryGoogle403Apart(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		status int
		hdr    http.Header
		body   string
		class  errs.Class
		reason string
	}{
		{"calendar scope with errors and details", 403, nil, calendarScope403, errs.Scope, "insufficientPermissions"},
		{"people scope from the header alone", 403, http.Header{"Www-Authenticate": {scopeChallenge}}, peopleScope403, errs.Scope, "insufficient_scope"},
		{"user rate limit", 403, nil, userRate403, errs.RateLimit, "userRateLimitExceeded"},
		{"rate limit 403", 403, nil, rate403, errs.RateLimit, "rateLimitExceeded"},
		{"rate limit 429", 429, nil, rate429, errs.RateLimit, "rateLimitExceeded"},
		{"bare 429", 429, nil, "", errs.RateLimit, ""},
		{"daily limit", 403, nil, daily403, errs.Quota, "dailyLimitExceeded"},
		{"calendar usage limits", 403, nil, calQuota403, errs.Quota, "quotaExceeded"},
		{"youtube quota", 403, nil, ytQuota403, errs.Quota, "quotaExceeded"},
		{"domain policy", 403, nil, policy403, errs.Policy, "domainPolicy"},
		{"file permission mentions permissions", 403, nil, filePerm403, errs.Permission, "insufficientFilePermissions"},
		{"calendar access level", 403, nil, access403, errs.Permission, "requiredAccessLevel"},
		{"gmail metadata forbidden", 403, nil, gmailForbid, errs.Permission, "forbidden"},
		{"api disabled", 403, nil, disabled403, errs.APIDisabled, "accessNotConfigured"},
		{"html 403", 403, nil, "<html>Forbidden: insufficient permissions</html>", errs.Permission, ""},
		{"401", 401, nil, invalid401, errs.Auth, "authError"},
		{"401 that says insufficient_scope is still auth", 401, http.Header{"Www-Authenticate": {scopeChallenge}}, calendarScope403, errs.Auth, "insufficientPermissions"},
		{"500", 500, nil, backend500, errs.Server, "backendError"},
		{"503", 503, nil, unavail503, errs.Server, "UNAVAILABLE"},
		{"501 is a server error, not a transient one", 501, nil, "", errs.Server, ""},
		{"404", 404, nil, "", errs.NotFound, ""},
		{"410 full sync", 410, nil, fullSync410, errs.NotFound, "fullSyncRequired"},
		{"409", 409, nil, "", errs.Conflict, ""},
		{"412", 412, nil, "", errs.Conflict, ""},
		{"400", 400, nil, `{"error":{"code":400,"message":"Invalid value","errors":[{"reason":"invalid"}]}}`, errs.Invalid, "invalid"},
		{"oauth invalid_grant", 400, nil, `{"error":"invalid_grant","error_description":"Token has been expired or revoked."}`, errs.Auth, "invalid_grant"},
		{"oauth invalid_client", 401, nil, `{"error":"invalid_client"}`, errs.Config, "invalid_client"},
		{"oauth invalid_client 400", 400, nil, `{"error":"invalid_client"}`, errs.Config, "invalid_client"},
		{"array body", 403, nil, "[" + rate403 + "]", errs.RateLimit, "rateLimitExceeded"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := Classify(tc.status, tc.hdr, []byte(tc.body), time.Time{})
			if c.Class != tc.class || c.Reason != tc.reason || c.Status != tc.status {
				t.Fatalf("Classify = class %q reason %q status %d, want %q %q %d", c.Class, c.Reason, c.Status, tc.class, tc.reason, tc.status)
			}
			wantRetry := tc.class == errs.RateLimit || tc.class == errs.Server && tc.status != 501
			if c.Retryable != wantRetry {
				t.Fatalf("Retryable = %v, want %v", c.Retryable, wantRetry)
			}
		})
	}
}

func TestClassifyReadsErrorInfoAndTheScopeChallenge(t *testing.T) {
	t.Parallel()
	c := Classify(403, http.Header{"Www-Authenticate": {`Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="https://www.googleapis.com/auth/calendar https://www.googleapis.com/auth/calendar.readonly"`}},
		[]byte(calendarScope403), time.Time{})
	if c.Service != "calendar-json.googleapis.com" || c.Method != "calendar.v3.CalendarList.List" {
		t.Fatalf("service/method = %q %q", c.Service, c.Method)
	}
	want := []string{"https://www.googleapis.com/auth/calendar", "https://www.googleapis.com/auth/calendar.readonly"}
	if !slices.Equal(c.AcceptedScopes, want) {
		t.Fatalf("AcceptedScopes = %q, want %q", c.AcceptedScopes, want)
	}
	if c.Message != "Request had insufficient authentication scopes." {
		t.Fatalf("Message = %q", c.Message)
	}
}

func TestClassifyFindsTheActivationURL(t *testing.T) {
	t.Parallel()
	c := Classify(403, nil, []byte(disabled403), time.Time{})
	if c.ActivationURL != "https://console.developers.google.com/apis/api/drive.googleapis.com/overview?project=445002403787" {
		t.Fatalf("ActivationURL = %q", c.ActivationURL)
	}
	if c.Service != "drive.googleapis.com" {
		t.Fatalf("Service = %q", c.Service)
	}
	// Only the message carries it: the link is still found, without the sentence's full stop.
	msgOnly := `{"error":{"code":403,"message":"Enable it by visiting https://console.developers.google.com/apis/api/people.googleapis.com/overview?project=1. Then retry.","errors":[{"reason":"accessNotConfigured"}]}}`
	c = Classify(403, nil, []byte(msgOnly), time.Time{})
	if c.ActivationURL != "https://console.developers.google.com/apis/api/people.googleapis.com/overview?project=1" || c.Service != "people.googleapis.com" {
		t.Fatalf("ActivationURL = %q, Service = %q", c.ActivationURL, c.Service)
	}
}

func TestClassifyReadsWhenToRetry(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name      string
		header    string
		body      string
		wantAfter time.Duration
		wantAt    time.Time
	}{
		{"seconds", "30", rate429, 30 * time.Second, now.Add(30 * time.Second)},
		{"http date", now.Add(90 * time.Second).Format(http.TimeFormat), rate429, 90 * time.Second, now.Add(90 * time.Second)},
		{"date in the past", now.Add(-time.Hour).Format(http.TimeFormat), rate429, 0, now.Add(-time.Hour)},
		{"gmail message", "", `{"error":{"code":403,"message":"User-rate limit exceeded.  Retry after 2026-03-01T12:00:45.500Z","errors":[{"reason":"rateLimitExceeded"}]}}`,
			45500 * time.Millisecond, now.Add(45500 * time.Millisecond)},
		{"header wins over message", "5", `{"error":{"code":429,"message":"Retry after 2026-03-01T13:00:00Z"}}`, 5 * time.Second, now.Add(5 * time.Second)},
		{"garbage header", "soon", rate429, 0, time.Time{}},
		{"absurd seconds are bounded", "99999999999999999", rate429, maxRetryAfter, now.Add(maxRetryAfter)},
		{"nothing said", "", rate429, 0, time.Time{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := http.Header{}
			if tc.header != "" {
				h.Set("Retry-After", tc.header)
			}
			c := Classify(429, h, []byte(tc.body), now)
			if c.RetryAfter != tc.wantAfter || !c.RetryAt.Equal(tc.wantAt) {
				t.Fatalf("RetryAfter %v at %v, want %v at %v", c.RetryAfter, c.RetryAt, tc.wantAfter, tc.wantAt)
			}
		})
	}
}

func TestClassifyNamesTheQuotaThatRanOut(t *testing.T) {
	t.Parallel()
	cloud := `{"error":{"code":429,"message":"Quota exceeded for quota metric 'Queries' and limit 'Queries per day' of service 'people.googleapis.com'","status":"RESOURCE_EXHAUSTED",
	"details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com","metadata":{"quota_limit":"Queries per day","quota_metric":"people.googleapis.com/read_requests","service":"people.googleapis.com"}}]}}`
	if c := Classify(429, nil, []byte(cloud), time.Time{}); c.Class != errs.Quota || c.Quota != "Queries per day" {
		t.Fatalf("cloud per-day quota: class %q quota %q", c.Class, c.Quota)
	}
	perMinute := `{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","metadata":{"quota_limit":"Queries per minute per user"}}]}}`
	if c := Classify(429, nil, []byte(perMinute), time.Time{}); c.Class != errs.RateLimit {
		t.Fatalf("per-minute quota is a rate limit, got %q", c.Class)
	}
	if c := Classify(403, nil, []byte(ytQuota403), time.Time{}); c.Quota == "" || c.Domain != "youtube.quota" {
		t.Fatalf("youtube quota: %q domain %q", c.Quota, c.Domain)
	}
}

func TestClassifyBelow400IsNeverAnError(t *testing.T) {
	t.Parallel()
	for _, st := range []int{0, 200, 204, 304} {
		if c := Classify(st, http.Header{"Www-Authenticate": {scopeChallenge}}, []byte(calendarScope403), time.Time{}); c.Class != errs.General || c.Retryable {
			t.Fatalf("status %d: class %q", st, c.Class)
		}
	}
}

func TestClassifyShortensHugeMessages(t *testing.T) {
	t.Parallel()
	long := make([]byte, 5000)
	for i := range long {
		long[i] = 'x'
	}
	c := Classify(400, nil, []byte(`{"error":{"code":400,"message":"`+string(long)+`"}}`), time.Time{})
	if len(c.Message) > 410 {
		t.Fatalf("message of %d bytes kept", len(c.Message))
	}
}

package googleerr

import (
	"net/http"
	"testing"
	"time"

	"google.golang.org/api/googleapi"

	"github.com/gogcli/gog/internal/errs"
)

// FuzzClassify: arbitrary statuses, headers and bodies never panic, and only a 403 is ever a scope error.
// `go test -fuzz FuzzClassify ./internal/googleerr` explores; a plain `go test` runs the seeds below.
func FuzzClassify(f *testing.F) {
	for _, body := range []string{calendarScope403, peopleScope403, userRate403, rate429, daily403, ytQuota403,
		policy403, disabled403, backend500, unavail503, invalid401, fullSync410, gmailForbid,
		`{"error":"invalid_grant","error_description":"Token has been expired or revoked."}`,
		`[{"error":{"code":403,"errors":[{"reason":"insufficientPermissions"}]}}]`,
		`{"error":{"details":[{"@type":"x/google.rpc.ErrorInfo","metadata":{"service":7,"activationUrl":["a"]}}]}}`,
		`{"error":{"errors":"not an array","details":{"not":"an array"}}}`,
		`{"error":null}`, `[]`, `[1]`, `"x"`, `{"error":{"message":"Retry after 9999-99-99T99:99:99Z"}}`, "", "\x00\xff"} {
		for _, status := range []int{200, 401, 403, 429, 503} {
			f.Add(status, scopeChallenge, "30", []byte(body))
		}
	}
	f.Add(403, `error=insufficient_scope scope="a`, "Mon, 02 Jan 2006 15:04:05 GMT", []byte(`{"error":{`))
	f.Add(-1, `"\"\\`, "-5", []byte(`{"error":{"code":"403"}}`))

	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, status int, wwwAuth, retryAfter string, body []byte) {
		h := http.Header{}
		h.Set("WWW-Authenticate", wwwAuth)
		h.Set("Retry-After", retryAfter)
		c := Classify(status, h, body, now)
		if c.Class == errs.Scope && status != http.StatusForbidden {
			t.Fatalf("status %d classified as scope", status)
		}
		if status < 400 && c.Class != errs.General {
			t.Fatalf("status %d classified as %q", status, c.Class)
		}
		if c.RetryAfter < 0 || c.RetryAfter > maxRetryAfter {
			t.Fatalf("RetryAfter %v out of range", c.RetryAfter)
		}
		if c.Retryable && c.Class != errs.RateLimit && c.Class != errs.Server {
			t.Fatalf("Retryable %v for class %q", c.Retryable, c.Class)
		}
		if c.Class == "" {
			t.Fatalf("no class for status %d", status)
		}
		// The same answer, as a generated client reports it, always becomes an error a person can act on.
		e := FromError(&googleapi.Error{Code: status, Body: string(body), Header: h}, HintContext{})
		if e == nil || e.Hint == "" || e.Message == "" {
			t.Fatalf("FromError gave %+v", e)
		}
	})
}

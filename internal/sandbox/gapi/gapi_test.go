package gapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/discovery"
)

func method(t *testing.T, id string) discovery.Method {
	t.Helper()
	m, ok := discovery.ByID(id)
	if !ok {
		t.Fatalf("no method %s", id)
	}
	return m
}

func TestScopeErrorEnvelopesFollowEachAPIsStyle(t *testing.T) {
	t.Parallel()
	cal := method(t, "calendar.calendarList.list")
	got := string(InsufficientScopes(cal).Envelope(StyleOf(cal)))
	want := `{"error":{"code":403,"message":"Request had insufficient authentication scopes.",` +
		`"errors":[{"message":"Insufficient Permission","domain":"global","reason":"insufficientPermissions"}],` +
		`"status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",` +
		`"reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com",` +
		`"metadata":{"method":"calendar.v3.CalendarList.List","service":"calendar-json.googleapis.com"}}]}}`
	if got != want {
		t.Errorf("calendar 403:\n got %s\nwant %s", got, want)
	}
	people := method(t, "people.people.connections.list")
	modern := string(InsufficientScopes(people).Envelope(StyleOf(people)))
	if strings.Contains(modern, `"errors"`) || !strings.Contains(modern, `"status":"PERMISSION_DENIED"`) ||
		!strings.Contains(modern, `"service":"people.googleapis.com"`) {
		t.Errorf("people 403 should have status+details only: %s", modern)
	}
}

func TestLegacy401KeepsItsItemMessageAndLocation(t *testing.T) {
	t.Parallel()
	m := method(t, "calendar.events.list")
	var env struct {
		Error struct {
			Code    int
			Message string
			Errors  []map[string]string
			Status  string
		}
	}
	if err := json.Unmarshal(InvalidCredentials(m, false).Envelope(Legacy), &env); err != nil {
		t.Fatal(err)
	}
	e := env.Error
	if e.Code != 401 || e.Status != "UNAUTHENTICATED" || len(e.Errors) != 1 || e.Errors[0]["message"] != "Invalid Credentials" ||
		e.Errors[0]["reason"] != "authError" || e.Errors[0]["location"] != "Authorization" || e.Errors[0]["locationType"] != "header" {
		t.Errorf("401 = %+v", e)
	}
}

type fakeAuth struct{ p Principal }

func (f fakeAuth) Authenticate(_ context.Context, tok string) (Principal, error) {
	if tok != "good" {
		return Principal{}, ErrInvalidToken
	}
	return f.p, nil
}

// serve runs one request through a router whose only handler is h (registered for calendar.events.list).
func serve(t *testing.T, h Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	r := NewRouter(fakeAuth{Principal{Email: "a@example.com", Scopes: []string{"https://www.googleapis.com/auth/calendar"}}},
		clock.NewFake(time.Unix(0, 0)))
	r.Handle("calendar.events.list", h)
	req := httptest.NewRequest("GET", target, nil)
	req.Header.Set("Authorization", "Bearer good")
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)
	return w
}

func TestPageTokensAreBoundToTheQueryAndEndWithEmptyToken(t *testing.T) {
	t.Parallel()
	items := []int{1, 2, 3, 4, 5}
	spec := PageSpec{Param: "maxResults", Default: 2, Max: 3}
	var next string
	h := func(c *Call) (any, error) {
		page, tok, err := Paginate(c, spec, items)
		next = tok
		return page, err
	}
	var got []int
	target := "/calendar/v3/calendars/x/events?q=a"
	for i := 0; i < 5; i++ {
		w := serve(t, h, target)
		if w.Code != 200 {
			t.Fatalf("page %d: %d %s", i, w.Code, w.Body)
		}
		var page []int
		_ = json.Unmarshal(w.Body.Bytes(), &page)
		got = append(got, page...)
		if next == "" {
			break
		}
		target = "/calendar/v3/calendars/x/events?q=a&pageToken=" + next
	}
	if len(got) != 5 || got[4] != 5 {
		t.Fatalf("pages gave %v", got)
	}
	if next != "" {
		t.Fatalf("last page carried a token %q", next)
	}
	serve(t, h, "/calendar/v3/calendars/x/events?q=a")
	if next == "" {
		t.Fatal("page one carried no token")
	}
	for _, bad := range []string{"?q=b&pageToken=" + next, "?q=a&pageToken=garbage", "?q=a&maxResults=0", "?q=a&maxResults=x"} {
		w := serve(t, h, "/calendar/v3/calendars/x/events"+bad)
		if w.Code != 400 || !strings.Contains(w.Body.String(), `"reason":"invalid"`) {
			t.Errorf("%s: %d %s", bad, w.Code, w.Body)
		}
	}
	w := serve(t, h, "/calendar/v3/calendars/x/events?maxResults=100")
	var page []int
	_ = json.Unmarshal(w.Body.Bytes(), &page)
	if len(page) != 3 {
		t.Errorf("maxResults over the cap should be capped to 3, got %v", page)
	}
}

func TestDecodeAnswersMalformedAndOversizedBodiesInStyle(t *testing.T) {
	t.Parallel()
	decode := func(style Style, body string, max int64) *Error {
		req := httptest.NewRequest("POST", "/", strings.NewReader(body))
		c := &Call{Request: req, Writer: httptest.NewRecorder(), Style: style, MaxBody: max}
		var v struct {
			Name string `json:"name"`
		}
		err := c.Decode(&v)
		if err == nil {
			return nil
		}
		return err.(*Error)
	}
	if e := decode(Legacy, `{"name":`, 100); e == nil || e.Code != 400 || e.Reason != "parseError" {
		t.Errorf("legacy malformed: %+v", e)
	}
	if e := decode(Modern, `{"nope":1}`, 100); e == nil || e.Code != 400 || !strings.HasPrefix(e.Message, "Invalid JSON payload received.") {
		t.Errorf("modern unknown field: %+v", e)
	}
	if e := decode(Legacy, `{"nope":1}`, 100); e != nil {
		t.Errorf("legacy APIs ignore unknown fields: %+v", e)
	}
	if e := decode(Legacy, `{"name":"`+strings.Repeat("x", 200)+`"}`, 100); e == nil || e.Code != 413 {
		t.Errorf("oversized: %+v", e)
	}
	if e := decode(Legacy, ``, 100); e != nil {
		t.Errorf("empty body is {}: %+v", e)
	}
}

func TestRouterAnswers404405And501(t *testing.T) {
	t.Parallel()
	r := NewRouter(fakeAuth{Principal{Email: "a@example.com", Scopes: []string{"https://www.googleapis.com/auth/calendar"}}},
		clock.NewFake(time.Unix(0, 0)))
	for _, c := range []struct {
		method, path string
		code         int
	}{
		{"GET", "/nowhere", 404},
		{"DELETE", "/calendar/v3/users/me/calendarList", 405},
		{"GET", "/calendar/v3/colors", 501},
	} {
		req := httptest.NewRequest(c.method, c.path, nil)
		req.Header.Set("Authorization", "Bearer good")
		w := httptest.NewRecorder()
		r.ServeHTTP(w, req)
		if w.Code != c.code || w.Header().Get("Content-Type") != JSONContentType || !json.Valid(w.Body.Bytes()) {
			t.Errorf("%s %s: %d %q %s", c.method, c.path, w.Code, w.Header().Get("Content-Type"), w.Body)
		}
		if c.code == 405 && len(w.Header().Values("Allow")) == 0 {
			t.Error("405 without Allow")
		}
	}
}

func TestHandlerResultsMapToStatusCodes(t *testing.T) {
	t.Parallel()
	if w := serve(t, func(*Call) (any, error) { return nil, nil }, "/calendar/v3/calendars/x/events"); w.Code != http.StatusNoContent {
		t.Errorf("nil result: %d", w.Code)
	}
	if w := serve(t, func(*Call) (any, error) { return nil, NotFound("") }, "/calendar/v3/calendars/x/events"); w.Code != 404 ||
		!strings.Contains(w.Body.String(), `"reason":"notFound"`) {
		t.Errorf("NotFound: %d %s", w.Code, w.Body)
	}
	if w := serve(t, func(*Call) (any, error) { return nil, context.Canceled }, "/calendar/v3/calendars/x/events"); w.Code != 500 ||
		!strings.Contains(w.Body.String(), "backendError") {
		t.Errorf("plain error: %d %s", w.Code, w.Body)
	}
	h := func(c *Call) (any, error) { return nil, c.CheckIfMatch(`"1"`) }
	req := httptest.NewRequest("GET", "/calendar/v3/calendars/x/events", nil)
	req.Header.Set("Authorization", "Bearer good")
	req.Header.Set("If-Match", `"2"`)
	r := NewRouter(fakeAuth{Principal{Scopes: []string{"https://www.googleapis.com/auth/calendar"}}}, clock.NewFake(time.Unix(0, 0)))
	r.Handle("calendar.events.list", h)
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)
	if w.Code != 412 || !strings.Contains(w.Body.String(), "conditionNotMet") {
		t.Errorf("If-Match mismatch: %d %s", w.Code, w.Body)
	}
}

func TestHandleRefusesUnknownAndDuplicateIDs(t *testing.T) {
	t.Parallel()
	r := NewRouter(fakeAuth{}, clock.NewFake(time.Unix(0, 0)))
	mustPanic := func(name string, f func()) {
		defer func() {
			if recover() == nil {
				t.Errorf("%s did not panic", name)
			}
		}()
		f()
	}
	mustPanic("unknown id", func() { r.Handle("calendar.nope", nil) })
	r.Handle("calendar.events.list", nil)
	mustPanic("duplicate", func() { r.Handle("calendar.events.list", nil) })
}

package discovery

import (
	"regexp"
	"slices"
	"testing"
)

func TestLookupRoutesCustomVerbsAndEscapedParams(t *testing.T) {
	t.Parallel()
	cases := []struct {
		method, path, id string
		params           map[string]string
	}{
		{"GET", "/calendar/v3/users/me/calendarList", "calendar.calendarList.list", nil},
		{"GET", "/calendar/v3/calendars/you%40example.com/events", "calendar.events.list", map[string]string{"calendarId": "you@example.com"}},
		{"GET", "/calendar/v3/calendars/a%2Fb/events/e1", "calendar.events.get", map[string]string{"calendarId": "a/b", "eventId": "e1"}},
		{"POST", "/calendar/v3/freeBusy", "calendar.freebusy.query", nil},
		{"PATCH", "/v1/people/c123:updateContact", "people.people.updateContact", map[string]string{"peopleId": "c123"}},
		{"GET", "/v1/people/me", "people.people.get", map[string]string{"peopleId": "me"}},
		{"GET", "/v1/people:searchContacts", "people.people.searchContacts", nil},
		{"GET", "/v1/people/me/connections", "people.people.connections.list", map[string]string{"peopleId": "me"}},
		{"GET", "/youtube/v3/videos", "youtube.videos.list", nil},
		{"POST", "/upload/drive/v3/files", "drive.files.create", nil},
	}
	for _, c := range cases {
		m, res, _ := Lookup(c.method, c.path)
		if res != Found || m.Method.ID != c.id {
			t.Errorf("Lookup(%s %s) = %q, %v; want %q", c.method, c.path, m.Method.ID, res, c.id)
			continue
		}
		for k, v := range c.params {
			if m.Params[k] != v {
				t.Errorf("Lookup(%s %s) param %s = %q, want %q", c.method, c.path, k, m.Params[k], v)
			}
		}
	}
}

func TestLookupDistinguishesUnknownPathFromWrongMethod(t *testing.T) {
	t.Parallel()
	if _, res, _ := Lookup("GET", "/calendar/v3/nothing/here/at/all"); res != NotFound {
		t.Errorf("unknown path: got %v, want NotFound", res)
	}
	_, res, allowed := Lookup("PUT", "/calendar/v3/users/me/calendarList")
	if res != WrongMethod || !slices.Contains(allowed, "GET") || !slices.Contains(allowed, "POST") {
		t.Errorf("wrong method: got %v %v, want WrongMethod with GET and POST", res, allowed)
	}
}

// Every method in the table must be reachable: a path built from its own template routes back to it, so no two
// templates are ambiguous for the same HTTP method.
func TestEveryMethodRoutesToItself(t *testing.T) {
	t.Parallel()
	param := regexp.MustCompile(`\{[^}]+\}`)
	for _, m := range Methods() {
		path := param.ReplaceAllString(m.Path, "v1x")
		got, res, _ := Lookup(m.HTTPMethod, path)
		if res != Found || got.Method.ID != m.ID {
			t.Errorf("%s %s routed to %q (%v), want %s", m.HTTPMethod, path, got.Method.ID, res, m.ID)
		}
	}
}

func TestScopesComeFromTheDiscoveryDocuments(t *testing.T) {
	t.Parallel()
	m, ok := ByID("calendar.freebusy.query")
	if !ok {
		t.Fatal("calendar.freebusy.query missing")
	}
	if slices.Contains(m.Scopes, "https://www.googleapis.com/auth/calendar.events") {
		t.Error("freeBusy must not accept calendar.events (wire doc §9)")
	}
	if !slices.Contains(m.Scopes, "https://www.googleapis.com/auth/calendar.readonly") {
		t.Error("freeBusy should accept calendar.readonly")
	}
	if m.Service != "calendar-json.googleapis.com" || m.RPCMethod != "calendar.v3.Freebusy.Query" || !m.LegacyErrors {
		t.Errorf("unexpected metadata %+v", m)
	}
	s, ok := ScopesFor("GET", "/v1/people/me/connections")
	if !ok || !slices.Contains(s, "https://www.googleapis.com/auth/contacts.readonly") {
		t.Errorf("people.connections.list scopes = %v", s)
	}
	if len(APIs()) != 9 {
		t.Errorf("want 9 APIs, got %d", len(APIs()))
	}
}

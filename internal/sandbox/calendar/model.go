package calendar

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/base64"
	"strings"
	"time"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

const (
	bucketCalendars = "calendar/calendars" // store.Key(email, calendarID) → calRecord
	bucketEvents    = "calendar/events"    // store.Key(email, calendarID, eventID) → calendar.Event
)

// calRecord is one calendar of one account (the sandbox has no sharing: an account owns its calendars).
type calRecord struct {
	ID          string    `json:"id"`
	Summary     string    `json:"summary"`
	Description string    `json:"description,omitempty"`
	Location    string    `json:"location,omitempty"`
	TimeZone    string    `json:"time_zone"`
	ColorID     string    `json:"color_id"`
	Primary     bool      `json:"primary,omitempty"`
	Created     time.Time `json:"created"`
}

func (c calRecord) loc() *time.Location {
	if l, err := time.LoadLocation(c.TimeZone); err == nil {
		return l
	}
	return time.UTC
}

// defaultReminders are the reminders every sandbox calendar has by default.
func defaultReminders() []*calendar.EventReminder {
	return []*calendar.EventReminder{{Method: "popup", Minutes: 10}}
}

// resolveCalendar finds the calendar named by the calendarId path parameter ("primary" is the caller's own).
func resolveCalendar(c *gapi.Call, tx *store.Tx) (calRecord, error) {
	id := c.Param("calendarId")
	if id == "primary" {
		id = c.Principal.Email
	}
	cal, ok, err := store.Get[calRecord](tx, bucketCalendars, store.Key(c.Principal.Email, id))
	if err != nil {
		return cal, err
	}
	if !ok {
		return cal, gapi.NotFound("")
	}
	return cal, nil
}

func eventKey(email, calID, eventID string) string { return store.Key(email, calID, eventID) }

// stamp formats a time the way Calendar reports created/updated.
func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// newEventID returns a random id in Calendar's alphabet (base32hex, lower case), 26 characters.
func newEventID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return strings.ToLower(base32.HexEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

// stableID is a deterministic id in the same alphabet, for demo data.
func stableID(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return strings.ToLower(base32.HexEncoding.WithPadding(base32.NoPadding).EncodeToString(h[:16]))
}

// validEventID checks a client-chosen id: 5–1024 characters of base32hex (a–v, 0–9), per the API reference.
func validEventID(id string) bool {
	if len(id) < 5 || len(id) > 1024 {
		return false
	}
	for _, r := range id {
		if (r < 'a' || r > 'v') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

func htmlLink(eventID, calID string) string {
	return "https://www.google.com/calendar/event?eid=" + base64.RawURLEncoding.EncodeToString([]byte(eventID+" "+calID))
}

// withETag sets the event's etag from its content.
func withETag(ev *calendar.Event) {
	ev.Etag = ""
	ev.Etag = gapi.ETag(ev)
}

// span is an event's time range.
type span struct {
	start, end time.Time
	allDay     bool
	loc        *time.Location // zone of the event's wall clock (its start.timeZone, else the calendar's)
}

// parseDateTime reads an EventDateTime. field names the field in errors ("start" or "end").
func parseDateTime(edt *calendar.EventDateTime, calLoc *time.Location, field string) (time.Time, bool, *time.Location, error) {
	if edt == nil || (edt.Date == "" && edt.DateTime == "") {
		return time.Time{}, false, nil, &gapi.Error{Code: 400, Message: "Missing " + field + " time.", Reason: "required"}
	}
	loc := calLoc
	if edt.TimeZone != "" {
		l, err := time.LoadLocation(edt.TimeZone)
		if err != nil {
			return time.Time{}, false, nil, &gapi.Error{Code: 400, Message: "Invalid time zone definition for " + field + " time.", Reason: "invalid"}
		}
		loc = l
	}
	if edt.Date != "" {
		t, err := time.ParseInLocation("2006-01-02", edt.Date, loc)
		if err != nil || edt.DateTime != "" {
			return time.Time{}, false, nil, &gapi.Error{Code: 400, Message: "Invalid " + field + " time.", Reason: "invalid"}
		}
		return t, true, loc, nil
	}
	t, err := time.Parse(time.RFC3339Nano, edt.DateTime)
	if err != nil {
		if t, err = time.ParseInLocation("2006-01-02T15:04:05", edt.DateTime, loc); err != nil || edt.TimeZone == "" {
			return time.Time{}, false, nil, &gapi.Error{Code: 400, Message: "Invalid " + field + " time.", Reason: "invalid"}
		}
	}
	return t.In(loc), false, loc, nil
}

// eventSpan reads an event's start and end; end must not precede start, and both must be dates or both times.
func eventSpan(ev *calendar.Event, calLoc *time.Location) (span, error) {
	start, allDay, loc, err := parseDateTime(ev.Start, calLoc, "start")
	if err != nil {
		return span{}, err
	}
	end, endAllDay, _, err := parseDateTime(ev.End, calLoc, "end")
	if err != nil {
		return span{}, err
	}
	if allDay != endAllDay {
		return span{}, &gapi.Error{Code: 400, Message: "Invalid end time.", Reason: "invalid"}
	}
	if end.Before(start) || (allDay && !end.After(start)) {
		return span{}, &gapi.Error{Code: 400, Message: "The specified time range is empty.", Reason: "timeRangeEmpty"}
	}
	return span{start: start, end: end, allDay: allDay, loc: loc}, nil
}

// renderTime is an EventDateTime for t: a date for all-day events, else the instant in zone out (keeping the
// event's own timeZone field, as Google does).
func renderTime(t time.Time, allDay bool, out *time.Location, tz string) *calendar.EventDateTime {
	if allDay {
		return &calendar.EventDateTime{Date: t.Format("2006-01-02")}
	}
	return &calendar.EventDateTime{DateTime: t.In(out).Format(time.RFC3339), TimeZone: tz}
}

// loadEvent reads a stored event.
func loadEvent(tx *store.Tx, email, calID, eventID string) (*calendar.Event, bool, error) {
	ev, ok, err := store.Get[calendar.Event](tx, bucketEvents, eventKey(email, calID, eventID))
	if !ok || err != nil {
		return nil, ok, err
	}
	return &ev, true, nil
}

func saveEvent(tx *store.Tx, email, calID string, ev *calendar.Event) error {
	return store.Put(tx, bucketEvents, eventKey(email, calID, ev.Id), ev)
}

// calendarEvents returns every stored event of a calendar (series, single events, exceptions, cancelled ones).
func calendarEvents(tx *store.Tx, email, calID string) ([]*calendar.Event, error) {
	var out []*calendar.Event
	err := store.ForEach(tx, bucketEvents, store.Prefix(email, calID), func(_ string, ev calendar.Event) error {
		e := ev
		out = append(out, &e)
		return nil
	})
	return out, err
}

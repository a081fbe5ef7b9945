package calendar

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
)

// maxInstances bounds how many instances one series yields per request.
const maxInstances = 2500

// horizon is how far past "now" (or timeMin) an open-ended series is expanded when no timeMax is given.
const horizon = 2 * 365 * 24 * time.Hour

// isSeries reports whether ev is a recurring event's series (not an instance or exception of one).
func isSeries(ev *calendar.Event) bool { return len(ev.Recurrence) > 0 && ev.RecurringEventId == "" }

// duration is how long each instance of a series lasts: days for all-day events (DST-proof), else a duration.
type duration struct {
	days int
	d    time.Duration
}

func spanDuration(sp span) duration {
	if sp.allDay {
		return duration{days: int(sp.end.Sub(sp.start).Hours()+12) / 24}
	}
	return duration{d: sp.end.Sub(sp.start)}
}

func (d duration) after(start time.Time) time.Time {
	if d.days > 0 {
		return start.AddDate(0, 0, d.days)
	}
	return start.Add(d.d)
}

// seriesStarts lists a series' instance starts before end.
func seriesStarts(ev *calendar.Event, sp span, end time.Time) ([]time.Time, error) {
	rec, err := parseRecurrence(ev.Recurrence, sp.loc)
	if err != nil {
		return nil, err
	}
	return rec.starts(sp.start, end, maxInstances), nil
}

// instanceID is Google's id of one instance: the series id, "_", and the original start (UTC basic format, or
// the date for all-day events).
func instanceID(seriesID string, start time.Time, allDay bool) string {
	if allDay {
		return seriesID + "_" + start.Format("20060102")
	}
	return seriesID + "_" + start.UTC().Format("20060102T150405Z")
}

// splitInstanceID parses an instance id into the series id and the original start.
func splitInstanceID(id string, loc *time.Location) (string, time.Time, bool) {
	i := strings.LastIndexByte(id, '_')
	if i < 0 {
		return "", time.Time{}, false
	}
	suffix := id[i+1:]
	if t, err := time.Parse("20060102T150405Z", suffix); err == nil {
		return id[:i], t, true
	}
	if t, err := time.ParseInLocation("20060102", suffix, loc); err == nil {
		return id[:i], t, true
	}
	return "", time.Time{}, false
}

// cloneEvent deep-copies an event through its wire form.
func cloneEvent(ev *calendar.Event) *calendar.Event {
	raw, _ := json.Marshal(ev)
	var out calendar.Event
	_ = json.Unmarshal(raw, &out)
	return &out
}

// makeInstance renders one instance of a series.
func makeInstance(series *calendar.Event, sp span, start time.Time, calID string) *calendar.Event {
	ev := cloneEvent(series)
	ev.Id = instanceID(series.Id, start, sp.allDay)
	ev.RecurringEventId = series.Id
	ev.Recurrence = nil
	tz := ""
	if series.Start != nil {
		tz = series.Start.TimeZone
	}
	ev.OriginalStartTime = renderTime(start, sp.allDay, sp.loc, tz)
	ev.Start = renderTime(start, sp.allDay, sp.loc, tz)
	ev.End = renderTime(spanDuration(sp).after(start), sp.allDay, sp.loc, endTZ(series))
	ev.HtmlLink = htmlLink(ev.Id, calID)
	withETag(ev)
	return ev
}

func endTZ(ev *calendar.Event) string {
	if ev.End != nil {
		return ev.End.TimeZone
	}
	return ""
}

// localize re-renders an event's times in zone out (events.list's timeZone, or the calendar's zone).
func localize(ev *calendar.Event, out *time.Location, calLoc *time.Location) *calendar.Event {
	for _, edt := range []*calendar.EventDateTime{ev.Start, ev.End, ev.OriginalStartTime} {
		if edt == nil || edt.DateTime == "" {
			continue
		}
		if t, _, _, err := parseDateTime(edt, calLoc, "start"); err == nil {
			edt.DateTime = t.In(out).Format(time.RFC3339)
		}
	}
	return ev
}

// syncToken encodes "changes after t".
func syncToken(t time.Time) string {
	return base64.RawURLEncoding.EncodeToString([]byte("sbx1:" + t.UTC().Format(time.RFC3339Nano)))
}

// parseSyncToken decodes a sync token; a bad one is Google's 410 fullSyncRequired.
func parseSyncToken(tok string) (time.Time, error) {
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err == nil {
		if s, ok := strings.CutPrefix(string(raw), "sbx1:"); ok {
			if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, &gapi.Error{Code: 410, Message: "Sync token is no longer valid, a full sync is required.",
		Reason: "fullSyncRequired", Domain: "calendar", Location: "syncToken", LocationType: "parameter"}
}

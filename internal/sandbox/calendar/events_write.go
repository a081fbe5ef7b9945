package calendar

import (
	"encoding/json"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

func (a *API) eventsInsert(c *gapi.Call) (any, error) {
	var ev calendar.Event
	if err := c.Decode(&ev); err != nil {
		return nil, err
	}
	version, err := conferenceVersion(c)
	if err != nil {
		return nil, err
	}
	if err := checkSendUpdates(c); err != nil {
		return nil, err
	}
	err = a.env.Store.Update(c.Ctx, func(tx *store.Tx) error {
		cal, err := resolveCalendar(c, tx)
		if err != nil {
			return err
		}
		if ev.Id == "" {
			ev.Id = newEventID()
		} else if !validEventID(ev.Id) {
			return &gapi.Error{Code: 400, Message: "Invalid resource id value.", Reason: "invalid"}
		} else if _, exists, err := loadEvent(tx, c.Principal.Email, cal.ID, ev.Id); err != nil {
			return err
		} else if exists {
			return gapi.Duplicate()
		}
		ev.RecurringEventId, ev.OriginalStartTime = "", nil
		if err := prepare(c, cal, &ev, nil, version); err != nil {
			return err
		}
		return saveEvent(tx, c.Principal.Email, cal.ID, &ev)
	})
	if err != nil {
		return nil, err
	}
	return &ev, nil
}

// change runs a patch or an update: it finds the event (an instance of a series becomes a stored exception),
// checks If-Match, lets build produce the new event from the current one, prepares and stores it.
func (a *API) change(c *gapi.Call, build func(current *calendar.Event) (*calendar.Event, error)) (any, error) {
	version, err := conferenceVersion(c)
	if err != nil {
		return nil, err
	}
	if err := checkSendUpdates(c); err != nil {
		return nil, err
	}
	var out *calendar.Event
	err = a.env.Store.Update(c.Ctx, func(tx *store.Tx) error {
		cal, err := resolveCalendar(c, tx)
		if err != nil {
			return err
		}
		current, _, err := findEvent(tx, c.Principal.Email, cal, c.Param("eventId"))
		if err != nil {
			return err
		}
		if err := c.CheckIfMatch(current.Etag); err != nil {
			return err
		}
		next, err := build(current)
		if err != nil {
			return err
		}
		if err := prepare(c, cal, next, current, version); err != nil {
			return err
		}
		out = next
		return saveEvent(tx, c.Principal.Email, cal.ID, next)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eventsPatch merges the request into the event (JSON merge patch: objects merge, arrays and values replace,
// null removes), which is how the Go client's Patch with ForceSendFields/NullFields behaves at Google.
func (a *API) eventsPatch(c *gapi.Call) (any, error) {
	var patch map[string]json.RawMessage
	if err := c.Decode(&patch); err != nil {
		return nil, err
	}
	return a.change(c, func(current *calendar.Event) (*calendar.Event, error) {
		raw, err := json.Marshal(current)
		if err != nil {
			return nil, err
		}
		var base map[string]any
		if err := json.Unmarshal(raw, &base); err != nil {
			return nil, err
		}
		for k, v := range patch {
			var pv any
			if err := json.Unmarshal(v, &pv); err != nil {
				return nil, gapi.BadRequest("Parse Error")
			}
			base[k] = mergePatch(base[k], pv)
		}
		merged, _ := json.Marshal(base)
		var next calendar.Event
		if err := json.Unmarshal(merged, &next); err != nil {
			return nil, &gapi.Error{Code: 400, Message: "Parse Error", Reason: "parseError"}
		}
		return &next, nil
	})
}

// mergePatch applies an RFC 7386 merge patch to one value.
func mergePatch(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
			continue
		}
		t[k] = mergePatch(t[k], v)
	}
	return t
}

// eventsUpdate replaces the event with the request (server-owned fields are kept).
func (a *API) eventsUpdate(c *gapi.Call) (any, error) {
	var ev calendar.Event
	if err := c.Decode(&ev); err != nil {
		return nil, err
	}
	return a.change(c, func(*calendar.Event) (*calendar.Event, error) { return &ev, nil })
}

// eventsDelete marks the event cancelled (a second delete is 410 Gone). Deleting a series cancels its
// exceptions too; deleting one instance stores a cancelled exception.
func (a *API) eventsDelete(c *gapi.Call) (any, error) {
	if err := checkSendUpdates(c); err != nil {
		return nil, err
	}
	err := a.env.Store.Update(c.Ctx, func(tx *store.Tx) error {
		cal, err := resolveCalendar(c, tx)
		if err != nil {
			return err
		}
		ev, _, err := findEvent(tx, c.Principal.Email, cal, c.Param("eventId"))
		if err != nil {
			return err
		}
		if ev.Status == "cancelled" {
			return gapi.Gone()
		}
		if err := c.CheckIfMatch(ev.Etag); err != nil {
			return err
		}
		victims := []*calendar.Event{ev}
		if isSeries(ev) {
			all, err := calendarEvents(tx, c.Principal.Email, cal.ID)
			if err != nil {
				return err
			}
			for _, x := range all {
				if x.RecurringEventId == ev.Id && x.Status != "cancelled" {
					victims = append(victims, x)
				}
			}
		}
		for _, v := range victims {
			v.Status, v.Updated = "cancelled", stamp(c.Now)
			withETag(v)
			if err := saveEvent(tx, c.Principal.Email, cal.ID, v); err != nil {
				return err
			}
		}
		return nil
	})
	return nil, err
}

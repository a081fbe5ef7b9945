package calendar

import (
	"time"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// findEvent returns the event with this id: a stored one (series, single, exception — cancelled included) or an
// instance of a stored series computed on the fly. stored tells which.
func findEvent(tx *store.Tx, email string, cal calRecord, id string) (ev *calendar.Event, stored bool, err error) {
	ev, ok, err := loadEvent(tx, email, cal.ID, id)
	if err != nil || ok {
		return ev, ok, err
	}
	seriesID, start, ok := splitInstanceID(id, cal.loc())
	if !ok {
		return nil, false, gapi.NotFound("")
	}
	series, ok, err := loadEvent(tx, email, cal.ID, seriesID)
	if err != nil {
		return nil, false, err
	}
	if !ok || !isSeries(series) {
		return nil, false, gapi.NotFound("")
	}
	sp, err := eventSpan(series, cal.loc())
	if err != nil {
		return nil, false, gapi.NotFound("")
	}
	starts, err := seriesStarts(series, sp, start.Add(time.Second))
	if err != nil {
		return nil, false, gapi.NotFound("")
	}
	for _, s := range starts {
		if s.Equal(start) {
			inst := makeInstance(series, sp, s, cal.ID)
			if series.Status == "cancelled" {
				inst.Status = "cancelled"
			}
			return inst, false, nil
		}
	}
	return nil, false, gapi.NotFound("")
}

func (a *API) outZone(c *gapi.Call, cal calRecord) (*time.Location, error) {
	if tz := c.String("timeZone"); tz != "" {
		loc, err := time.LoadLocation(tz)
		if err != nil {
			return nil, gapi.InvalidParam("timeZone")
		}
		return loc, nil
	}
	return cal.loc(), nil
}

func (a *API) eventsGet(c *gapi.Call) (any, error) {
	var ev *calendar.Event
	var cal calRecord
	err := a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		var err error
		if cal, err = resolveCalendar(c, tx); err != nil {
			return err
		}
		ev, _, err = findEvent(tx, c.Principal.Email, cal, c.Param("eventId"))
		return err
	})
	if err != nil {
		return nil, err
	}
	if c.NotModified(ev.Etag) {
		return gapi.Raw{Status: 304}, nil
	}
	out, err := a.outZone(c, cal)
	if err != nil {
		return nil, err
	}
	return localize(ev, out, cal.loc()), nil
}

// eventsInstances lists the instances of one recurring event (exceptions included).
func (a *API) eventsInstances(c *gapi.Call) (any, error) {
	var cal calRecord
	var series *calendar.Event
	var exceptions []*calendar.Event
	err := a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		var err error
		if cal, err = resolveCalendar(c, tx); err != nil {
			return err
		}
		var ok bool
		if series, ok, err = loadEvent(tx, c.Principal.Email, cal.ID, c.Param("eventId")); err != nil {
			return err
		} else if !ok {
			return gapi.NotFound("")
		}
		all, err := calendarEvents(tx, c.Principal.Email, cal.ID)
		for _, ev := range all {
			if ev.RecurringEventId == series.Id {
				exceptions = append(exceptions, ev)
			}
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	lq, err := parseListQuery(c, cal)
	if err != nil {
		return nil, err
	}
	lq.single = true
	var items []listed
	if isSeries(series) {
		items = collect(append([]*calendar.Event{series}, exceptions...), cal, lq, c.Now)
	} else if sp, err := eventSpan(series, cal.loc()); err == nil && lq.visible(series) {
		items = []listed{{ev: series, start: sp.start}}
	}
	sortListed(items)
	page, next, err := gapi.Paginate(c, eventsPage(), items)
	if err != nil {
		return nil, err
	}
	out := &calendar.Events{Kind: "calendar#events", Summary: cal.Summary, TimeZone: lq.out.String(), AccessRole: "owner",
		DefaultReminders: defaultReminders(), Items: []*calendar.Event{}, NextPageToken: next, Updated: stamp(c.Now)}
	for _, it := range page {
		out.Items = append(out.Items, localize(cloneEvent(it.ev), lq.out, cal.loc()))
	}
	out.Etag = gapi.ETag(out.Items)
	return out, nil
}

package calendar

import (
	"sort"
	"strings"
	"time"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// eventsPage is events.list's page size (wire doc §8: 250 by default, capped at 2500).
func eventsPage() gapi.PageSpec { return gapi.PageSpec{Param: "maxResults", Default: 250, Max: 2500} }

// listQuery is a parsed events.list request.
type listQuery struct {
	timeMin, timeMax time.Time // zero: open
	updatedMin       time.Time
	q                []string
	single           bool
	showDeleted      bool
	orderBy          string
	sync             bool
	syncSince        time.Time
	iCalUID          string
	out              *time.Location
}

func parseListQuery(c *gapi.Call, cal calRecord) (listQuery, error) {
	lq := listQuery{q: strings.Fields(strings.ToLower(c.String("q"))), orderBy: c.String("orderBy"), iCalUID: c.String("iCalUID")}
	var err error
	if lq.timeMin, _, err = c.Time("timeMin"); err != nil {
		return lq, err
	}
	if lq.timeMax, _, err = c.Time("timeMax"); err != nil {
		return lq, err
	}
	if lq.updatedMin, _, err = c.Time("updatedMin"); err != nil {
		return lq, err
	}
	if !lq.timeMin.IsZero() && !lq.timeMax.IsZero() && !lq.timeMax.After(lq.timeMin) {
		return lq, &gapi.Error{Code: 400, Message: "The specified time range is empty.", Reason: "timeRangeEmpty", Location: "timeMax", LocationType: "parameter"}
	}
	if lq.single, err = c.Bool("singleEvents", false); err != nil {
		return lq, err
	}
	if lq.showDeleted, err = c.Bool("showDeleted", false); err != nil {
		return lq, err
	}
	switch lq.orderBy {
	case "", "updated":
	case "startTime":
		if !lq.single {
			return lq, gapi.BadRequest("The requested ordering is not available for the particular query.")
		}
	default:
		return lq, gapi.InvalidParam("orderBy")
	}
	lq.out = cal.loc()
	if tz := c.String("timeZone"); tz != "" {
		if lq.out, err = time.LoadLocation(tz); err != nil {
			return lq, gapi.InvalidParam("timeZone")
		}
	}
	if tok := c.String("syncToken"); tok != "" {
		for _, p := range []string{"iCalUID", "orderBy", "q", "timeMin", "timeMax", "updatedMin", "privateExtendedProperty", "sharedExtendedProperty"} {
			if c.Has(p) {
				return lq, gapi.InvalidParam("syncToken")
			}
		}
		if lq.syncSince, err = parseSyncToken(tok); err != nil {
			return lq, err
		}
		lq.sync, lq.showDeleted = true, true
	}
	return lq, nil
}

// visible applies the filters that do not depend on time.
func (lq listQuery) visible(ev *calendar.Event) bool {
	if ev.Status == "cancelled" && !lq.showDeleted {
		return false
	}
	if lq.sync && !updatedAfter(ev, lq.syncSince) {
		return false
	}
	if !lq.updatedMin.IsZero() && !updatedAfter(ev, lq.updatedMin.Add(-time.Nanosecond)) {
		return false
	}
	if lq.iCalUID != "" && ev.ICalUID != lq.iCalUID {
		return false
	}
	return matchesText(ev, lq.q)
}

// overlaps reports whether [start, end) meets the query window.
func (lq listQuery) overlaps(start, end time.Time) bool {
	return (lq.timeMin.IsZero() || end.After(lq.timeMin)) && (lq.timeMax.IsZero() || start.Before(lq.timeMax))
}

func updatedAfter(ev *calendar.Event, t time.Time) bool {
	u, err := time.Parse(time.RFC3339Nano, ev.Updated)
	return err == nil && u.After(t)
}

// matchesText is Calendar's free-text search: every term must appear in the summary, description, location,
// or an attendee's or the organizer's name or email.
func matchesText(ev *calendar.Event, terms []string) bool {
	if len(terms) == 0 {
		return true
	}
	hay := []string{ev.Summary, ev.Description, ev.Location}
	for _, a := range ev.Attendees {
		hay = append(hay, a.Email, a.DisplayName)
	}
	if ev.Organizer != nil {
		hay = append(hay, ev.Organizer.Email, ev.Organizer.DisplayName)
	}
	text := strings.ToLower(strings.Join(hay, "\n"))
	for _, t := range terms {
		if !strings.Contains(text, t) {
			return false
		}
	}
	return true
}

// listed is an event with the sort keys of the answer.
type listed struct {
	ev    *calendar.Event
	start time.Time
}

// collect returns the events of one calendar matching lq, unsorted.
func collect(events []*calendar.Event, cal calRecord, lq listQuery, now time.Time) []listed {
	calLoc := cal.loc()
	exceptions := map[string]bool{} // instance ids that have a stored exception
	for _, ev := range events {
		if ev.RecurringEventId != "" {
			exceptions[ev.Id] = true
		}
	}
	end := lq.timeMax
	if end.IsZero() {
		from := now
		if lq.timeMin.After(from) {
			from = lq.timeMin
		}
		end = from.Add(horizon)
	}
	var out []listed
	for _, ev := range events {
		sp, err := eventSpan(ev, calLoc)
		if err != nil {
			continue
		}
		if lq.sync {
			if lq.visible(ev) {
				out = append(out, listed{ev: ev, start: sp.start})
			}
			continue
		}
		if !isSeries(ev) {
			if lq.visible(ev) && lq.overlaps(sp.start, sp.end) {
				out = append(out, listed{ev: ev, start: sp.start})
			}
			continue
		}
		if ev.Status == "cancelled" && !lq.showDeleted {
			continue
		}
		starts, err := seriesStarts(ev, sp, end)
		if err != nil {
			continue
		}
		dur := spanDuration(sp)
		if !lq.single {
			for _, s := range starts {
				if lq.overlaps(s, dur.after(s)) {
					if lq.visible(ev) {
						out = append(out, listed{ev: ev, start: sp.start})
					}
					break
				}
			}
			continue
		}
		for _, s := range starts {
			if !lq.overlaps(s, dur.after(s)) || exceptions[instanceID(ev.Id, s, sp.allDay)] {
				continue
			}
			inst := makeInstance(ev, sp, s, cal.ID)
			if lq.visible(inst) {
				out = append(out, listed{ev: inst, start: s})
			}
		}
	}
	return out
}

func (a *API) eventsList(c *gapi.Call) (any, error) {
	var cal calRecord
	var events []*calendar.Event
	err := a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		var err error
		if cal, err = resolveCalendar(c, tx); err != nil {
			return err
		}
		events, err = calendarEvents(tx, c.Principal.Email, cal.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	lq, err := parseListQuery(c, cal)
	if err != nil {
		return nil, err
	}
	items := collect(events, cal, lq, c.Now)
	if lq.orderBy == "updated" {
		sort.SliceStable(items, func(i, j int) bool { return items[i].ev.Updated < items[j].ev.Updated })
	} else {
		sortListed(items)
	}
	page, next, err := gapi.Paginate(c, eventsPage(), items)
	if err != nil {
		return nil, err
	}
	out := &calendar.Events{
		Kind: "calendar#events", Summary: cal.Summary, Description: cal.Description, TimeZone: lq.out.String(),
		AccessRole: "owner", DefaultReminders: defaultReminders(), Items: []*calendar.Event{}, NextPageToken: next,
		Updated: stamp(c.Now),
	}
	for _, it := range page {
		out.Items = append(out.Items, localize(cloneEvent(it.ev), lq.out, cal.loc()))
	}
	if next == "" {
		out.NextSyncToken = syncToken(c.Now)
	}
	out.Etag = gapi.ETag(out.Items)
	return out, nil
}

// sortListed orders events by start, then id (Google's order for orderBy=startTime; a stable choice otherwise).
func sortListed(items []listed) {
	sort.SliceStable(items, func(i, j int) bool {
		if !items[i].start.Equal(items[j].start) {
			return items[i].start.Before(items[j].start)
		}
		return items[i].ev.Id < items[j].ev.Id
	})
}

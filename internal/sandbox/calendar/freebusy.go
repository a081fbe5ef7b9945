package calendar

import (
	"sort"
	"time"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// freebusyQuery answers POST /calendar/v3/freeBusy: the merged busy periods of each requested calendar
// (opaque, not cancelled, not declined by the caller); an unknown calendar gets errors [notFound] instead.
func (a *API) freebusyQuery(c *gapi.Call) (any, error) {
	var req calendar.FreeBusyRequest
	if err := c.Decode(&req); err != nil {
		return nil, err
	}
	minT, ok1 := rfc3339(req.TimeMin)
	maxT, ok2 := rfc3339(req.TimeMax)
	switch {
	case req.TimeMin == "":
		return nil, &gapi.Error{Code: 400, Message: "Missing timeMin parameter.", Reason: "required"}
	case req.TimeMax == "":
		return nil, &gapi.Error{Code: 400, Message: "Missing timeMax parameter.", Reason: "required"}
	case !ok1 || !ok2:
		return nil, gapi.BadRequest("Bad Request")
	case !maxT.After(minT):
		return nil, &gapi.Error{Code: 400, Message: "The specified time range is empty.", Reason: "timeRangeEmpty"}
	case len(req.Items) > 50:
		return nil, &gapi.Error{Code: 400, Message: "Too many calendars requested.", Reason: "tooManyCalendarsRequested"}
	}
	outLoc := time.UTC // the request's timeZone is the zone of the answer's times (default UTC)
	if req.TimeZone != "" {
		l, err := time.LoadLocation(req.TimeZone)
		if err != nil {
			return nil, &gapi.Error{Code: 400, Message: "Invalid time zone definition.", Reason: "invalid"}
		}
		outLoc = l
	}
	out := &calendar.FreeBusyResponse{Kind: "calendar#freeBusy", TimeMin: minT.UTC().Format(time.RFC3339),
		TimeMax: maxT.UTC().Format(time.RFC3339), Calendars: map[string]calendar.FreeBusyCalendar{}}
	err := a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		for _, item := range req.Items {
			if item == nil {
				continue
			}
			id := item.Id
			if id == "primary" {
				id = c.Principal.Email
			}
			cal, ok, err := store.Get[calRecord](tx, bucketCalendars, store.Key(c.Principal.Email, id))
			if err != nil {
				return err
			}
			if !ok {
				out.Calendars[item.Id] = calendar.FreeBusyCalendar{Errors: []*calendar.Error{{Domain: "global", Reason: "notFound"}},
					Busy: []*calendar.TimePeriod{}, ForceSendFields: []string{"Busy"}}
				continue
			}
			events, err := calendarEvents(tx, c.Principal.Email, cal.ID)
			if err != nil {
				return err
			}
			lq := listQuery{timeMin: minT, timeMax: maxT, single: true}
			out.Calendars[item.Id] = calendar.FreeBusyCalendar{Busy: busy(collect(events, cal, lq, c.Now), cal, c.Principal.Email, minT, maxT, outLoc),
				ForceSendFields: []string{"Busy"}}
		}
		return nil
	})
	return out, err
}

// busy merges the busy time of events into sorted, non-overlapping periods, clipped to [from, to), written in
// zone out.
func busy(items []listed, cal calRecord, self string, from, to time.Time, out *time.Location) []*calendar.TimePeriod {
	type period struct{ start, end time.Time }
	var ps []period
	for _, it := range items {
		ev := it.ev
		if ev.Transparency == "transparent" || ev.Status == "cancelled" || declined(ev, self) {
			continue
		}
		sp, err := eventSpan(ev, cal.loc())
		if err != nil {
			continue
		}
		start, end := sp.start, sp.end
		if start.Before(from) {
			start = from
		}
		if end.After(to) {
			end = to
		}
		ps = append(ps, period{start, end})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].start.Before(ps[j].start) })
	periods := []*calendar.TimePeriod{}
	var cur *period
	for i := range ps {
		p := ps[i]
		if cur != nil && !p.start.After(cur.end) {
			if p.end.After(cur.end) {
				cur.end = p.end
			}
			continue
		}
		if cur != nil {
			periods = append(periods, &calendar.TimePeriod{Start: cur.start.In(out).Format(time.RFC3339), End: cur.end.In(out).Format(time.RFC3339)})
		}
		cur = &p
	}
	if cur != nil {
		periods = append(periods, &calendar.TimePeriod{Start: cur.start.In(out).Format(time.RFC3339), End: cur.end.In(out).Format(time.RFC3339)})
	}
	return periods
}

func declined(ev *calendar.Event, self string) bool {
	for _, a := range ev.Attendees {
		if a.Email == self && a.ResponseStatus == "declined" {
			return true
		}
	}
	return false
}

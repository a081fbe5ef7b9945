package calendar

import (
	"sort"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// calendarListPage is calendarList.list's (and acl.list's) page size (wire doc §8).
func calendarListPage() gapi.PageSpec {
	return gapi.PageSpec{Param: "maxResults", Default: 100, Max: 250}
}

func (a *API) entry(cal calRecord) *calendar.CalendarListEntry {
	bg, fg := calendarColor(cal.ColorID)
	e := &calendar.CalendarListEntry{
		Kind: "calendar#calendarListEntry", Id: cal.ID, Summary: cal.Summary, Description: cal.Description,
		Location: cal.Location, TimeZone: cal.TimeZone, ColorId: cal.ColorID, BackgroundColor: bg, ForegroundColor: fg,
		Selected: true, AccessRole: "owner", DefaultReminders: defaultReminders(), Primary: cal.Primary,
		ConferenceProperties: &calendar.ConferenceProperties{AllowedConferenceSolutionTypes: []string{"hangoutsMeet"}},
	}
	if cal.Primary {
		e.NotificationSettings = &calendar.CalendarListEntryNotificationSettings{Notifications: []*calendar.CalendarNotification{
			{Type: "eventCreation", Method: "email"}, {Type: "eventChange", Method: "email"},
			{Type: "eventCancellation", Method: "email"}, {Type: "eventResponse", Method: "email"},
		}}
	}
	e.Etag = gapi.ETag(e)
	return e
}

func (a *API) calendarListList(c *gapi.Call) (any, error) {
	if role := c.String("minAccessRole"); role != "" && role != "owner" && role != "writer" && role != "reader" && role != "freeBusyReader" {
		return nil, gapi.InvalidParam("minAccessRole")
	}
	var cals []calRecord
	err := a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		var err error
		cals, err = store.List[calRecord](tx, bucketCalendars, store.Prefix(c.Principal.Email))
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(cals, func(i, j int) bool {
		if cals[i].Primary != cals[j].Primary {
			return cals[i].Primary
		}
		return cals[i].Summary < cals[j].Summary
	})
	page, next, err := gapi.Paginate(c, calendarListPage(), cals)
	if err != nil {
		return nil, err
	}
	out := &calendar.CalendarList{Kind: "calendar#calendarList", NextPageToken: next, Items: []*calendar.CalendarListEntry{}}
	for _, cal := range page {
		out.Items = append(out.Items, a.entry(cal))
	}
	if next == "" {
		out.NextSyncToken = syncToken(c.Now)
	}
	out.Etag = gapi.ETag(out.Items)
	return out, nil
}

func (a *API) withCalendar(c *gapi.Call, fn func(cal calRecord) (any, error)) (any, error) {
	var cal calRecord
	err := a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		var err error
		cal, err = resolveCalendar(c, tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return fn(cal)
}

func (a *API) calendarListGet(c *gapi.Call) (any, error) {
	return a.withCalendar(c, func(cal calRecord) (any, error) { return a.entry(cal), nil })
}

func (a *API) calendarsGet(c *gapi.Call) (any, error) {
	return a.withCalendar(c, func(cal calRecord) (any, error) {
		out := &calendar.Calendar{
			Kind: "calendar#calendar", Id: cal.ID, Summary: cal.Summary, Description: cal.Description,
			Location: cal.Location, TimeZone: cal.TimeZone,
			ConferenceProperties: &calendar.ConferenceProperties{AllowedConferenceSolutionTypes: []string{"hangoutsMeet"}},
		}
		out.Etag = gapi.ETag(out)
		return out, nil
	})
}

func (a *API) aclList(c *gapi.Call) (any, error) {
	return a.withCalendar(c, func(cal calRecord) (any, error) {
		rule := &calendar.AclRule{Kind: "calendar#aclRule", Id: "user:" + c.Principal.Email, Role: "owner",
			Scope: &calendar.AclRuleScope{Type: "user", Value: c.Principal.Email}}
		rule.Etag = gapi.ETag(rule)
		rules := []*calendar.AclRule{rule}
		page, next, err := gapi.Paginate(c, calendarListPage(), rules)
		if err != nil {
			return nil, err
		}
		out := &calendar.Acl{Kind: "calendar#acl", Items: page, NextPageToken: next}
		if next == "" {
			out.NextSyncToken = syncToken(c.Now)
		}
		out.Etag = gapi.ETag(out.Items)
		return out, nil
	})
}

func (a *API) colorsGet(c *gapi.Call) (any, error) {
	out := &calendar.Colors{Kind: "calendar#colors", Updated: "2012-02-14T00:00:00.000Z",
		Calendar: map[string]calendar.ColorDefinition{}, Event: map[string]calendar.ColorDefinition{}}
	for i, bg := range calendarPalette() {
		out.Calendar[itoa(i+1)] = calendar.ColorDefinition{Background: bg, Foreground: "#1d1d1d"}
	}
	for i, bg := range eventPalette() {
		out.Event[itoa(i+1)] = calendar.ColorDefinition{Background: bg, Foreground: "#1d1d1d"}
	}
	return out, nil
}

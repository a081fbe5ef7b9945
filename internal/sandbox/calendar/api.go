// Package calendar is the sandbox's Google Calendar API v3: calendar list, calendars, colors, ACLs, events
// (list with time windows, search, paging, recurring-event expansion; get/insert/patch/update/delete with
// Google's etag, sequence and Meet-conference semantics) and freeBusy, answering with the generated
// google.golang.org/api/calendar/v3 types.
//
// Events are stored in their wire form (calendar.Event JSON) per account and calendar; a deleted event stays as
// status "cancelled", as at Google, so a second delete is 410 and showDeleted/syncToken can report it. Recurring
// events are stored once (the series) and expanded on read; a changed or deleted instance is stored as an
// exception event whose id is the instance id. Meet conference ids are derived from the request id, so the same
// createRequest.requestId always yields the same conference.
package calendar

import (
	"time"
	_ "time/tzdata" // events carry IANA zones; the sandbox must not depend on the host's zoneinfo

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// API is the Calendar API.
type API struct {
	env gapi.Env
}

// New builds the Calendar API over the sandbox's store and clock.
func New(env gapi.Env) *API { return &API{env: env} }

// Name implements gapi.API.
func (a *API) Name() string { return "calendar" }

// Register implements gapi.API.
func (a *API) Register(r *gapi.Router) {
	r.Handle("calendar.calendarList.list", a.calendarListList)
	r.Handle("calendar.calendarList.get", a.calendarListGet)
	r.Handle("calendar.calendars.get", a.calendarsGet)
	r.Handle("calendar.colors.get", a.colorsGet)
	r.Handle("calendar.acl.list", a.aclList)
	r.Handle("calendar.events.list", a.eventsList)
	r.Handle("calendar.events.get", a.eventsGet)
	r.Handle("calendar.events.instances", a.eventsInstances)
	r.Handle("calendar.events.insert", a.eventsInsert)
	r.Handle("calendar.events.patch", a.eventsPatch)
	r.Handle("calendar.events.update", a.eventsUpdate)
	r.Handle("calendar.events.delete", a.eventsDelete)
	r.Handle("calendar.freebusy.query", a.freebusyQuery)
}

// Provision implements gapi.API: every account gets its primary calendar (id = the email, time zone UTC); a
// seeded one also gets a team calendar and demo events (see seed.go).
func (a *API) Provision(tx *store.Tx, acct gapi.Account, seed bool, now time.Time) error {
	primary := calRecord{ID: acct.Email, Summary: acct.Email, TimeZone: "UTC", ColorID: "14", Primary: true, Created: now}
	if err := store.Put(tx, bucketCalendars, store.Key(acct.Email, primary.ID), primary); err != nil {
		return err
	}
	if !seed {
		return nil
	}
	return seedDemo(tx, acct, now)
}

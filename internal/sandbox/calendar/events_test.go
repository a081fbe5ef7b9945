package calendar_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestInsertSetsGooglesServerFields(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	start, end := timed("2026-03-04T10:00:00Z", 60)
	ev, err := svc.Events.Insert("primary", &calendar.Event{Summary: "Review", Start: start, End: end,
		Attendees: []*calendar.EventAttendee{{Email: "Ada@Example.com"}}}).Do()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[a-v0-9]{26}$`).MatchString(ev.Id) || ev.Etag == "" || ev.Sequence != 0 || ev.Status != "confirmed" ||
		ev.ICalUID != ev.Id+"@google.com" || !strings.HasPrefix(ev.HtmlLink, "https://www.google.com/calendar/event?eid=") ||
		ev.Kind != "calendar#event" || ev.Created == "" || ev.Updated == "" {
		t.Errorf("server fields: %+v", ev)
	}
	if ev.Organizer == nil || ev.Organizer.Email != sandboxtest.Account || !ev.Organizer.Self || ev.Creator == nil || !ev.Creator.Self {
		t.Errorf("organizer/creator: %+v %+v", ev.Organizer, ev.Creator)
	}
	if a := ev.Attendees[0]; a.Email != "ada@example.com" || a.ResponseStatus != "needsAction" {
		t.Errorf("attendee: %+v", a)
	}
	got, err := svc.Events.Get("primary", ev.Id).Do()
	if err != nil || got.Etag != ev.Etag {
		t.Errorf("get: %v, etag %q vs %q", err, got.Etag, ev.Etag)
	}
	if _, err := svc.Events.Insert("primary", &calendar.Event{Id: ev.Id, Start: start, End: end}).Do(); code(t, err) != 409 {
		t.Errorf("duplicate id: %v", err)
	}
}

func TestPatchUpdateAndDeleteFollowGoogle(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	start, end := timed("2026-03-04T10:00:00Z", 30)
	ev, err := svc.Events.Insert("primary", &calendar.Event{Summary: "Draft", Description: "notes", Start: start, End: end,
		Attendees: []*calendar.EventAttendee{{Email: sandboxtest.Account}, {Email: "ada@example.com"}}}).Do()
	if err != nil {
		t.Fatal(err)
	}
	patched, err := svc.Events.Patch("primary", ev.Id, &calendar.Event{Summary: "Final"}).Do()
	if err != nil || patched.Summary != "Final" || patched.Description != "notes" || patched.Sequence != 0 || patched.Etag == ev.Etag {
		t.Fatalf("summary patch: %v %+v", err, patched)
	}
	ns, ne := timed("2026-03-04T11:00:00Z", 30)
	moved, err := svc.Events.Patch("primary", ev.Id, &calendar.Event{Start: ns, End: ne}).Do()
	if err != nil || moved.Sequence != 1 {
		t.Fatalf("moving bumps sequence: %v %+v", err, moved)
	}
	// Responding is a patch of the caller's own attendee entry.
	moved.Attendees[0].ResponseStatus = "declined"
	resp, err := svc.Events.Patch("primary", ev.Id, &calendar.Event{Attendees: moved.Attendees}).Do()
	if err != nil || resp.Attendees[0].ResponseStatus != "declined" || !resp.Attendees[0].Self {
		t.Fatalf("respond: %v %+v", err, resp.Attendees)
	}
	// A stale etag is refused.
	call := svc.Events.Patch("primary", ev.Id, &calendar.Event{Summary: "late"})
	call.Header().Set("If-Match", ev.Etag)
	if _, err := call.Do(); code(t, err) != 412 {
		t.Errorf("stale If-Match: %v", err)
	}
	// Update replaces: the description goes.
	upd, err := svc.Events.Update("primary", ev.Id, &calendar.Event{Summary: "Replaced", Start: ns, End: ne}).Do()
	if err != nil || upd.Description != "" || upd.Summary != "Replaced" || upd.Id != ev.Id || upd.Created != ev.Created {
		t.Fatalf("update: %v %+v", err, upd)
	}
	if err := svc.Events.Delete("primary", ev.Id).Do(); err != nil {
		t.Fatal(err)
	}
	gone, err := svc.Events.Get("primary", ev.Id).Do()
	if err != nil || gone.Status != "cancelled" {
		t.Errorf("get after delete: %v %+v", err, gone)
	}
	if err := svc.Events.Delete("primary", ev.Id).Do(); code(t, err) != 410 {
		t.Errorf("second delete: %v", err)
	}
	list, _ := svc.Events.List("primary").Q("Replaced").Do()
	withDeleted, _ := svc.Events.List("primary").Q("Replaced").ShowDeleted(true).Do()
	if len(list.Items) != 0 || len(withDeleted.Items) != 1 {
		t.Errorf("list hides the cancelled event (%d) unless showDeleted (%d)", len(list.Items), len(withDeleted.Items))
	}
}

func TestMeetConferenceCreation(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	start, end := timed("2026-03-05T15:00:00Z", 30)
	req := func(id string) *calendar.ConferenceData {
		return &calendar.ConferenceData{CreateRequest: &calendar.CreateConferenceRequest{RequestId: id,
			ConferenceSolutionKey: &calendar.ConferenceSolutionKey{Type: "hangoutsMeet"}}}
	}
	ignored, err := svc.Events.Insert("primary", &calendar.Event{Summary: "no version", Start: start, End: end, ConferenceData: req("r0")}).Do()
	if err != nil || ignored.HangoutLink != "" || ignored.ConferenceData != nil {
		t.Fatalf("without conferenceDataVersion=1 the request is ignored: %v %+v", err, ignored)
	}
	ev, err := svc.Events.Insert("primary", &calendar.Event{Summary: "Sync", Start: start, End: end, ConferenceData: req("r1")}).
		ConferenceDataVersion(1).Do()
	if err != nil {
		t.Fatal(err)
	}
	cd := ev.ConferenceData
	if !regexp.MustCompile(`^https://meet\.google\.com/[a-z]{3}-[a-z]{4}-[a-z]{3}$`).MatchString(ev.HangoutLink) || cd == nil ||
		cd.ConferenceSolution.Key.Type != "hangoutsMeet" || cd.CreateRequest.Status.StatusCode != "success" ||
		len(cd.EntryPoints) != 1 || cd.EntryPoints[0].EntryPointType != "video" || cd.EntryPoints[0].Uri != ev.HangoutLink {
		t.Fatalf("conference: %q %+v", ev.HangoutLink, cd)
	}
	same, err := svc.Events.Patch("primary", ev.Id, &calendar.Event{Summary: "Sync 2", ConferenceData: req("r1")}).ConferenceDataVersion(1).Do()
	if err != nil || same.HangoutLink != ev.HangoutLink {
		t.Errorf("same requestId keeps the conference: %v %q", err, same.HangoutLink)
	}
	kept, err := svc.Events.Patch("primary", ev.Id, &calendar.Event{Summary: "Sync 3"}).Do()
	if err != nil || kept.HangoutLink != ev.HangoutLink {
		t.Errorf("a patch without conferenceData keeps the conference: %v %q", err, kept.HangoutLink)
	}
	other, err := svc.Events.Patch("primary", ignored.Id, &calendar.Event{ConferenceData: req("r2")}).ConferenceDataVersion(1).Do()
	if err != nil || other.HangoutLink == "" || other.HangoutLink == ev.HangoutLink {
		t.Errorf("adding Meet to an existing event: %v %q", err, other.HangoutLink)
	}
	bad := req("r3")
	bad.CreateRequest.ConferenceSolutionKey.Type = "eventHangout"
	if _, err := svc.Events.Insert("primary", &calendar.Event{Start: start, End: end, ConferenceData: bad}).ConferenceDataVersion(1).Do(); code(t, err) != 400 {
		t.Errorf("bad conference type: %v", err)
	}
}

func TestRecurringInstancesCanBeReadChangedAndDeleted(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	start, end := timed("2026-03-02T08:00:00Z", 30)
	series, err := svc.Events.Insert("primary", &calendar.Event{Summary: "Habit", Start: start, End: end,
		Recurrence: []string{"RRULE:FREQ=DAILY;COUNT=5"}}).Do()
	if err != nil {
		t.Fatal(err)
	}
	list := func() []*calendar.Event {
		from, to := window(sb, -1, 10)
		l, err := svc.Events.List("primary").Q("Habit").SingleEvents(true).OrderBy("startTime").TimeMin(from).TimeMax(to).Do()
		if err != nil {
			t.Fatal(err)
		}
		return l.Items
	}
	items := list()
	if len(items) != 5 || items[1].Id != series.Id+"_20260303T080000Z" || items[1].RecurringEventId != series.Id ||
		items[1].OriginalStartTime == nil || items[1].Start.DateTime != "2026-03-03T08:00:00Z" {
		t.Fatalf("instances: %d, first %+v", len(items), items[1])
	}
	inst, err := svc.Events.Get("primary", items[2].Id).Do()
	if err != nil || inst.RecurringEventId != series.Id {
		t.Fatalf("get instance: %v", err)
	}
	if _, err := svc.Events.Patch("primary", items[2].Id, &calendar.Event{Summary: "Habit (moved)"}).Do(); err != nil {
		t.Fatal(err)
	}
	if err := svc.Events.Delete("primary", items[3].Id).Do(); err != nil {
		t.Fatal(err)
	}
	items = list()
	if len(items) != 4 || items[2].Summary != "Habit (moved)" {
		t.Fatalf("after changing one instance and deleting another: %d %+v", len(items), items)
	}
	masters, err := svc.Events.List("primary").Q("Habit").Do()
	if err != nil || len(masters.Items) != 2 || len(masters.Items[0].Recurrence) == 0 {
		t.Errorf("singleEvents=false lists the series and its exception: %v %d", err, len(masters.Items))
	}
	if _, err := svc.Events.Get("primary", series.Id+"_20260403T080000Z").Do(); code(t, err) != 404 {
		t.Errorf("an instance the rule never produces: %v", err)
	}
	if inst, err := svc.Events.Instances("primary", series.Id).Do(); err != nil || len(inst.Items) != 4 {
		t.Errorf("instances: %v %d", err, len(inst.Items))
	}
}

func TestDemoEventsFillTheDefaultWindowWheneverItRuns(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	for _, advance := range []time.Duration{0, 3 * 24 * time.Hour, 40 * 24 * time.Hour, 400 * 24 * time.Hour} {
		sb.AdvanceClock(advance)
		svc := serviceFor(t, sb, scopeCalendarRO) // a fresh token: the old one expired with the jump
		from, to := window(sb, 0, 7)
		got, err := svc.Events.List("primary").SingleEvents(true).OrderBy("startTime").TimeMin(from).TimeMax(to).Do()
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Items) < 7 {
			t.Errorf("after +%v: only %d events in today→+7d", advance, len(got.Items))
		}
	}
}

func TestEventsPagesTerminateAndCoverEverything(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	from, to := window(sb, -7, 21)
	all, err := svc.Events.List("primary").SingleEvents(true).OrderBy("startTime").TimeMin(from).TimeMax(to).MaxResults(2500).Do()
	if err != nil {
		t.Fatal(err)
	}
	var paged []string
	pages := 0
	err = svc.Events.List("primary").SingleEvents(true).OrderBy("startTime").TimeMin(from).TimeMax(to).MaxResults(7).
		Pages(t.Context(), func(p *calendar.Events) error {
			pages++
			if p.NextPageToken == "" && p.NextSyncToken == "" {
				t.Error("last page lacks nextSyncToken")
			}
			if p.NextPageToken != "" && p.NextSyncToken != "" {
				t.Error("nextSyncToken on a page that is not the last")
			}
			for _, e := range p.Items {
				paged = append(paged, e.Id)
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(paged) != len(all.Items) || pages != (len(all.Items)+6)/7 {
		t.Fatalf("paged %d events in %d pages; one page has %d", len(paged), pages, len(all.Items))
	}
	for i := range paged {
		if paged[i] != all.Items[i].Id {
			t.Fatalf("page order differs at %d", i)
		}
	}
}

func TestSearchTimeZoneAndSyncToken(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	found, err := svc.Events.List("primary").Q("dentist").Do()
	if err != nil || len(found.Items) != 1 || found.Items[0].Summary != "Dentist appointment" {
		t.Fatalf("q=dentist: %v %+v", err, found)
	}
	zoned, err := svc.Events.List("primary").Q("dentist").TimeZone("Europe/Berlin").Do()
	if err != nil || zoned.TimeZone != "Europe/Berlin" || !strings.HasSuffix(zoned.Items[0].Start.DateTime, "+01:00") {
		t.Fatalf("timeZone: %v %+v", err, zoned.Items[0].Start)
	}
	full, err := svc.Events.List("primary").MaxResults(2500).Do()
	if err != nil || full.NextSyncToken == "" {
		t.Fatalf("full sync: %v", err)
	}
	sb.AdvanceClock(time.Minute)
	start, end := timed("2026-03-06T10:00:00Z", 30)
	if _, err := svc.Events.Insert("primary", &calendar.Event{Summary: "New since sync", Start: start, End: end}).Do(); err != nil {
		t.Fatal(err)
	}
	delta, err := svc.Events.List("primary").SyncToken(full.NextSyncToken).Do()
	if err != nil || len(delta.Items) != 1 || delta.Items[0].Summary != "New since sync" {
		t.Fatalf("incremental sync: %v %+v", err, delta)
	}
	_, err = svc.Events.List("primary").SyncToken(full.NextSyncToken).Q("x").Do()
	if code(t, err) != 400 {
		t.Errorf("syncToken with q: %v", err)
	}
}

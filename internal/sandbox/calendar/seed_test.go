package calendar_test

import (
	"testing"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestDemoDataHasAnInvitationToAnswer(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	from, to := window(sb, 0, 7)
	list, err := svc.Events.List("primary").Q("architecture").TimeMin(from).TimeMax(to).SingleEvents(true).Do()
	if err != nil || len(list.Items) != 1 {
		t.Fatalf("invitation: %v %+v", err, list)
	}
	inv := list.Items[0]
	if inv.Organizer.Self || inv.Organizer.Email != "ada@example.com" {
		t.Errorf("organizer: %+v", inv.Organizer)
	}
	var me *calendar.EventAttendee
	for _, a := range inv.Attendees {
		if a.Self {
			me = a
		}
	}
	if me == nil || me.Email != sandboxtest.Account || me.ResponseStatus != "needsAction" {
		t.Fatalf("the account's own entry: %+v", inv.Attendees)
	}
	// Answering is a patch of the guest list; the organizer stays Ada's.
	me.ResponseStatus = "accepted"
	got, err := svc.Events.Patch("primary", inv.Id, &calendar.Event{Attendees: inv.Attendees}).Do()
	if err != nil || got.Organizer.Email != "ada@example.com" || !got.Attendees[0].Organizer || got.Attendees[1].ResponseStatus != "accepted" {
		t.Fatalf("answer: %v %+v", err, got)
	}
}

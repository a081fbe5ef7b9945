package calendar

import (
	"crypto/rand"
	"encoding/hex"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/output"
)

// meetRequest asks Google for a new Meet conference. The requestId is random per invocation: Google treats a
// repeated requestId as the same request (and returns the conference it made for it), so reusing one would
// hand a second event the first one's meeting.
func meetRequest() *calendar.ConferenceData {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return &calendar.ConferenceData{CreateRequest: &calendar.CreateConferenceRequest{
		RequestId:             "gog-" + hex.EncodeToString(b),
		ConferenceSolutionKey: &calendar.ConferenceSolutionKey{Type: "hangoutsMeet"},
	}}
}

// hasConference reports whether the event already has a conference, or one Google is still creating.
func hasConference(e *calendar.Event) bool {
	if meetLink(e) != "" || (e.ConferenceData != nil && len(e.ConferenceData.EntryPoints) > 0) {
		return true
	}
	cd := e.ConferenceData
	return cd != nil && cd.CreateRequest != nil && cd.CreateRequest.Status != nil && cd.CreateRequest.Status.StatusCode == "pending"
}

// meetLink is the event's video join link, "" when it has none (yet).
func meetLink(e *calendar.Event) string {
	if e.HangoutLink != "" {
		return e.HangoutLink
	}
	if e.ConferenceData != nil {
		for _, ep := range e.ConferenceData.EntryPoints {
			if ep.EntryPointType == "video" {
				return ep.Uri
			}
		}
	}
	return ""
}

// hintMeet tells a person where to join (in table and plain modes; JSON carries hangoutLink and conferenceData).
// Google may still be creating the conference when it answers ("pending"), or may have failed to.
func hintMeet(a *app.App, e *calendar.Event, calID string) {
	p := a.Printer()
	if p.Format == output.FormatJSON {
		return
	}
	if link := meetLink(e); link != "" {
		p.Hintf("Meet: %s", link)
		return
	}
	status := ""
	if cd := e.ConferenceData; cd != nil && cd.CreateRequest != nil && cd.CreateRequest.Status != nil {
		status = cd.CreateRequest.Status.StatusCode
	}
	if status == "failure" {
		p.Hintf("Google could not create the Meet conference; try again with: %s calendar update %s %s --with-meet", a.GogCommand(), calID, e.Id)
		return
	}
	p.Hintf("Google is still creating the Meet link; see it with: %s calendar event %s %s", a.GogCommand(), calID, e.Id)
}

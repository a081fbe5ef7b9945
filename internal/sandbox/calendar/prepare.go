package calendar

import (
	"crypto/sha256"
	"strings"
	"time"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
)

// conferenceVersion reads conferenceDataVersion (0 or 1): only at 1 does Calendar act on conferenceData.
func conferenceVersion(c *gapi.Call) (int, error) {
	n, ok, err := c.Int("conferenceDataVersion")
	if err != nil || (ok && (n < 0 || n > 1)) {
		return 0, gapi.InvalidParam("conferenceDataVersion")
	}
	return n, nil
}

// checkSendUpdates validates sendUpdates (accepted and ignored: the sandbox sends no mail).
func checkSendUpdates(c *gapi.Call) error {
	switch c.String("sendUpdates") {
	case "", "all", "externalOnly", "none":
		return nil
	}
	return gapi.InvalidParam("sendUpdates")
}

// prepare validates a new or changed event and sets what the server owns: ids, links, creator and organizer,
// created/updated, sequence, attendee defaults, the Meet conference and the etag. prev is the stored event a
// patch or update replaces (nil on insert).
func prepare(c *gapi.Call, cal calRecord, ev, prev *calendar.Event, confVersion int) error {
	sp, err := eventSpan(ev, cal.loc())
	if err != nil {
		return err
	}
	if len(ev.Recurrence) > 0 {
		if ev.RecurringEventId != "" || (prev != nil && prev.RecurringEventId != "") {
			return gapi.BadRequest("Invalid recurrence rule.")
		}
		if _, err := parseRecurrence(ev.Recurrence, sp.loc); err != nil {
			return &gapi.Error{Code: 400, Message: "Invalid recurrence rule.", Reason: "invalid"}
		}
	}
	if err := checkEnums(ev); err != nil {
		return err
	}
	now := stamp(c.Now)
	if prev == nil {
		ev.Created, ev.ICalUID, ev.Sequence = now, ev.Id+"@google.com", max(ev.Sequence, 0)
		ev.Creator = &calendar.EventCreator{Email: c.Principal.Email, Self: true}
		ev.Organizer = &calendar.EventOrganizer{Email: cal.ID, Self: true}
		if !cal.Primary {
			ev.Organizer.DisplayName = cal.Summary
		}
	} else {
		ev.Id, ev.Created, ev.Creator, ev.Organizer, ev.ICalUID = prev.Id, prev.Created, prev.Creator, prev.Organizer, prev.ICalUID
		ev.RecurringEventId, ev.OriginalStartTime = prev.RecurringEventId, prev.OriginalStartTime
		seq := prev.Sequence
		if timingChanged(prev, ev) {
			seq++
		}
		ev.Sequence = max(seq, ev.Sequence)
	}
	ev.Kind, ev.Updated, ev.HtmlLink = "calendar#event", now, htmlLink(ev.Id, cal.ID)
	if ev.Status == "" {
		ev.Status = "confirmed"
	}
	if ev.EventType == "" {
		ev.EventType = "default"
	}
	if ev.Reminders == nil {
		ev.Reminders = &calendar.EventReminders{UseDefault: true}
	}
	for _, a := range ev.Attendees {
		if a == nil || a.Email == "" {
			return &gapi.Error{Code: 400, Message: "Missing attendee email.", Reason: "required"}
		}
		a.Email = strings.ToLower(a.Email)
		a.Self = a.Email == c.Principal.Email
		a.Organizer = ev.Organizer != nil && a.Email == ev.Organizer.Email
		switch a.ResponseStatus {
		case "":
			a.ResponseStatus = "needsAction"
			if a.Organizer {
				a.ResponseStatus = "accepted"
			}
		case "needsAction", "declined", "tentative", "accepted":
		default:
			return gapi.BadRequest("Invalid attendee response status.")
		}
	}
	if err := applyConference(c, cal, ev, prev, confVersion); err != nil {
		return err
	}
	withETag(ev)
	return nil
}

func checkEnums(ev *calendar.Event) error {
	inSet := func(v string, set ...string) bool {
		if v == "" {
			return true
		}
		for _, s := range set {
			if v == s {
				return true
			}
		}
		return false
	}
	switch {
	case !inSet(ev.Status, "confirmed", "tentative", "cancelled"):
		return &gapi.Error{Code: 400, Message: "Invalid value for: status", Reason: "invalid"}
	case !inSet(ev.Visibility, "default", "public", "private", "confidential"):
		return &gapi.Error{Code: 400, Message: "Invalid value for: visibility", Reason: "invalid"}
	case !inSet(ev.Transparency, "opaque", "transparent"):
		return &gapi.Error{Code: 400, Message: "Invalid value for: transparency", Reason: "invalid"}
	case ev.ColorId != "" && !validEventColor(ev.ColorId):
		return &gapi.Error{Code: 400, Message: "Invalid color ID.", Reason: "invalid"}
	}
	return checkReminders(ev.Reminders)
}

// checkReminders applies Google's limits on reminder overrides: not together with the default reminders, at
// most 5, each popup or email, 0 to 40320 minutes (four weeks) before the start. (The exact messages of the
// last three are not documented; the reasons and status are Calendar's usual ones.)
func checkReminders(r *calendar.EventReminders) error {
	if r == nil {
		return nil
	}
	switch {
	case r.UseDefault && len(r.Overrides) > 0:
		return &gapi.Error{Code: 400, Message: "Cannot specify both default reminders and overrides at the same time.",
			Reason: "cannotUseDefaultRemindersAndSpecifyOverride"}
	case len(r.Overrides) > 5:
		return &gapi.Error{Code: 400, Message: "Too many reminders.", Reason: "invalid"}
	}
	for _, o := range r.Overrides {
		if o == nil || (o.Method != "popup" && o.Method != "email") {
			return &gapi.Error{Code: 400, Message: "Invalid reminder method.", Reason: "invalid"}
		}
		if o.Minutes < 0 || o.Minutes > 40320 {
			return &gapi.Error{Code: 400, Message: "Invalid reminder minutes value.", Reason: "invalid"}
		}
	}
	return nil
}

// timingChanged reports a change Google bumps the sequence for: start, end or recurrence.
func timingChanged(prev, ev *calendar.Event) bool {
	same := func(a, b *calendar.EventDateTime) bool {
		if a == nil || b == nil {
			return a == b
		}
		return a.Date == b.Date && a.DateTime == b.DateTime && a.TimeZone == b.TimeZone
	}
	return !same(prev.Start, ev.Start) || !same(prev.End, ev.End) || strings.Join(prev.Recurrence, "\n") != strings.Join(ev.Recurrence, "\n")
}

// applyConference implements conferenceData: ignored unless conferenceDataVersion=1; then a createRequest with
// a new requestId creates a Meet conference (the same requestId keeps the existing one), and conferenceData
// without a createRequest is taken as sent (null removes it).
func applyConference(c *gapi.Call, cal calRecord, ev, prev *calendar.Event, confVersion int) error {
	switch {
	case confVersion == 0:
		ev.ConferenceData = nil
		if prev != nil {
			ev.ConferenceData = prev.ConferenceData
		}
	case ev.ConferenceData != nil && ev.ConferenceData.CreateRequest != nil:
		cr := ev.ConferenceData.CreateRequest
		if cr.RequestId == "" {
			return &gapi.Error{Code: 400, Message: "Missing conference request id.", Reason: "required"}
		}
		if cr.ConferenceSolutionKey != nil && cr.ConferenceSolutionKey.Type != "" && cr.ConferenceSolutionKey.Type != "hangoutsMeet" {
			return &gapi.Error{Code: 400, Message: "Invalid conference type value.", Reason: "invalid"}
		}
		if prev != nil && prev.ConferenceData != nil && prev.ConferenceData.CreateRequest != nil &&
			prev.ConferenceData.CreateRequest.RequestId == cr.RequestId {
			ev.ConferenceData = prev.ConferenceData
		} else {
			ev.ConferenceData = meetConference(c.Principal.Email, cal.ID, cr.RequestId)
		}
	}
	ev.HangoutLink = ""
	if cd := ev.ConferenceData; cd != nil && cd.ConferenceSolution != nil && cd.ConferenceSolution.Key != nil &&
		cd.ConferenceSolution.Key.Type == "hangoutsMeet" {
		for _, ep := range cd.EntryPoints {
			if ep.EntryPointType == "video" {
				ev.HangoutLink = ep.Uri
			}
		}
	}
	return nil
}

// meetConference is the Meet conference for a create request; its code is derived from the request id, so
// retrying the same request yields the same conference.
func meetConference(email, calID, requestID string) *calendar.ConferenceData {
	h := sha256.Sum256([]byte(email + "\x00" + calID + "\x00" + requestID))
	letters := make([]byte, 10)
	for i := range letters {
		letters[i] = 'a' + h[i]%26
	}
	code := string(letters[:3]) + "-" + string(letters[3:7]) + "-" + string(letters[7:])
	return &calendar.ConferenceData{
		ConferenceId: code,
		ConferenceSolution: &calendar.ConferenceSolution{
			Key:     &calendar.ConferenceSolutionKey{Type: "hangoutsMeet"},
			Name:    "Google Meet",
			IconUri: "https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png",
		},
		CreateRequest: &calendar.CreateConferenceRequest{
			RequestId:             requestID,
			ConferenceSolutionKey: &calendar.ConferenceSolutionKey{Type: "hangoutsMeet"},
			Status:                &calendar.ConferenceRequestStatus{StatusCode: "success"},
		},
		EntryPoints: []*calendar.EntryPoint{{
			EntryPointType: "video", Uri: "https://meet.google.com/" + code, Label: "meet.google.com/" + code,
		}},
	}
}

// rfc3339 parses an RFC 3339 string from a request body.
func rfc3339(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}

package calendar

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
	"github.com/gogcli/gog/internal/timeparse"
)

// UpdateOptions are the flags and arguments of `gog calendar update`.
type UpdateOptions struct {
	Calendar, EventID string
	EventFields
}

// changeFlags are the flags that change an event (as opposed to --timezone and --send-updates, which only say
// how to change it).
func changeFlags() []string {
	return []string{"summary", "description", "location", "from", "to", "duration", "all-day", "attendees",
		"recurrence", "reminder", "visibility", "color", "with-meet"}
}

// NewCmdUpdate returns `gog calendar update CAL ID`; runF replaces the run function in flag tests.
func NewCmdUpdate(a *app.App, runF func(context.Context, *UpdateOptions) error) *cobra.Command {
	opts := &UpdateOptions{}
	cmd := &cobra.Command{
		Use:   "update CAL ID [flags]",
		Short: "Change an event: only the fields you give",
		Long: `Change an event, sending Google only the fields given (a PATCH); an empty value clears a field
(--description ""). Times accept ` + timeparse.Forms + `.

A new --from alone moves the event and keeps its length; a new --to or --duration alone keeps its start.
--attendees replaces the guest list, keeping the answers of guests who stay. --with-meet adds a Google Meet
link unless the event already has one.

gog reads the event first and sends the change only if nobody changed the event in between (If-Match); if
somebody did, nothing is overwritten and the command fails with a conflict: run it again.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Calendar, opts.EventID = args[0], args[1]
			if err := opts.validate(cmd.Flags()); err != nil {
				return err
			}
			changes := false
			for _, name := range changeFlags() {
				changes = changes || opts.Given(name)
			}
			if !changes {
				return errs.Usagef("nothing to change").
					WithHint("give at least one of --%s", strings.Join(changeFlags(), ", --"))
			}
			if opts.Given("all-day") {
				if err := opts.checkKinds(opts.AllDay); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return updateRun(cmd.Context(), a, opts)
		},
	}
	addEventFlags(cmd, &opts.EventFields)
	return cmd
}

func updateRun(ctx context.Context, a *app.App, opts *UpdateOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	cur, err := svc.Events.Get(opts.Calendar, opts.EventID).Context(ctx).Do()
	if err != nil {
		return err
	}
	patch, err := opts.patch(ctx, a, svc, cur)
	if err != nil {
		return err
	}
	addMeet := opts.WithMeet && !hasConference(cur)
	if raw, err := patch.MarshalJSON(); err == nil && string(raw) == "{}" && !addMeet {
		// Only --with-meet, and the event already has a conference: there is nothing to write.
		hintKeptConference(a)
		if err := a.Printer().Resource(cur, eventTable(cur)); err != nil {
			return err
		}
		hintMeet(a, cur, opts.Calendar)
		return nil
	}
	if addMeet {
		patch.ConferenceData = meetRequest()
	}
	call := svc.Events.Patch(opts.Calendar, opts.EventID, patch)
	if addMeet {
		call = call.ConferenceDataVersion(1)
	}
	if opts.SendUpdates != "" {
		call = call.SendUpdates(opts.SendUpdates)
	}
	call.Header().Set("If-Match", cur.Etag)
	updated, err := call.Context(ctx).Do()
	if err != nil {
		return err
	}
	if err := a.Printer().Resource(updated, eventTable(updated)); err != nil {
		return err
	}
	if opts.WithMeet {
		if !addMeet {
			hintKeptConference(a)
		}
		hintMeet(a, updated, opts.Calendar)
	}
	return nil
}

func hintKeptConference(a *app.App) {
	if p := a.Printer(); p.Format != output.FormatJSON {
		p.Hintf("the event already has a conference: kept it (gog does not replace a Meet link)")
	}
}

// patch is the PATCH body: the given fields only. Fields set to "" are sent (ForceSendFields) so they clear.
func (o *UpdateOptions) patch(ctx context.Context, a *app.App, svc *calendar.Service, cur *calendar.Event) (*calendar.Event, error) {
	p := &calendar.Event{}
	str := func(flag, field, v string, dst *string) {
		if o.Given(flag) {
			*dst = v
			if v == "" {
				p.ForceSendFields = append(p.ForceSendFields, field)
			}
		}
	}
	str("summary", "Summary", o.Summary, &p.Summary)
	str("description", "Description", o.Description, &p.Description)
	str("location", "Location", o.Location, &p.Location)
	str("visibility", "Visibility", o.Visibility, &p.Visibility)
	color, err := eventColor(o.Color)
	if err != nil {
		return nil, err
	}
	str("color", "ColorId", color, &p.ColorId)
	if o.Given("attendees") {
		p.Attendees = keepAnswers(cur.Attendees, attendees(o.Attendees))
		p.ForceSendFields = append(p.ForceSendFields, "Attendees")
	}
	if o.Given("recurrence") {
		if p.Recurrence, err = recurrence(o.Recurrence); err != nil {
			return nil, err
		}
		p.ForceSendFields = append(p.ForceSendFields, "Recurrence")
	}
	if o.Given("reminder") {
		if p.Reminders, err = reminders(o.Reminders); err != nil {
			return nil, err
		}
	}
	old, err := eventSpan(cur)
	if err != nil && (o.Given("from") || o.Given("to") || o.Given("duration") || o.Given("all-day")) {
		return nil, err
	}
	allDay := old.allDay
	if o.Given("all-day") {
		allDay = o.AllDay
	}
	loc, known, err := resolveZone(ctx, a, svc, o.Timezone, o.Calendar, o.needsZone(allDay))
	if err != nil {
		return nil, err
	}
	z := zone{loc: loc}
	if known {
		z.name = loc.String()
	}
	s, changed, err := o.changedSpan(cur, a.Clock.Now(), z)
	if err != nil {
		return nil, err
	}
	switch {
	case changed:
		p.Start, p.End = s.wire(z, s.allDay != old.allDay)
	case len(p.Recurrence) > 0 && !old.allDay && cur.Start.TimeZone == "" && z.name != "":
		// Google expands a timed series in a named zone: an event made with offsets only gets the calendar's.
		p.Start, p.End = old.wire(z, false)
	}
	return p, nil
}

// keepAnswers is the new guest list with each staying guest's entry as it was (response, comment, name), so
// replacing the list does not reset anyone's answer.
func keepAnswers(old, next []*calendar.EventAttendee) []*calendar.EventAttendee {
	byEmail := map[string]*calendar.EventAttendee{}
	for _, at := range old {
		byEmail[strings.ToLower(at.Email)] = at
	}
	out := make([]*calendar.EventAttendee, 0, len(next))
	for _, at := range next {
		if prev, ok := byEmail[strings.ToLower(at.Email)]; ok {
			at = prev
		}
		out = append(out, at)
	}
	return out
}

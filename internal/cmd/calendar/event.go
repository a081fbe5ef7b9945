package calendar

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/output"
)

// EventOptions are the arguments of `gog calendar event`.
type EventOptions struct {
	Calendar, EventID string
}

// NewCmdEvent returns `gog calendar event CAL ID`; runF replaces the run function in flag tests.
func NewCmdEvent(a *app.App, runF func(context.Context, *EventOptions) error) *cobra.Command {
	opts := &EventOptions{}
	return &cobra.Command{
		Use:   "event CAL ID",
		Short: "Show one event",
		Long: `Show one event: times, place, guests and their answers, Meet link, recurrence. CAL is a calendar ID
("primary" for yours); ID is an event ID as "gog calendar events" lists it (an instance of a recurring event
has its own ID).`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Calendar, opts.EventID = args[0], args[1]
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return eventRun(cmd.Context(), a, opts)
		},
	}
}

func eventRun(ctx context.Context, a *app.App, opts *EventOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	e, err := svc.Events.Get(opts.Calendar, opts.EventID).Context(ctx).Do()
	if err != nil {
		return err
	}
	return a.Printer().Resource(e, eventTable(e))
}

// eventTable is the field/value view of one event that every event command prints in table and plain modes.
func eventTable(e *calendar.Event) *output.Table {
	t := &output.Table{Header: []string{"FIELD", "VALUE"}}
	t.AddRow("id", e.Id)
	t.AddRow("summary", e.Summary)
	t.AddRow("start", when(e.Start))
	t.AddRow("end", when(e.End))
	if e.Start != nil && e.Start.Date != "" {
		t.AddRow("all day", "yes")
	}
	if e.Status != "" && e.Status != "confirmed" {
		t.AddRow("status", e.Status)
	}
	addIf(t, "location", e.Location)
	addIf(t, "description", e.Description)
	if o := e.Organizer; o != nil && !o.Self {
		t.AddRow("organizer", firstNonEmpty(o.DisplayName, o.Email))
	}
	if len(e.Attendees) > 0 {
		var guests []string
		for _, at := range e.Attendees {
			guests = append(guests, fmt.Sprintf("%s (%s)", at.Email, at.ResponseStatus))
		}
		t.AddRow("attendees", strings.Join(guests, ", "))
	}
	addIf(t, "recurrence", strings.Join(e.Recurrence, "; "))
	addIf(t, "recurring event", e.RecurringEventId)
	addIf(t, "meet", meetLink(e))
	addIf(t, "visibility", strings.TrimPrefix(e.Visibility, "default"))
	if e.ColorId != "" {
		t.AddRow("color", strings.TrimSpace(e.ColorId+" "+eventColorName(e.ColorId)))
	}
	addIf(t, "link", e.HtmlLink)
	return t
}

package calendar

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/timeparse"
)

// CreateOptions are the flags and arguments of `gog calendar create`.
type CreateOptions struct {
	Calendar string
	EventFields
}

// NewCmdCreate returns `gog calendar create [CAL]`; runF replaces the run function in flag tests.
func NewCmdCreate(a *app.App, runF func(context.Context, *CreateOptions) error) *cobra.Command {
	opts := &CreateOptions{}
	cmd := &cobra.Command{
		Use:   "create [CAL] --summary TEXT --from TIME [--to TIME | --duration D]",
		Short: "Create an event (optionally with a Google Meet link)",
		Long: `Create an event in CAL (default "primary").

--from and --to accept ` + timeparse.Forms + `. They are read in --timezone, else the config's timezone, else
the calendar's own zone. Without --to the event lasts --duration, else one hour. With --all-day they are dates,
--to being the last day (default: one day).

--with-meet asks Google for a Meet conference and prints its link (on stderr; with --json the event's
hangoutLink and conferenceData carry it). --dry-run prints the request instead of sending it.

gog sends the insert once and never repeats it: if Google answers with a server error, the event may or may not
exist, and gog says so rather than risk a duplicate.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Calendar = "primary"
			if len(args) == 1 {
				opts.Calendar = args[0]
			}
			if err := opts.validate(cmd.Flags()); err != nil {
				return err
			}
			if strings.TrimSpace(opts.Summary) == "" {
				return errs.Usagef("--summary is required").WithHint(`give the event a title: --summary "Team lunch"`)
			}
			if opts.From == "" {
				return errs.Usagef("--from is required").WithHint(`say when it starts: --from "tomorrow 10:00" (or --all-day --from 2026-03-05)`)
			}
			if err := opts.checkKinds(opts.AllDay); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return createRun(cmd.Context(), a, opts)
		},
	}
	addEventFlags(cmd, &opts.EventFields)
	return cmd
}

func createRun(ctx context.Context, a *app.App, opts *CreateOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	loc, known, err := resolveZone(ctx, a, svc, opts.Timezone, opts.Calendar, opts.needsZone(opts.AllDay))
	if err != nil {
		return err
	}
	z := zone{loc: loc}
	if known {
		z.name = loc.String()
	}
	s, err := opts.newSpan(a.Clock.Now(), z)
	if err != nil {
		return err
	}
	ev, err := opts.newEvent(s, z)
	if err != nil {
		return err
	}
	call := svc.Events.Insert(opts.Calendar, ev)
	if opts.WithMeet {
		call = call.ConferenceDataVersion(1)
	}
	if opts.SendUpdates != "" {
		call = call.SendUpdates(opts.SendUpdates)
	}
	created, err := call.Context(ctx).Do()
	if err != nil {
		return err
	}
	if err := a.Printer().Resource(created, eventTable(created)); err != nil {
		return err
	}
	if opts.WithMeet {
		hintMeet(a, created, opts.Calendar)
	}
	return nil
}

// newEvent is the event the flags describe.
func (f *EventFields) newEvent(s span, z zone) (*calendar.Event, error) {
	ev := &calendar.Event{Summary: f.Summary, Description: f.Description, Location: f.Location, Visibility: f.Visibility}
	ev.Start, ev.End = s.wire(z, false)
	if len(f.Attendees) > 0 {
		ev.Attendees = attendees(f.Attendees)
	}
	var err error
	if ev.Recurrence, err = recurrence(f.Recurrence); err != nil {
		return nil, err
	}
	if ev.Reminders, err = reminders(f.Reminders); err != nil {
		return nil, err
	}
	if ev.ColorId, err = eventColor(f.Color); err != nil {
		return nil, err
	}
	if f.WithMeet {
		ev.ConferenceData = meetRequest()
	}
	return ev, nil
}

package calendar

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
)

// RespondOptions are the flags and arguments of `gog calendar respond`.
type RespondOptions struct {
	Calendar, EventID string
	Status            string
	Comment           string
	SendUpdates       string
}

// NewCmdRespond returns `gog calendar respond CAL ID --status S`; runF replaces the run function in flag tests.
func NewCmdRespond(a *app.App, runF func(context.Context, *RespondOptions) error) *cobra.Command {
	opts := &RespondOptions{}
	cmd := &cobra.Command{
		Use:   "respond CAL ID --status accepted|declined|tentative",
		Short: "Answer an invitation: accept, decline or maybe",
		Long: `Answer an invitation: sets your own entry in the event's guest list and nothing else. Works on one
instance of a recurring event (its ID from "gog calendar events") or on the whole series.

gog reads the event and sends the answer only if the guest list did not change in between (If-Match), so
nobody else's answer is overwritten; on a conflict, run it again.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Calendar, opts.EventID = args[0], args[1]
			switch opts.Status {
			case "accepted", "declined", "tentative":
			case "":
				return errs.Usagef("--status is required").WithHint("--status accepted, declined or tentative")
			default:
				return errs.Usagef("--status %q: use accepted, declined or tentative", opts.Status)
			}
			if err := checkSendUpdates(opts.SendUpdates); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return respondRun(cmd.Context(), a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Status, "status", "", "your answer: accepted, declined or tentative")
	f.StringVar(&opts.Comment, "comment", "", "a note to the organizer with your answer")
	f.StringVar(&opts.SendUpdates, "send-updates", "", "who Google emails about your answer: all, externalOnly or none")
	return cmd
}

func respondRun(ctx context.Context, a *app.App, opts *RespondOptions) error {
	g, err := a.Google(ctx)
	if err != nil {
		return err
	}
	svc, err := g.Calendar(ctx)
	if err != nil {
		return err
	}
	ev, err := svc.Events.Get(opts.Calendar, opts.EventID).Context(ctx).Do()
	if err != nil {
		return err
	}
	me := selfAttendee(ev.Attendees, g.Account)
	if me == nil {
		who := "you"
		if g.Account != "" {
			who = g.Account
		}
		return errs.New(errs.Invalid, "%s %s not on the guest list of event %s (%q)", who, isAre(who), ev.Id, ev.Summary).
			WithHint("respond answers invitations; to change your own event, use: %s calendar update %s %s", a.GogCommand(), opts.Calendar, opts.EventID)
	}
	// The guest list is patched whole (Google has no per-guest patch); If-Match keeps others' answers safe.
	me.ResponseStatus = opts.Status
	if opts.Comment != "" {
		me.Comment = opts.Comment
	}
	call := svc.Events.Patch(opts.Calendar, opts.EventID, &calendar.Event{Attendees: ev.Attendees})
	if opts.SendUpdates != "" {
		call = call.SendUpdates(opts.SendUpdates)
	}
	call.Header().Set("If-Match", ev.Etag)
	updated, err := call.Context(ctx).Do()
	if err != nil {
		return err
	}
	return a.Printer().Resource(updated, eventTable(updated))
}

// selfAttendee is the caller's own guest entry: the one Google marks self, else the one with the signed-in
// address (in case an answer lacks the self flag).
func selfAttendee(list []*calendar.EventAttendee, account string) *calendar.EventAttendee {
	for _, at := range list {
		if at.Self {
			return at
		}
	}
	for _, at := range list {
		if account != "" && strings.EqualFold(at.Email, account) {
			return at
		}
	}
	return nil
}

func isAre(who string) string {
	if who == "you" {
		return "are"
	}
	return "is"
}

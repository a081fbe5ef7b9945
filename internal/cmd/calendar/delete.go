package calendar

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/output"
)

// DeleteOptions are the flags and arguments of `gog calendar delete`.
type DeleteOptions struct {
	Calendar, EventID string
	SendUpdates       string
}

// Deleted is what `delete` prints: Google answers a delete with no body.
type Deleted struct {
	CalendarID string `json:"calendarId"`
	EventID    string `json:"eventId"`
	Deleted    bool   `json:"deleted"`
}

// NewCmdDelete returns `gog calendar delete CAL ID`; runF replaces the run function in flag tests.
func NewCmdDelete(a *app.App, runF func(context.Context, *DeleteOptions) error) *cobra.Command {
	opts := &DeleteOptions{}
	cmd := &cobra.Command{
		Use:   "delete CAL ID",
		Short: "Delete an event (asks first; --force without a terminal)",
		Long: `Delete an event. The ID of a recurring event deletes the whole series; the ID of one instance (as
"gog calendar events" lists it) deletes only that occurrence.

On a terminal gog asks first; scripts must pass --force. --dry-run prints the request and needs no --force.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Calendar, opts.EventID = args[0], args[1]
			if err := checkSendUpdates(opts.SendUpdates); err != nil {
				return err
			}
			if !a.Flags.DryRun {
				if err := a.Confirm(fmt.Sprintf("delete event %s from calendar %s", opts.EventID, opts.Calendar)); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return deleteRun(cmd.Context(), a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.SendUpdates, "send-updates", "", "who Google emails about the cancellation: all, externalOnly or none")
	return cmd
}

func deleteRun(ctx context.Context, a *app.App, opts *DeleteOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	call := svc.Events.Delete(opts.Calendar, opts.EventID)
	if opts.SendUpdates != "" {
		call = call.SendUpdates(opts.SendUpdates)
	}
	if err := call.Context(ctx).Do(); err != nil {
		return err
	}
	t := &output.Table{Header: []string{"CALENDAR", "EVENT", "STATUS"}}
	t.AddRow(opts.Calendar, opts.EventID, "deleted")
	return a.Printer().Resource(Deleted{CalendarID: opts.Calendar, EventID: opts.EventID, Deleted: true}, t)
}

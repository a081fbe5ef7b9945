// Package calendar implements `gog calendar` (alias `cal`): calendars, ACLs, colours, events (list, search, show,
// create with Meet, update, delete, respond), free/busy and conflicts.
//
// Each verb is one file with an options struct, NewCmdX(app, runF) (runF lets flag tests capture the parsed
// options) and an xRun function that talks to Google through app.Google and prints through app.Printer. Flags
// are checked, typed times included, before any request: a usage error (exit 2) sends nothing.
//
// Design choices:
//   - Typed times are read in --timezone, else the config's timezone, else the calendar's own zone; the last
//     costs one calendarList.get, made only when a time has no offset of its own. A zone is written into an
//     event only when one was chosen that way, never the stand-in UTC.
//   - update and respond read the event and PATCH it with If-Match: update sends only the fields given (an
//     empty value clears), respond sends the guest list with only the caller's answer changed; a concurrent
//     change fails as a conflict instead of being overwritten.
//   - create's insert is a POST that the transport never repeats after a 5xx (it may have been applied), so a
//     retry cannot make a duplicate; the Meet createRequest carries a fresh random requestId per invocation.
//   - conflicts computes overlaps locally, with one sweep over the busy periods of one freeBusy query.
package calendar

import (
	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
)

// New returns the `calendar` command group.
func New(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:         "calendar",
		Aliases:     []string{"cal"},
		Short:       "Google Calendar: calendars, events (with Meet links), free/busy",
		Annotations: map[string]string{app.ServiceAnnotation: "calendar"},
	}
	cmd.AddCommand(
		NewCmdCalendars(a, nil),
		NewCmdGet(a, nil),
		NewCmdColors(a),
		NewCmdACL(a, nil),
		NewCmdEvents(a, nil),
		NewCmdEvent(a, nil),
		NewCmdSearch(a, nil),
		NewCmdCreate(a, nil),
		NewCmdUpdate(a, nil),
		NewCmdDelete(a, nil),
		NewCmdRespond(a, nil),
		NewCmdFreeBusy(a, nil),
		NewCmdConflicts(a, nil),
	)
	return cmd
}

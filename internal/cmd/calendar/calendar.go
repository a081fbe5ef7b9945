// Package calendar implements `gog calendar` (alias `cal`): calendars, events (with Meet), free/busy.
//
// Each verb is one file with an options struct, NewCmdX(app, runF) (runF lets flag tests capture the parsed
// options) and an xRun function that talks to Google through app.Google and prints through app.Printer.
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
	cmd.AddCommand(NewCmdEvents(a, nil))
	return cmd
}

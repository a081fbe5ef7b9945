package calendar

import (
	"context"

	"github.com/spf13/cobra"
	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdutil"
	"github.com/gogcli/gog/internal/output"
)

// maxCalendarsPerPage is calendarList.list's (and acl.list's) cap on maxResults.
const maxCalendarsPerPage = 250

// CalendarsOptions are the flags of `gog calendar calendars`.
type CalendarsOptions struct {
	Paging cmdutil.Paging
}

// NewCmdCalendars returns `gog calendar calendars`; runF replaces the run function in flag tests.
func NewCmdCalendars(a *app.App, runF func(context.Context, *CalendarsOptions) error) *cobra.Command {
	opts := &CalendarsOptions{}
	cmd := &cobra.Command{
		Use:   "calendars",
		Short: "List the calendars in your calendar list",
		Long: `List the calendars in your calendar list (yours and those shared with you): ID, name, your access role,
time zone. The IDs are what the other calendar commands take as CAL.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.Paging.Validate(maxCalendarsPerPage); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return calendarsRun(cmd.Context(), a, opts)
		},
	}
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "calendars per page (default 100, at most 250)")
	return cmd
}

func calendarsRun(ctx context.Context, a *app.App, opts *CalendarsOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	items, next, err := cmdutil.Collect(&opts.Paging, func(token string) ([]*calendar.CalendarListEntry, string, error) {
		call := svc.CalendarList.List()
		call = cmdutil.Paged(call, opts.Paging.Max, token)
		resp, err := call.Context(ctx).Do()
		if err != nil {
			return nil, "", err
		}
		return resp.Items, resp.NextPageToken, nil
	})
	if err != nil {
		return err
	}
	t := &output.Table{Header: []string{"ID", "SUMMARY", "ROLE", "TIMEZONE", "PRIMARY"}}
	for _, c := range items {
		t.AddRow(c.Id, firstNonEmpty(c.SummaryOverride, c.Summary), c.AccessRole, c.TimeZone, yes(c.Primary))
	}
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "calendars", items, next, t, "calendars")
}

// GetOptions are the arguments of `gog calendar get`.
type GetOptions struct {
	Calendar string
}

// NewCmdGet returns `gog calendar get [ID]`; runF replaces the run function in flag tests.
func NewCmdGet(a *app.App, runF func(context.Context, *GetOptions) error) *cobra.Command {
	opts := &GetOptions{}
	cmd := &cobra.Command{
		Use:   "get [ID]",
		Short: "Show one calendar (default: primary)",
		Long:  `Show a calendar's metadata: name, description, location and time zone. ID defaults to "primary".`,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Calendar = "primary"
			if len(args) == 1 {
				opts.Calendar = args[0]
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return getRun(cmd.Context(), a, opts)
		},
	}
	return cmd
}

func getRun(ctx context.Context, a *app.App, opts *GetOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	c, err := svc.Calendars.Get(opts.Calendar).Context(ctx).Do()
	if err != nil {
		return err
	}
	t := &output.Table{Header: []string{"FIELD", "VALUE"}}
	t.AddRow("id", c.Id)
	t.AddRow("summary", c.Summary)
	addIf(t, "description", c.Description)
	addIf(t, "location", c.Location)
	t.AddRow("timezone", c.TimeZone)
	return a.Printer().Resource(c, t)
}

// service returns the Calendar client of this run's account.
func service(ctx context.Context, a *app.App) (*calendar.Service, error) {
	g, err := a.Google(ctx)
	if err != nil {
		return nil, err
	}
	return g.Calendar(ctx)
}

// addIf adds a field row only when it has a value, so detail tables show what the resource has.
func addIf(t *output.Table, field, value string) {
	if value != "" {
		t.AddRow(field, value)
	}
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

package calendar

import (
	"context"
	"sort"
	"strconv"

	"github.com/spf13/cobra"
	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/output"
)

// NewCmdColors returns `gog calendar colors`.
func NewCmdColors(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "colors",
		Short: "List the colour IDs calendars and events can use",
		Long: `List Google Calendar's colour palette: the IDs --color accepts on create and update (event colours), and
the calendar colours, with their background and foreground.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return colorsRun(cmd.Context(), a)
		},
	}
}

func colorsRun(ctx context.Context, a *app.App) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	colors, err := svc.Colors.Get().Context(ctx).Do()
	if err != nil {
		return err
	}
	t := &output.Table{Header: []string{"FOR", "ID", "NAME", "BACKGROUND", "FOREGROUND"}}
	for _, id := range colorIDs(colors.Event) {
		t.AddRow("event", id, eventColorName(id), colors.Event[id].Background, colors.Event[id].Foreground)
	}
	for _, id := range colorIDs(colors.Calendar) {
		t.AddRow("calendar", id, "", colors.Calendar[id].Background, colors.Calendar[id].Foreground)
	}
	return a.Printer().Resource(colors, t)
}

// colorIDs sorts the palette's ids numerically ("2" before "10").
func colorIDs(m map[string]calendar.ColorDefinition) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, errA := strconv.Atoi(ids[i])
		b, errB := strconv.Atoi(ids[j])
		if errA != nil || errB != nil {
			return ids[i] < ids[j]
		}
		return a < b
	})
	return ids
}

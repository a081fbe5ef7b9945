package calendar

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
	"github.com/gogcli/gog/internal/timeparse"
)

// Conflict is a stretch of time in which two or more of the calendars are busy at once.
type Conflict struct {
	Start     string   `json:"start"` // RFC 3339, in the zone times were read in
	End       string   `json:"end"`
	Calendars []string `json:"calendars"` // in the order --calendars gave them
}

// NewCmdConflicts returns `gog calendar conflicts`; runF replaces the run function in flag tests.
func NewCmdConflicts(a *app.App, runF func(context.Context, *FreeBusyOptions) error) *cobra.Command {
	opts := &FreeBusyOptions{}
	cmd := &cobra.Command{
		Use:   "conflicts --calendars a,b [--from TIME] [--to TIME]",
		Short: "Find when two or more calendars are busy at the same time",
		Long: `Find overlaps between calendars: each stretch of time in which at least two of --calendars are busy,
with the calendars involved. The busy times come from one freeBusy query; the overlaps are computed locally.

--from and --to accept ` + timeparse.Forms + `; default: today through the next 7 days. With --fail-empty the
command exits 3 when there is no conflict.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.validate(2); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return conflictsRun(cmd.Context(), a, opts)
		},
	}
	addFreeBusyFlags(cmd, opts)
	cmd.Flags().BoolVar(&opts.FailEmpty, "fail-empty", false, "exit 3 when there is no conflict")
	return cmd
}

func conflictsRun(ctx context.Context, a *app.App, opts *FreeBusyOptions) error {
	_, cals, loc, err := queryFreeBusy(ctx, a, opts)
	if err != nil {
		return err
	}
	found := overlaps(cals, loc)
	t := &output.Table{Header: []string{"START", "END", "CALENDARS"}}
	for _, c := range found {
		s, _ := time.Parse(time.RFC3339, c.Start)
		e, _ := time.Parse(time.RFC3339, c.End)
		t.AddRow(stamp(s, loc), stamp(e, loc), strings.Join(c.Calendars, ", "))
	}
	if err := a.Printer().List("conflicts", found, "", t); err != nil {
		return err
	}
	if opts.FailEmpty && len(found) == 0 {
		return errs.New(errs.Empty, "no conflicts found")
	}
	return nil
}

// overlaps sweeps every calendar's busy periods in time order and reports each maximal stretch during which the
// same two or more calendars are busy. Periods that only touch (one ends as the next starts) do not overlap.
func overlaps(cals []busyCalendar, loc *time.Location) []Conflict {
	type edge struct {
		at    time.Time
		delta int // +1 start, -1 end
		cal   int // index in cals
	}
	var edges []edge
	for i, c := range cals {
		for _, p := range c.periods {
			if p.end.After(p.start) {
				edges = append(edges, edge{p.start, 1, i}, edge{p.end, -1, i})
			}
		}
	}
	sort.Slice(edges, func(i, j int) bool {
		if !edges[i].at.Equal(edges[j].at) {
			return edges[i].at.Before(edges[j].at)
		}
		return edges[i].delta < edges[j].delta // ends first: touching periods do not overlap
	})
	out := []Conflict{}
	busy := make([]int, len(cals)) // open periods per calendar (Google merges a calendar's own, but be safe)
	var open *Conflict
	var openKey string
	for i := 0; i < len(edges); {
		at := edges[i].at
		for ; i < len(edges) && edges[i].at.Equal(at); i++ {
			busy[edges[i].cal] += edges[i].delta
		}
		var ids []string
		for c, n := range busy {
			if n > 0 {
				ids = append(ids, cals[c].id)
			}
		}
		key := strings.Join(ids, "\x00")
		if open != nil && key == openKey {
			continue // the same calendars are still in conflict
		}
		if open != nil {
			open.End = at.In(loc).Format(time.RFC3339)
			out = append(out, *open)
			open = nil
		}
		if len(ids) >= 2 {
			open, openKey = &Conflict{Start: at.In(loc).Format(time.RFC3339), Calendars: ids}, key
		}
	}
	return out
}

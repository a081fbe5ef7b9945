package calendar

import (
	"context"
	"testing"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

// parseEvents runs `events` flag parsing only and returns the options the run function would get.
func parseEvents(t *testing.T, args ...string) (*EventsOptions, error) {
	t.Helper()
	ios, _, _, _ := output.Test()
	a := app.New(ios, func(string) string { return "" })
	var got *EventsOptions
	cmd := NewCmdEvents(a, func(_ context.Context, o *EventsOptions) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err := cmd.Execute()
	return got, err
}

func TestEventsFlagsBecomeOptions(t *testing.T) {
	t.Parallel()
	o, err := parseEvents(t, "team@group", "--from", "today", "--to", "+3d", "-q", "standup", "--max", "10",
		"--page", "tok", "--timezone", "Europe/Berlin", "--fail-empty")
	if err != nil {
		t.Fatal(err)
	}
	if o.Calendar != "team@group" || o.From != "today" || o.To != "+3d" || o.Query != "standup" ||
		o.Paging.Max != 10 || o.Paging.Page != "tok" || o.Timezone != "Europe/Berlin" || !o.Paging.FailEmpty {
		t.Fatalf("options: %+v", o)
	}
}

func TestEventsDefaultsToPrimary(t *testing.T) {
	t.Parallel()
	o, err := parseEvents(t)
	if err != nil || o.Calendar != "primary" || o.All {
		t.Fatalf("options %+v, err %v", o, err)
	}
}

func TestEventsRefusesContradictoryFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--all", "team@group"},
		{"--all", "--page", "tok"},
		{"--page", "tok", "--all-pages"},
		{"--max", "2501"},
		{"--max", "-1"},
	} {
		_, err := parseEvents(t, args...)
		if errs.ClassOf(err) != errs.Usage {
			t.Errorf("%v: want a usage error, got %v", args, err)
		}
	}
}

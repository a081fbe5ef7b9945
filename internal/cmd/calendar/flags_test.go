package calendar

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

// parseWith runs a command's flag parsing only and returns the options its run function would get.
func parseWith[O any](t *testing.T, mk func(*app.App, func(context.Context, *O) error) *cobra.Command, args ...string) (*O, error) {
	t.Helper()
	ios, _, _, _ := output.Test()
	a := app.New(ios, func(string) string { return "" })
	var got *O
	cmd := mk(a, func(_ context.Context, o *O) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err := cmd.Execute()
	return got, err
}

func wantUsage(t *testing.T, args []string, err error) {
	t.Helper()
	if errs.ClassOf(err) != errs.Usage {
		t.Errorf("%q: want a usage error, got %v", args, err)
	}
}

func TestCreateFlagsBecomeOptions(t *testing.T) {
	t.Parallel()
	o, err := parseWith(t, NewCmdCreate, "team@group", "--summary", "Sync", "--from", "tomorrow 10:00", "--duration", "45m",
		"--description", "d", "--location", "Room 1", "--attendees", "ada@example.com,grace@example.com", "--attendees", "linus@example.com",
		"--recurrence", "FREQ=WEEKLY", "--reminder", "10m", "--reminder", "email:1d", "--visibility", "private", "--color", "basil",
		"--with-meet", "--timezone", "Europe/Berlin", "--send-updates", "all")
	if err != nil {
		t.Fatal(err)
	}
	if o.Calendar != "team@group" || o.Summary != "Sync" || o.From != "tomorrow 10:00" || o.Duration != 45*time.Minute ||
		o.Description != "d" || o.Location != "Room 1" || o.Visibility != "private" || o.Color != "basil" || !o.WithMeet ||
		o.Timezone != "Europe/Berlin" || o.SendUpdates != "all" {
		t.Fatalf("options: %+v", o)
	}
	if !reflect.DeepEqual(o.Attendees, []string{"ada@example.com", "grace@example.com", "linus@example.com"}) ||
		!reflect.DeepEqual(o.Reminders, []string{"10m", "email:1d"}) || !reflect.DeepEqual(o.Recurrence, []string{"FREQ=WEEKLY"}) {
		t.Fatalf("lists: %q %q %q", o.Attendees, o.Reminders, o.Recurrence)
	}
	if d, err := parseWith(t, NewCmdCreate, "--summary", "x", "--from", "2026-03-05 10:00"); err != nil || d.Calendar != "primary" {
		t.Fatalf("default calendar: %+v %v", d, err)
	}
}

func TestCreateRefusesBadFlagsBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	base := []string{"--summary", "x", "--from", "tomorrow 10:00"}
	base = base[:len(base):len(base)] // every append below copies: no case shares another's tail
	for _, args := range [][]string{
		{"--from", "tomorrow 10:00"},
		{"--summary", "x"},
		{"--summary", "  ", "--from", "tomorrow 10:00"},
		append(base, "--to", "+2h", "--duration", "1h"),
		append(base, "--duration", "-5m"),
		append(base, "--all-day", "--duration", "1h"),
		{"--summary", "x", "--from", "someday"},
		append(base, "--to", "25:99"),
		append(base, "--timezone", "Mars/Olympus"),
		append(base, "--attendees", "ada"),
		append(base, "--reminder", "soon"),
		append(base, "--reminder", "sms:10m"),
		append(base, "--reminder", "5w"),
		append(base, "--reminder", "1m", "--reminder", "2m", "--reminder", "3m", "--reminder", "4m", "--reminder", "5m", "--reminder", "6m"),
		append(base, "--color", "pink"),
		append(base, "--color", "12"),
		append(base, "--visibility", "secret"),
		append(base, "--recurrence", "every monday"),
		append(base, "--send-updates", "everyone"),
	} {
		_, err := parseWith(t, NewCmdCreate, args...)
		wantUsage(t, args, err)
	}
}

func TestUpdateRecordsWhichFlagsWereGivenAndNeedsOne(t *testing.T) {
	t.Parallel()
	o, err := parseWith(t, NewCmdUpdate, "primary", "ev1", "--description", "", "--to", "+1h")
	if err != nil {
		t.Fatal(err)
	}
	if o.Calendar != "primary" || o.EventID != "ev1" || !o.Given("description") || !o.Given("to") || o.Given("summary") || o.Given("from") {
		t.Fatalf("options: %+v given %v", o, o.given)
	}
	for _, args := range [][]string{
		{"primary", "ev1"},
		{"primary", "ev1", "--timezone", "UTC", "--send-updates", "all"},
		{"primary", "ev1", "--color", "pink"},
		{"primary", "ev1", "--from", "someday"},
	} {
		_, err := parseWith(t, NewCmdUpdate, args...)
		wantUsage(t, args, err)
	}
}

func TestRespondTakesOneOfThreeAnswers(t *testing.T) {
	t.Parallel()
	o, err := parseWith(t, NewCmdRespond, "primary", "ev1", "--status", "tentative", "--comment", "maybe later")
	if err != nil || o.Status != "tentative" || o.Comment != "maybe later" || o.EventID != "ev1" {
		t.Fatalf("options %+v, err %v", o, err)
	}
	for _, args := range [][]string{
		{"primary", "ev1"},
		{"primary", "ev1", "--status", "maybe"},
		{"primary", "ev1", "--status", "needsAction"},
		{"primary", "ev1", "--status", "accepted", "--send-updates", "x"},
	} {
		_, err := parseWith(t, NewCmdRespond, args...)
		wantUsage(t, args, err)
	}
}

func TestDeleteWithoutATerminalNeedsForce(t *testing.T) {
	t.Parallel()
	_, err := parseWith(t, NewCmdDelete, "primary", "ev1")
	if e, ok := errs.As(err); !ok || e.Class != errs.Usage || e.Hint == "" {
		t.Fatalf("want a usage error naming --force, got %v", err)
	}
}

func TestFreeBusyAndConflictsCalendars(t *testing.T) {
	t.Parallel()
	o, err := parseWith(t, NewCmdFreeBusy)
	if err != nil || !reflect.DeepEqual(o.Calendars, []string{"primary"}) {
		t.Fatalf("freebusy default: %+v %v", o, err)
	}
	o, err = parseWith(t, NewCmdConflicts, "--calendars", "primary, team@group", "--from", "today", "--to", "+2d", "--fail-empty")
	if err != nil || !reflect.DeepEqual(o.Calendars, []string{"primary", "team@group"}) || o.From != "today" || !o.FailEmpty {
		t.Fatalf("conflicts: %+v %v", o, err)
	}
	_, err = parseWith(t, NewCmdConflicts)
	wantUsage(t, nil, err)
	_, err = parseWith(t, NewCmdConflicts, "--calendars", "primary")
	wantUsage(t, nil, err)
	_, err = parseWith(t, NewCmdFreeBusy, "--calendars", "")
	wantUsage(t, nil, err)
	_, err = parseWith(t, NewCmdFreeBusy, "--from", "soon")
	wantUsage(t, nil, err)
}

func TestSearchFlagsBecomeOptions(t *testing.T) {
	t.Parallel()
	o, err := parseWith(t, NewCmdSearch, "stand up", "--calendar", "team@group", "--from", "-1w", "--max", "5")
	if err != nil || o.Query != "stand up" || o.Calendar != "team@group" || o.From != "-1w" || o.Paging.Max != 5 {
		t.Fatalf("options %+v, err %v", o, err)
	}
	for _, args := range [][]string{{"  "}, {"x", "--all", "--calendar", "c"}, {"x", "--all", "--page", "t"}, {"x", "--to", "never"}} {
		_, err := parseWith(t, NewCmdSearch, args...)
		wantUsage(t, args, err)
	}
}

func TestListCommandsTakeTheirCalendarArgument(t *testing.T) {
	t.Parallel()
	if o, err := parseWith(t, NewCmdACL); err != nil || o.Calendar != "primary" {
		t.Fatalf("acl: %+v %v", o, err)
	}
	if o, err := parseWith(t, NewCmdGet, "team@group"); err != nil || o.Calendar != "team@group" {
		t.Fatalf("get: %+v %v", o, err)
	}
	if o, err := parseWith(t, NewCmdEvent, "team@group", "ev1"); err != nil || o.EventID != "ev1" {
		t.Fatalf("event: %+v %v", o, err)
	}
	_, err := parseWith(t, NewCmdCalendars, "--max", "251")
	wantUsage(t, nil, err)
}

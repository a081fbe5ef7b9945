package contacts

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

// parse runs one verb's flag parsing only and returns the options its run function would get.
func parse[T any](t *testing.T, build func(*app.App, func(context.Context, *T) error) *cobra.Command, args ...string) (*T, error) {
	t.Helper()
	ios, _, _, _ := output.Test()
	a := app.New(ios, func(string) string { return "" })
	var got *T
	cmd := build(a, func(_ context.Context, o *T) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err := cmd.Execute()
	return got, err
}

func wantUsage(t *testing.T, what string, err error) {
	t.Helper()
	if errs.ClassOf(err) != errs.Usage {
		t.Errorf("%s: want a usage error, got %v", what, err)
	}
}

func TestListFlagsBecomeOptions(t *testing.T) {
	t.Parallel()
	o, err := parse(t, NewCmdList, "--max", "10", "--page", "tok", "--sort", "first-name", "--fail-empty")
	if err != nil || o.Sort != "FIRST_NAME_ASCENDING" || o.Paging.Max != 10 || o.Paging.Page != "tok" || !o.Paging.FailEmpty {
		t.Fatalf("options %+v, err %v", o, err)
	}
	o, _ = parse(t, NewCmdList)
	if o.Sort != "" || o.Paging.Max != 0 {
		t.Errorf("defaults: %+v", o)
	}
	for _, args := range [][]string{{"--sort", "mood"}, {"--max", "1001"}, {"--max", "-1"}, {"--page", "t", "--all-pages"}} {
		_, err := parse(t, NewCmdList, args...)
		wantUsage(t, "list "+args[0], err)
	}
}

func TestSearchNeedsAQueryAndAtMost30Results(t *testing.T) {
	t.Parallel()
	o, err := parse(t, NewCmdSearch, "  ada lo ", "--max", "30", "--fail-empty")
	if err != nil || o.Query != "ada lo" || o.Paging.Max != 30 || !o.Paging.FailEmpty {
		t.Fatalf("options %+v, err %v", o, err)
	}
	_, err = parse(t, NewCmdSearch, " ")
	wantUsage(t, "empty query", err)
	_, err = parse(t, NewCmdSearch, "ada", "--max", "31")
	wantUsage(t, "--max 31", err)
	_, err = parse(t, NewCmdOtherSearch, "ada", "--max", "31")
	wantUsage(t, "other search --max 31", err)
}

func TestGetTakesAResourceNameABareIDOrAnEmail(t *testing.T) {
	t.Parallel()
	for arg, want := range map[string]GetOptions{
		"people/c123":     {ResourceName: "people/c123"},
		"c123":            {ResourceName: "people/c123"},
		"people/10234567": {ResourceName: "people/10234567"},
		"ada@example.com": {Email: "ada@example.com"},
	} {
		o, err := parse(t, NewCmdGet, arg)
		if err != nil || *o != want {
			t.Errorf("%s: %+v, %v", arg, o, err)
		}
	}
	for _, bad := range []string{"ada", "people/", "people/c1/x", "contactGroups/x"} {
		_, err := parse(t, NewCmdGet, bad)
		wantUsage(t, "get "+bad, err)
	}
}

func TestCreateBuildsThePersonFromTheFlags(t *testing.T) {
	t.Parallel()
	o, err := parse(t, NewCmdCreate, "--given-name", "Ada", "--family-name", "Lovelace", "--email", "ada@example.com",
		"--email", " ada@home.example ", "--phone", "+44 20 7946 0001", "--org", "Engines", "--title", "Programmer",
		"--birthday", "1815-12-10", "--note", "First; programmer")
	if err != nil {
		t.Fatal(err)
	}
	want := &people.Person{
		Names:          []*people.Name{{GivenName: "Ada", FamilyName: "Lovelace"}},
		EmailAddresses: []*people.EmailAddress{{Value: "ada@example.com"}, {Value: "ada@home.example"}},
		PhoneNumbers:   []*people.PhoneNumber{{Value: "+44 20 7946 0001"}},
		Organizations:  []*people.Organization{{Name: "Engines", Title: "Programmer"}},
		Birthdays:      []*people.Birthday{{Date: &people.Date{Year: 1815, Month: 12, Day: 10}}},
		Biographies:    []*people.Biography{{Value: "First; programmer", ContentType: "TEXT_PLAIN"}},
	}
	if got := o.Fields.person(); !reflect.DeepEqual(got, want) {
		t.Errorf("person:\n got %+v\nwant %+v", got, want)
	}
}

func TestCreateNeedsANameAndValidValues(t *testing.T) {
	t.Parallel()
	for name, args := range map[string][]string{
		"no name":      {"--email", "ada@example.com"},
		"bad email":    {"--given-name", "Ada", "--email", "ada at example"},
		"bad birthday": {"--given-name", "Ada", "--birthday", "1815-13-10"},
		"30 February":  {"--given-name", "Ada", "--birthday", "02-30"},
		"an argument":  {"--given-name", "Ada", "extra"},
	} {
		_, err := parse(t, NewCmdCreate, args...)
		if err == nil {
			t.Errorf("%s: accepted", name)
		} else if name != "an argument" {
			wantUsage(t, name, err)
		}
	}
	o, err := parse(t, NewCmdCreate, "--family-name", "Lovelace", "--birthday", "02-29")
	if err != nil || !reflect.DeepEqual(o.Fields.Birthday, &people.Date{Month: 2, Day: 29}) {
		t.Errorf("a year-less 29 February: %+v %v", o, err)
	}
}

func TestUpdateMaskNamesExactlyTheFieldsOfTheFlagsGiven(t *testing.T) {
	t.Parallel()
	for want, args := range map[string][]string{
		"emailAddresses,organizations": {"people/c1", "--email", "a@b.example", "--title", "T"},
		"biographies":                  {"c1", "--note", ""},
		"names":                        {"people/c1", "--given-name", "A", "--family-name", ""},
		"birthdays,phoneNumbers":       {"people/c1", "--phone", "", "--birthday", ""},
	} {
		o, err := parse(t, NewCmdUpdate, args...)
		if err != nil || o.ResourceName != "people/c1" {
			t.Fatalf("%v: %+v %v", args, o, err)
		}
		if got := join(o.Fields.updateMask()); got != want {
			t.Errorf("%v: mask %q, want %q", args, got, want)
		}
	}
	_, err := parse(t, NewCmdUpdate, "people/c1")
	wantUsage(t, "no flags", err)
	_, err = parse(t, NewCmdUpdate, "ada", "--note", "x")
	wantUsage(t, "not a resource name", err)
}

func join(s []string) string { return strings.Join(s, ",") }

func TestUpdateChangesOnlyWhatTheFlagsNameAndDropsOutputOnlyParts(t *testing.T) {
	t.Parallel()
	o, err := parse(t, NewCmdUpdate, "people/c1", "--given-name", "Augusta", "--title", "Countess", "--note", "")
	if err != nil {
		t.Fatal(err)
	}
	md := &people.FieldMetadata{Primary: true}
	cur := &people.Person{
		Names: []*people.Name{{GivenName: "Ada", FamilyName: "Lovelace", MiddleName: "King", DisplayName: "Ada King Lovelace", Metadata: md}},
		Organizations: []*people.Organization{{Name: "Engines", Title: "Programmer", Department: "R&D", FormattedType: "Work", Metadata: md},
			{Name: "Royal Society"}},
		Biographies: []*people.Biography{{Value: "old note"}},
	}
	got := o.Fields.apply(cur)
	want := &people.Person{
		Names:         []*people.Name{{GivenName: "Augusta", FamilyName: "Lovelace", MiddleName: "King"}},
		Organizations: []*people.Organization{{Name: "Engines", Title: "Countess", Department: "R&D"}, {Name: "Royal Society"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("apply:\n got %+v %+v\nwant %+v %+v", got.Names[0], got.Organizations, want.Names[0], want.Organizations)
	}
	// Emptying the only organization's name and title removes it.
	o, _ = parse(t, NewCmdUpdate, "people/c1", "--org", "", "--title", "")
	if got := o.Fields.apply(&people.Person{Organizations: []*people.Organization{{Name: "X", Title: "Y"}}}); got.Organizations != nil {
		t.Errorf("cleared organization: %+v", got.Organizations)
	}
}

func TestDeleteOtherAndDirectoryFlags(t *testing.T) {
	t.Parallel()
	if o, err := parse(t, NewCmdDelete, "c42"); err != nil || o.ResourceName != "people/c42" {
		t.Errorf("delete: %+v %v", o, err)
	}
	if o, err := parse(t, NewCmdOtherList, "--max", "1000", "--all-pages"); err != nil || o.Paging.Max != 1000 || !o.Paging.AllPages {
		t.Errorf("other list: %+v %v", o, err)
	}
	if o, err := parse(t, NewCmdDirectorySearch, "grace", "--max", "500"); err != nil || o.Query != "grace" {
		t.Errorf("directory search: %+v %v", o, err)
	}
	_, err := parse(t, NewCmdDirectorySearch, "grace", "--max", "501")
	wantUsage(t, "directory search --max 501", err)
	_, err = parse(t, NewCmdDirectoryList, "--max", "1001")
	wantUsage(t, "directory list --max 1001", err)
	_, err = parse(t, NewCmdOtherList, "--max", "1001")
	wantUsage(t, "other list --max 1001", err)
}

func TestExportFlags(t *testing.T) {
	t.Parallel()
	o, err := parse(t, NewCmdExport)
	if err != nil || *o != (ExportOptions{Format: "vcard", VCardVersion: "3.0"}) {
		t.Errorf("defaults: %+v %v", o, err)
	}
	o, err = parse(t, NewCmdExport, "--format", "CSV")
	if err != nil || o.Format != "csv" {
		t.Errorf("csv: %+v %v", o, err)
	}
	for _, args := range [][]string{{"--format", "xml"}, {"--vcard-version", "2.1"}, {"--format", "csv", "--vcard-version", "4.0"}} {
		_, err := parse(t, NewCmdExport, args...)
		wantUsage(t, "export "+args[1], err)
	}
}

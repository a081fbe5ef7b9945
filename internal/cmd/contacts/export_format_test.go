package contacts

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"google.golang.org/api/people/v1"
)

func vcardOf(t *testing.T, p *people.Person, version string) string {
	t.Helper()
	var b bytes.Buffer
	if err := writeVCards(&b, []*people.Person{p}, version); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// unfold reverses RFC 6350 folding and returns the logical lines.
func unfold(s string) []string {
	return strings.Split(strings.TrimSuffix(strings.ReplaceAll(s, "\r\n ", ""), "\r\n"), "\r\n")
}

func TestVCardEscapesTextValuesAndComponents(t *testing.T) {
	t.Parallel()
	p := &people.Person{
		Names: []*people.Name{{GivenName: "Ada", FamilyName: "King; Lovelace", HonorificPrefix: "Countess",
			DisplayName: "Countess Ada King; Lovelace"}},
		Nicknames:      []*people.Nickname{{Value: "A,L"}, {Value: "Enchantress"}},
		EmailAddresses: []*people.EmailAddress{{Value: "ada@example.com", Type: "work"}, {Value: "x@y.example", Type: "custom"}},
		PhoneNumbers:   []*people.PhoneNumber{{Value: "+44 1", Type: "mobile"}, {Value: "+44 2", Type: "workFax"}},
		Organizations:  []*people.Organization{{Name: "Engines, Ltd", Department: "R;D", Title: "Programmer"}},
		Biographies:    []*people.Biography{{Value: "C:\\notes, part 1;\r\nsecond line\nthird"}},
	}
	want := []string{
		"BEGIN:VCARD", "VERSION:3.0", `FN:Countess Ada King\; Lovelace`, `N:King\; Lovelace;Ada;;Countess;`,
		`NICKNAME:A\,L,Enchantress`, "EMAIL;TYPE=work:ada@example.com", "EMAIL:x@y.example",
		"TEL;TYPE=cell:+44 1", "TEL;TYPE=work,fax:+44 2", `ORG:Engines\, Ltd;R\;D`, "TITLE:Programmer",
		`NOTE:C:\\notes\, part 1\;\nsecond line\nthird`, "END:VCARD",
	}
	if got := unfold(vcardOf(t, p, "3.0")); !reflect.DeepEqual(got, want) {
		t.Errorf("vCard lines:\n got %q\nwant %q", unfold(vcardOf(t, p, "3.0")), want)
	}
}

func TestVCardFoldsAt75OctetsWithoutSplittingCharacters(t *testing.T) {
	t.Parallel()
	note := strings.Repeat("é", 60) + strings.Repeat("x", 50) + strings.Repeat("日本", 30)
	out := vcardOf(t, &people.Person{Biographies: []*people.Biography{{Value: note}}}, "4.0")
	if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Fatalf("lines must end in CRLF only: %q", out)
	}
	physical := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	folded := 0
	for i, l := range physical {
		if len(l) > 75 || !utf8.ValidString(l) {
			t.Errorf("line %d: %d octets, valid UTF-8 %v: %q", i, len(l), utf8.ValidString(l), l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded < 3 {
		t.Errorf("the long note was folded %d times", folded)
	}
	var noteLine string
	for _, l := range unfold(out) {
		if strings.HasPrefix(l, "NOTE:") {
			noteLine = l
		}
	}
	if noteLine != "NOTE:"+note {
		t.Errorf("unfolding did not give the note back:\n%q", noteLine)
	}
}

func TestVCardVersionsDifferInDatesAndN(t *testing.T) {
	t.Parallel()
	p := &people.Person{EmailAddresses: []*people.EmailAddress{{Value: "anon@example.com"}},
		Birthdays: []*people.Birthday{{Date: &people.Date{Year: 1815, Month: 12, Day: 10}}}}
	v3, v4 := vcardOf(t, p, "3.0"), vcardOf(t, p, "4.0")
	for _, want := range []string{"VERSION:3.0\r\n", "FN:anon@example.com\r\n", "N:;;;;\r\n", "BDAY:1815-12-10\r\n"} {
		if !strings.Contains(v3, want) {
			t.Errorf("3.0 lacks %q:\n%s", want, v3)
		}
	}
	for _, want := range []string{"VERSION:4.0\r\n", "FN:anon@example.com\r\n", "BDAY:18151210\r\n"} {
		if !strings.Contains(v4, want) {
			t.Errorf("4.0 lacks %q:\n%s", want, v4)
		}
	}
	if strings.Contains(v4, "\r\nN:") {
		t.Errorf("4.0 wrote an empty N:\n%s", v4)
	}
	p.Birthdays[0].Date = &people.Date{Month: 2, Day: 29}
	if v3, v4 := vcardOf(t, p, "3.0"), vcardOf(t, p, "4.0"); !strings.Contains(v3, "BDAY:--02-29\r\n") || !strings.Contains(v4, "BDAY:--0229\r\n") {
		t.Errorf("year-less birthday:\n%s\n%s", v3, v4)
	}
}

func TestCSVQuotesFieldsAndJoinsSeveralValues(t *testing.T) {
	t.Parallel()
	p := &people.Person{ResourceName: "people/c1",
		Names:          []*people.Name{{GivenName: "Ada", FamilyName: "Lovelace", DisplayName: "Ada Lovelace"}},
		EmailAddresses: []*people.EmailAddress{{Value: "a@x.example"}, {Value: "b@x.example"}},
		Organizations:  []*people.Organization{{Name: `Engines "Ltd"`, Title: "Programmer"}},
		Birthdays:      []*people.Birthday{{Date: &people.Date{Month: 12, Day: 10}}},
		Biographies:    []*people.Biography{{Value: "line one,\nline two"}},
	}
	var b bytes.Buffer
	if err := writeCSV(&b, []*people.Person{p, {ResourceName: "people/c2"}}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("CSV does not parse back into 3 rows: %v %q", err, b.String())
	}
	want := []string{"people/c1", "Ada Lovelace", "Ada", "Lovelace", "", "a@x.example ::: b@x.example", "",
		`Engines "Ltd"`, "Programmer", "--12-10", "line one,\nline two"}
	if !reflect.DeepEqual(rows[0], csvHeader) || !reflect.DeepEqual(rows[1], want) || rows[2][0] != "people/c2" {
		t.Errorf("rows:\n%q\nwant %q", rows, want)
	}
}

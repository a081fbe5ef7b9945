package contacts

import (
	"fmt"
	"strings"

	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/output"
)

// Field masks gog asks for. Google requires one on every read; asking for only what is shown keeps answers
// small, and JSON output carries exactly these fields of Google's Person.
const (
	// ListFields are the fields of a contact in lists and searches.
	ListFields = "names,nicknames,emailAddresses,phoneNumbers,organizations,birthdays,biographies"
	// DetailFields are the fields of one person shown by get, create, update and `people`.
	DetailFields = "names,nicknames,emailAddresses,phoneNumbers,organizations,birthdays,biographies,addresses,urls,photos,memberships,metadata"
	// ExportFields are what export writes to vCard or CSV.
	ExportFields = "names,nicknames,emailAddresses,phoneNumbers,organizations,birthdays,biographies,addresses,urls"
	// OtherFields are all an "Other contact" has.
	OtherFields = "names,emailAddresses,phoneNumbers"
	// DirectoryFields are the fields of a colleague in the directory.
	DirectoryFields = "names,emailAddresses,phoneNumbers,organizations"
)

// Name is the person's display name ("" when it has none).
func Name(p *people.Person) string {
	if len(p.Names) == 0 {
		return ""
	}
	n := p.Names[0]
	if n.DisplayName != "" {
		return n.DisplayName
	}
	return strings.TrimSpace(n.GivenName + " " + n.FamilyName)
}

func firstEmail(p *people.Person) string {
	if len(p.EmailAddresses) == 0 {
		return ""
	}
	return p.EmailAddresses[0].Value
}

func firstPhone(p *people.Person) string {
	if len(p.PhoneNumbers) == 0 {
		return ""
	}
	return p.PhoneNumbers[0].Value
}

// orgLine is "Title, Organization" (either part alone when the other is missing).
func orgLine(p *people.Person) string {
	if len(p.Organizations) == 0 {
		return ""
	}
	o := p.Organizations[0]
	switch {
	case o.Title != "" && o.Name != "":
		return o.Title + ", " + o.Name
	case o.Title != "":
		return o.Title
	}
	return o.Name
}

// ListTable shows NAME, EMAIL, PHONE, ORGANIZATION and RESOURCE (the name other commands take), one row a person.
func ListTable(ps []*people.Person) *output.Table {
	t := &output.Table{Header: []string{"NAME", "EMAIL", "PHONE", "ORGANIZATION", "RESOURCE"}}
	for _, p := range ps {
		t.AddRow(Name(p), firstEmail(p), firstPhone(p), orgLine(p), p.ResourceName)
	}
	return t
}

// DetailTable shows one person as FIELD/VALUE rows, one row per email, phone, address and URL.
func DetailTable(p *people.Person) *output.Table {
	t := &output.Table{Header: []string{"FIELD", "VALUE"}}
	add := func(field, value string) {
		if value != "" {
			t.AddRow(field, value)
		}
	}
	add("resource", p.ResourceName)
	add("name", Name(p))
	for _, n := range p.Nicknames {
		add("nickname", n.Value)
	}
	for _, e := range p.EmailAddresses {
		add("email", withType(e.Value, e.Type))
	}
	for _, ph := range p.PhoneNumbers {
		add("phone", withType(ph.Value, ph.Type))
	}
	for _, o := range p.Organizations {
		add("organization", o.Name)
		add("title", o.Title)
		add("department", o.Department)
	}
	for _, b := range p.Birthdays {
		add("birthday", FormatDate(b.Date, b.Text))
	}
	for _, a := range p.Addresses {
		add("address", withType(firstNonEmpty(a.FormattedValue, a.StreetAddress), a.Type))
	}
	for _, u := range p.Urls {
		add("url", u.Value)
	}
	for _, b := range p.Biographies {
		add("note", b.Value)
	}
	for _, ph := range p.Photos {
		if !ph.Default {
			add("photo", ph.Url)
		}
	}
	return t
}

func withType(value, typ string) string {
	if value == "" || typ == "" {
		return value
	}
	return value + " (" + typ + ")"
}

// FormatDate renders a People date as YYYY-MM-DD, or --MM-DD without a year (ISO 8601's truncated form), or
// the free text Google keeps when there is no structured date.
func FormatDate(d *people.Date, text string) string {
	switch {
	case d == nil:
		return text
	case d.Year != 0 && d.Month != 0 && d.Day != 0:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case d.Year == 0 && d.Month != 0 && d.Day != 0:
		return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
	case d.Year != 0 && d.Month != 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case d.Year != 0:
		return fmt.Sprintf("%04d", d.Year)
	}
	return text
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

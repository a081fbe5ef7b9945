package contacts

import (
	"strings"
	"time"

	"github.com/spf13/cobra"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/errs"
)

// ContactFields are the contact flags shared by create and update. Set records which flags were given, so
// update changes exactly those fields (and an explicitly empty value clears one).
type ContactFields struct {
	GivenName, FamilyName string
	Emails, Phones        []string
	Org, Title            string
	Birthday              *people.Date // nil when --birthday was not given or given empty
	Note                  string
	Set                   map[string]bool // flag name → given

	birthday string
}

// contactFlagNames are the flags addContactFlags declares, in the order they map to People fields.
var contactFlagNames = []string{"given-name", "family-name", "email", "phone", "org", "title", "birthday", "note"}

func addContactFlags(cmd *cobra.Command, f *ContactFields) {
	fl := cmd.Flags()
	fl.StringVar(&f.GivenName, "given-name", "", "given (first) `NAME`")
	fl.StringVar(&f.FamilyName, "family-name", "", "family (last) `NAME`")
	fl.StringArrayVar(&f.Emails, "email", nil, "email `ADDRESS` (repeat for several)")
	fl.StringArrayVar(&f.Phones, "phone", nil, "phone `NUMBER`, preferably international: +44 20 7946 0958 (repeat for several)")
	fl.StringVar(&f.Org, "org", "", "organization (company) `NAME`")
	fl.StringVar(&f.Title, "title", "", "job `TITLE` at the organization")
	fl.StringVar(&f.birthday, "birthday", "", "birthday: `YYYY-MM-DD`, or MM-DD without a year")
	fl.StringVar(&f.Note, "note", "", "free-text `NOTE`")
}

// parse records which flags were given and validates their values; nothing has been sent when it fails.
func (f *ContactFields) parse(cmd *cobra.Command) error {
	f.Set = map[string]bool{}
	for _, name := range contactFlagNames {
		if cmd.Flags().Changed(name) {
			f.Set[name] = true
		}
	}
	f.Emails = trimAll(f.Emails)
	f.Phones = trimAll(f.Phones)
	for _, e := range f.Emails {
		if !strings.Contains(e, "@") || strings.ContainsAny(e, " \t\r\n") {
			return errs.Usagef("--email %q is not an email address", e)
		}
	}
	if strings.TrimSpace(f.birthday) != "" {
		d, err := ParseBirthday(f.birthday)
		if err != nil {
			return err
		}
		f.Birthday = d
	}
	return nil
}

// any reports whether at least one contact flag was given.
func (f *ContactFields) any() bool { return len(f.Set) > 0 }

func trimAll(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// ParseBirthday reads YYYY-MM-DD, or MM-DD / --MM-DD for a birthday without a year.
func ParseBirthday(s string) (*people.Date, error) {
	s = strings.TrimSpace(s)
	bad := errs.Usagef("--birthday %q is not a date", s).WithHint("use YYYY-MM-DD, or MM-DD when the year is unknown (e.g. 1815-12-10 or 12-10)")
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return &people.Date{Year: int64(t.Year()), Month: int64(t.Month()), Day: int64(t.Day())}, nil
	}
	md := strings.TrimPrefix(s, "--")
	// 2000 is a leap year, so 02-29 is accepted without a year, as Google does.
	if t, err := time.Parse("2006-01-02", "2000-"+md); err == nil && len(md) == 5 {
		return &people.Date{Month: int64(t.Month()), Day: int64(t.Day())}, nil
	}
	return nil, bad
}

// person builds a new contact from the flags (create).
func (f *ContactFields) person() *people.Person {
	p := &people.Person{}
	if f.GivenName != "" || f.FamilyName != "" {
		p.Names = []*people.Name{{GivenName: f.GivenName, FamilyName: f.FamilyName}}
	}
	p.EmailAddresses = emails(f.Emails)
	p.PhoneNumbers = phones(f.Phones)
	if f.Org != "" || f.Title != "" {
		p.Organizations = []*people.Organization{{Name: f.Org, Title: f.Title}}
	}
	if f.Birthday != nil {
		p.Birthdays = []*people.Birthday{{Date: f.Birthday}}
	}
	if f.Note != "" {
		p.Biographies = []*people.Biography{{Value: f.Note, ContentType: "TEXT_PLAIN"}}
	}
	return p
}

func emails(vals []string) []*people.EmailAddress {
	var out []*people.EmailAddress
	for _, v := range vals {
		out = append(out, &people.EmailAddress{Value: v})
	}
	return out
}

func phones(vals []string) []*people.PhoneNumber {
	var out []*people.PhoneNumber
	for _, v := range vals {
		out = append(out, &people.PhoneNumber{Value: v})
	}
	return out
}

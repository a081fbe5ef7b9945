package people

import (
	"encoding/json"
	"strings"
	"time"
	"unicode"

	"google.golang.org/api/people/v1"
)

// singletons are the fields a contact source may hold at most one of (updateContact's reference).
var singletons = []string{"names", "birthdays", "biographies", "genders"}

// readOnlyOnContacts are fields a client cannot write through createContact/updateContact; Google ignores
// them (photos change through updateContactPhoto).
var readOnlyOnContacts = []string{"ageRanges", "coverPhotos", "photos", "metadata", "resourceName", "etag"}

// prepareContact turns a person a client sent into the stored form of contact id: server-owned fields set,
// output-only ones derived (display names, formatted types, canonical phone numbers), every field entry
// labelled with the contact source, and the default "myContacts" membership present.
func prepareContact(in *people.Person, id contactID, now time.Time) (*people.Person, error) {
	fields, err := toFields(in)
	if err != nil {
		return nil, err
	}
	for _, f := range readOnlyOnContacts {
		delete(fields, f)
	}
	for _, f := range singletons {
		if n := countEntries(fields[f]); n > 1 {
			return nil, invalidArgument("Invalid person: a contact can have at most one entry in %s, got %d.", f, n)
		}
	}
	src := &people.Source{Type: "CONTACT", Id: id.sourceID()}
	labelEntries(fields, src)
	p, err := fromFields(fields)
	if err != nil {
		return nil, err
	}
	p.ResourceName = id.resource()
	p.Metadata = &people.PersonMetadata{ObjectType: "PERSON",
		Sources: []*people.Source{{Type: "CONTACT", Id: id.sourceID(), UpdateTime: stamp(now)}}}
	if err := derive(p); err != nil {
		return nil, err
	}
	if len(p.Memberships) == 0 {
		p.Memberships = []*people.Membership{{
			ContactGroupMembership: &people.ContactGroupMembership{ContactGroupId: "myContacts", ContactGroupResourceName: "contactGroups/myContacts"},
			Metadata:               &people.FieldMetadata{Source: &people.Source{Type: "CONTACT", Id: id.sourceID()}},
		}}
	}
	return p, nil
}

// toFields is a person's JSON form as a map of top-level fields.
func toFields(p *people.Person) (map[string]json.RawMessage, error) {
	raw, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	fields := map[string]json.RawMessage{}
	return fields, json.Unmarshal(raw, &fields)
}

func fromFields(fields map[string]json.RawMessage) (*people.Person, error) {
	raw, err := json.Marshal(fields)
	if err != nil {
		return nil, err
	}
	var p people.Person
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, invalidArgument("Invalid person: %v", err)
	}
	return &p, nil
}

func countEntries(raw json.RawMessage) int {
	var list []json.RawMessage
	_ = json.Unmarshal(raw, &list)
	return len(list)
}

// labelEntries sets every field entry's metadata as Google reports it for a contact: the source, and
// primary/sourcePrimary on the first entry of each field.
func labelEntries(fields map[string]json.RawMessage, src *people.Source) {
	for name, raw := range fields {
		var entries []map[string]any
		if json.Unmarshal(raw, &entries) != nil {
			continue
		}
		for i, e := range entries {
			md := map[string]any{"source": map[string]string{"type": src.Type, "id": src.Id}}
			if i == 0 {
				md["primary"], md["sourcePrimary"] = true, true
			}
			e["metadata"] = md
		}
		fields[name], _ = json.Marshal(entries)
	}
}

// derive fills the output-only fields Google computes, and checks the values Google validates.
func derive(p *people.Person) error {
	for _, n := range p.Names {
		full := strings.Join(nonEmpty(n.HonorificPrefix, n.GivenName, n.MiddleName, n.FamilyName, n.HonorificSuffix), " ")
		if full == "" {
			full = strings.TrimSpace(n.UnstructuredName)
		}
		n.DisplayName = full
		n.DisplayNameLastFirst = full
		if n.FamilyName != "" {
			n.DisplayNameLastFirst = strings.Join(nonEmpty(n.FamilyName+",", n.HonorificPrefix, n.GivenName, n.MiddleName), " ")
		}
		if n.UnstructuredName == "" {
			n.UnstructuredName = full
		}
	}
	for _, e := range p.EmailAddresses {
		e.FormattedType = formatType(e.Type)
	}
	for _, ph := range p.PhoneNumbers {
		ph.FormattedType = formatType(ph.Type)
		ph.CanonicalForm = canonicalPhone(ph.Value)
	}
	for _, o := range p.Organizations {
		o.FormattedType = formatType(o.Type)
	}
	for _, b := range p.Birthdays {
		if b.Date != nil && !validDate(b.Date) {
			return invalidArgument("Invalid person.birthdays[0].date: %d-%02d-%02d is not a date.", b.Date.Year, b.Date.Month, b.Date.Day)
		}
	}
	for _, b := range p.Biographies {
		if b.ContentType == "" {
			b.ContentType = "TEXT_PLAIN"
		}
	}
	return nil
}

func nonEmpty(vals ...string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" && v != "," {
			out = append(out, v)
		}
	}
	return out
}

// formatType is Google's formattedType for the predefined types in the viewer's locale (en-US); a custom type
// is shown as given.
func formatType(t string) string {
	known := map[string]string{"home": "Home", "work": "Work", "other": "Other", "mobile": "Mobile",
		"homeFax": "Home Fax", "workFax": "Work Fax", "otherFax": "Other Fax", "pager": "Pager",
		"workMobile": "Work Mobile", "workPager": "Work Pager", "main": "Main", "googleVoice": "Google Voice",
		"school": "School"}
	if f, ok := known[t]; ok {
		return f
	}
	return t
}

// canonicalPhone is the E.164 form of an international number ("+44 20 7946 0958" → "+442079460958"); Google
// needs the account's region for national numbers, which the sandbox does not model, so those get none.
func canonicalPhone(v string) string {
	v = strings.ReplaceAll(strings.TrimSpace(v), "(0)", "") // the national trunk prefix is not part of E.164
	if !strings.HasPrefix(v, "+") {
		return ""
	}
	var b strings.Builder
	b.WriteByte('+')
	for _, r := range v[1:] {
		switch {
		case unicode.IsDigit(r):
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return ""
		}
	}
	if b.Len() < 4 {
		return ""
	}
	return b.String()
}

// validDate accepts Google's partial dates: a year alone, a month and day without a year, or a full date.
func validDate(d *people.Date) bool {
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 {
		return false
	}
	if d.Month == 0 {
		return d.Day == 0 && d.Year > 0
	}
	if d.Day == 0 {
		return true
	}
	year := d.Year
	if year == 0 {
		year = 2000 // a leap year, so 29 February without a year is valid
	}
	t := time.Date(int(year), time.Month(d.Month), int(d.Day), 0, 0, 0, 0, time.UTC)
	return t.Day() == int(d.Day)
}

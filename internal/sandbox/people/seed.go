package people

import (
	"strconv"
	"strings"
	"time"

	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// demoContact is one seeded contact. Birthdays are "YYYY-MM-DD" or "--MM-DD" (no year).
type demoContact struct {
	given, family string
	emails        []string // "type:value"
	phones        []string // "type:value"
	org, title    string
	birthday      string
	note          string
	nickname      string
}

// demoContacts are the seeded contacts. Ada, Grace and Linus are also the demo calendar's attendees; the notes
// carry commas, semicolons and newlines, and one name is not ASCII, so exports exercise their escaping.
func demoContacts() []demoContact {
	return []demoContact{
		{given: "Ada", family: "Lovelace", emails: []string{"work:ada@example.com", "home:ada.lovelace@analytical.example"},
			phones: []string{"mobile:+44 20 7946 0001"}, org: "Analytical Engines Ltd", title: "Programmer",
			birthday: "1815-12-10", note: "First programmer; met at the Babbage demo.\nAsk about Note G.", nickname: "Countess"},
		{given: "Grace", family: "Hopper", emails: []string{"work:grace@example.com"}, phones: []string{"work:+1 202 555 0142"},
			org: "US Navy", title: "Rear Admiral", birthday: "1906-12-09", note: "Coined \"debugging\"; keep a nanosecond handy."},
		{given: "Linus", family: "Torvalds", emails: []string{"work:linus@example.com"}, phones: []string{"mobile:+1 503 555 0199"},
			org: "Linux Foundation", title: "Fellow", birthday: "1969-12-28"},
		{given: "Alan", family: "Turing", emails: []string{"home:alan@turing.example"}, phones: []string{"home:+44 161 555 0123"},
			org: "University of Manchester", title: "Reader", birthday: "1912-06-23", note: "Chess by post, Tuesdays."},
		{given: "Katherine", family: "Johnson", emails: []string{"work:katherine.johnson@nasa.example"},
			phones: []string{"work:+1 757 555 0110", "mobile:+1 757 555 0111"}, org: "NASA Langley", title: "Mathematician",
			birthday: "1918-08-26"},
		{given: "Margaret", family: "Hamilton", emails: []string{"work:margaret@hamilton-tech.example"}, org: "Hamilton Technologies",
			title: "CEO", birthday: "--08-17", note: "Apollo guidance software; priority displays."},
		{given: "Tim", family: "Berners-Lee", emails: []string{"work:timbl@w3.example"}, phones: []string{"work:+44 20 7946 0958"},
			org: "W3C", title: "Director", birthday: "1955-06-08"},
		{given: "Barbara", family: "Liskov", emails: []string{"work:liskov@mit.example"}, org: "MIT", title: "Institute Professor",
			birthday: "1939-11-07", note: "Substitution principle; CLU."},
		{given: "Dennis", family: "Ritchie", emails: []string{"work:dmr@bell-labs.example"}, phones: []string{"work:+1 908 555 0100"},
			org: "Bell Labs", title: "Researcher", birthday: "1941-09-09"},
		{given: "Hedy", family: "Lamarr", emails: []string{"home:hedy@lamarr.example"}, phones: []string{"mobile:+1 310 555 0175"},
			birthday: "1914-11-09", note: "Frequency hopping; also films."},
		{given: "Émilie", family: "du Châtelet", emails: []string{"home:emilie@cirey.example"}, org: "Château de Cirey",
			title: "Natural philosopher", birthday: "1706-12-17", note: "Translated Newton's Principia; notes; commentary."},
		{given: "Edsger", family: "Dijkstra", emails: []string{"work:ewd@utexas.example"}, phones: []string{"work:+1 512 555 0133"},
			org: "University of Texas", title: "Professor", birthday: "1930-05-11", note: "Prefers handwritten EWDs."},
	}
}

// demoOthers are seeded "Other contacts": people the account exchanged mail with but never saved.
func demoOthers() []demoContact {
	return []demoContact{
		{given: "Sam", family: "Rivera", emails: []string{":sam.rivera@vendor.example"}},
		{emails: []string{":billing@invoices.example"}},
		{given: "Jordan", family: "Lee", emails: []string{":jordan.lee@partner.example"}, phones: []string{":+1 415 555 0188"}},
		{given: "Priya", family: "Natarajan", emails: []string{":priya@conference.example"}},
		{emails: []string{":newsletter@weekly.example"}},
	}
}

// demoColleagues are the seeded directory of the account's domain (local part, name, title, department).
func demoColleagues() [][4]string {
	return [][4]string{
		{"ada", "Ada Lovelace", "Staff Engineer", "Engineering"},
		{"grace", "Grace Hopper", "Engineering Director", "Engineering"},
		{"linus", "Linus Torvalds", "Principal Engineer", "Platform"},
		{"ken", "Ken Thompson", "Distinguished Engineer", "Platform"},
		{"frances", "Frances Allen", "Compiler Lead", "Engineering"},
		{"john.backus", "John Backus", "Language Designer", "Research"},
		{"don", "Donald Knuth", "Chief Scientist", "Research"},
		{"sophie", "Sophie Wilson", "Hardware Architect", "Hardware"},
	}
}

// seedDemo writes a seeded account's contacts (oldest change first, an hour apart, ending a day before now),
// other contacts and directory.
func seedDemo(tx *store.Tx, acct gapi.Account, now time.Time) error {
	contacts := demoContacts()
	for i, d := range contacts {
		id := contactID(stableID(acct.Email, "contact", d.given, d.family))
		p, err := prepareContact(d.person(), id, now)
		if err != nil {
			return err
		}
		at := now.Add(-24*time.Hour - time.Duration(len(contacts)-i)*time.Hour)
		if _, err := saveContact(tx, acct.Email, id, p, at); err != nil {
			return err
		}
	}
	for _, d := range demoOthers() {
		id := contactID(stableID(acct.Email, "other", d.emails[0]))
		p := d.person()
		src := &people.Source{Type: "OTHER_CONTACT", Id: id.sourceID()}
		fields, err := toFields(p)
		if err != nil {
			return err
		}
		labelEntries(fields, src)
		if p, err = fromFields(fields); err != nil {
			return err
		}
		p.ResourceName = "otherContacts/" + id.key()
		p.Metadata = &people.PersonMetadata{ObjectType: "PERSON", Sources: []*people.Source{{Type: "OTHER_CONTACT", Id: id.sourceID()}}}
		if err := derive(p); err != nil {
			return err
		}
		withETags(p)
		if err := store.Put(tx, bucketOther, store.Key(acct.Email, id.key()), p); err != nil {
			return err
		}
	}
	_, domain, _ := strings.Cut(acct.Email, "@")
	for _, c := range append(demoColleagues(), [4]string{"", acct.Name, "", ""}) {
		email, id := c[0]+"@"+domain, profileID(c[0]+"@"+domain)
		if c[0] == "" { // the account itself is in its domain's directory too, under its own id
			email, id = acct.Email, acct.Sub
		}
		p := colleague(id, email, c[1], c[2], c[3], domain)
		if err := store.Put(tx, bucketDirectory, store.Key(acct.Email, id), p); err != nil {
			return err
		}
	}
	return nil
}

// person is the demo contact as a client would send it to createContact.
func (d demoContact) person() *people.Person {
	p := &people.Person{}
	if d.given != "" || d.family != "" {
		p.Names = []*people.Name{{GivenName: d.given, FamilyName: d.family}}
	}
	for _, e := range d.emails {
		t, v, _ := strings.Cut(e, ":")
		p.EmailAddresses = append(p.EmailAddresses, &people.EmailAddress{Type: t, Value: v})
	}
	for _, ph := range d.phones {
		t, v, _ := strings.Cut(ph, ":")
		p.PhoneNumbers = append(p.PhoneNumbers, &people.PhoneNumber{Type: t, Value: v})
	}
	if d.org != "" || d.title != "" {
		p.Organizations = []*people.Organization{{Name: d.org, Title: d.title, Type: "work", Current: true}}
	}
	if d.birthday != "" {
		p.Birthdays = []*people.Birthday{{Date: demoDate(d.birthday)}}
	}
	if d.note != "" {
		p.Biographies = []*people.Biography{{Value: d.note, ContentType: "TEXT_PLAIN"}}
	}
	if d.nickname != "" {
		p.Nicknames = []*people.Nickname{{Value: d.nickname}}
	}
	return p
}

func demoDate(s string) *people.Date {
	if rest, ok := strings.CutPrefix(s, "--"); ok {
		m, _ := strconv.Atoi(rest[:2])
		d, _ := strconv.Atoi(rest[3:])
		return &people.Date{Month: int64(m), Day: int64(d)}
	}
	t, _ := time.Parse("2006-01-02", s)
	return &people.Date{Year: int64(t.Year()), Month: int64(t.Month()), Day: int64(t.Day())}
}

// colleague is a directory person: a domain profile with a work email, title and department.
func colleague(id, email, name, title, dept, domain string) *people.Person {
	src := &people.Source{Type: "DOMAIN_PROFILE", Id: id}
	md := func() *people.FieldMetadata {
		return &people.FieldMetadata{Primary: true, SourcePrimary: true, Source: src, Verified: true}
	}
	given, family, _ := strings.Cut(name, " ")
	p := &people.Person{
		ResourceName: "people/" + id,
		Metadata:     &people.PersonMetadata{ObjectType: "PERSON", Sources: []*people.Source{{Type: "DOMAIN_PROFILE", Id: id}}},
		Names: []*people.Name{{GivenName: given, FamilyName: family, Metadata: &people.FieldMetadata{Primary: true,
			SourcePrimary: true, Source: src}}},
		EmailAddresses: []*people.EmailAddress{{Value: email, Type: "work", Metadata: md()}},
		Photos: []*people.Photo{{Default: true, Url: "https://lh3.googleusercontent.com/a/default-user=s100",
			Metadata: &people.FieldMetadata{Primary: true, Source: src}}},
	}
	if title != "" {
		company, _, _ := strings.Cut(domain, ".")
		p.Organizations = []*people.Organization{{Name: strings.ToUpper(company[:1]) + company[1:], Title: title, Department: dept, Type: "work", Current: true,
			Metadata: &people.FieldMetadata{Primary: true, SourcePrimary: true, Source: src}}}
	}
	_ = derive(p)
	withETags(p)
	return p
}

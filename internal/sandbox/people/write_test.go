package people_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"google.golang.org/api/people/v1"
)

func newContact() *people.Person {
	return &people.Person{
		Names:          []*people.Name{{GivenName: "Joan", FamilyName: "Clarke"}},
		EmailAddresses: []*people.EmailAddress{{Value: "joan@bletchley.example", Type: "work"}, {Value: "joan@home.example"}},
		PhoneNumbers:   []*people.PhoneNumber{{Value: "+44 (0)1908 640404", Type: "mobile"}},
		Organizations:  []*people.Organization{{Name: "GC&CS", Title: "Cryptanalyst"}},
		Birthdays:      []*people.Birthday{{Date: &people.Date{Year: 1917, Month: 6, Day: 24}}},
		Biographies:    []*people.Biography{{Value: "Hut 8."}},
	}
}

func TestCreateContactSetsGooglesServerFields(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	p, err := svc.People.CreateContact(newContact()).Do()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`^people/c(\d+)$`).FindStringSubmatch(p.ResourceName)
	if m == nil || !strings.HasPrefix(p.Etag, "%") {
		t.Fatalf("resourceName %q etag %q", p.ResourceName, p.Etag)
	}
	n, _ := strconv.ParseUint(m[1], 10, 64)
	src := p.Metadata.Sources[0]
	if src.Type != "CONTACT" || src.Id != strconv.FormatUint(n, 16) || src.UpdateTime != "2026-03-02T09:00:00.000000Z" {
		t.Errorf("source: %+v", src)
	}
	name := p.Names[0]
	if name.DisplayName != "Joan Clarke" || name.DisplayNameLastFirst != "Clarke, Joan" || !name.Metadata.Primary ||
		name.Metadata.Source.Id != src.Id {
		t.Errorf("name: %+v %+v", name, name.Metadata)
	}
	if e := p.EmailAddresses; len(e) != 2 || e[0].FormattedType != "Work" || !e[0].Metadata.Primary || e[1].Metadata.Primary {
		t.Errorf("emails: %+v %+v", e[0], e[1])
	}
	if ph := p.PhoneNumbers[0]; ph.CanonicalForm != "+441908640404" || ph.FormattedType != "Mobile" {
		t.Errorf("phone: %+v", ph)
	}
	if len(p.Memberships) != 1 || p.Memberships[0].ContactGroupMembership.ContactGroupResourceName != "contactGroups/myContacts" {
		t.Errorf("memberships: %+v", p.Memberships)
	}
	if b := p.Biographies[0]; b.ContentType != "TEXT_PLAIN" || b.Value != "Hut 8." {
		t.Errorf("biography: %+v", b)
	}
	got, err := svc.People.Get(p.ResourceName).PersonFields("names").Do()
	if err != nil || got.Etag != p.Etag {
		t.Errorf("get after create: %v, etag %q vs %q", err, got.Etag, p.Etag)
	}
	masked, err := svc.People.CreateContact(newContact()).PersonFields("names").Do()
	if err != nil || masked.EmailAddresses != nil || len(masked.Names) != 1 {
		t.Errorf("create with personFields=names: %v %+v", err, masked)
	}
}

func TestCreateRefusesWhatGoogleRefuses(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	two := newContact()
	two.Names = append(two.Names, &people.Name{GivenName: "Other"})
	bad := newContact()
	bad.Birthdays[0].Date.Month = 2
	bad.Birthdays[0].Date.Day = 30
	for name, p := range map[string]*people.Person{"two names": two, "30 February": bad} {
		if _, err := svc.People.CreateContact(p).Do(); code(t, err) != 400 {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := serviceFor(t, sb, scopeContactsRO).People.CreateContact(newContact()).Do(); code(t, err) != 403 {
		t.Errorf("create with contacts.readonly: %v", err)
	}
}

func TestUpdateReplacesExactlyTheNamedFields(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	p, _ := svc.People.CreateContact(newContact()).Do()
	upd, err := svc.People.UpdateContact(p.ResourceName, &people.Person{Etag: p.Etag,
		EmailAddresses: []*people.EmailAddress{{Value: "joan@new.example"}}}).UpdatePersonFields("emailAddresses,biographies").Do()
	if err != nil {
		t.Fatal(err)
	}
	if len(upd.EmailAddresses) != 1 || upd.EmailAddresses[0].Value != "joan@new.example" || upd.Biographies != nil ||
		displayName(upd) != "Joan Clarke" || len(upd.PhoneNumbers) != 1 || upd.Etag == p.Etag || upd.ResourceName != p.ResourceName {
		t.Errorf("after update: %+v", upd)
	}
	// The contact source's etag is accepted in place of person.etag.
	src := upd.Metadata.Sources[0]
	again, err := svc.People.UpdateContact(p.ResourceName, &people.Person{
		Metadata: &people.PersonMetadata{Sources: []*people.Source{{Type: "CONTACT", Id: src.Id, Etag: src.Etag}}},
		Names:    []*people.Name{{GivenName: "Joan", FamilyName: "Murray"}},
	}).UpdatePersonFields("names").PersonFields("names").Do()
	if err != nil || displayName(again) != "Joan Murray" || again.EmailAddresses != nil {
		t.Errorf("update by source etag: %v %+v", err, again)
	}
}

func TestUpdateWithAStaleEtagIsFailedPreconditionAndChangesNothing(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	p, _ := svc.People.CreateContact(newContact()).Do()
	if _, err := svc.People.UpdateContact(p.ResourceName, &people.Person{Etag: p.Etag,
		Names: []*people.Name{{GivenName: "First"}}}).UpdatePersonFields("names").Do(); err != nil {
		t.Fatal(err)
	}
	_, err := svc.People.UpdateContact(p.ResourceName, &people.Person{Etag: p.Etag,
		Names: []*people.Name{{GivenName: "Second"}}}).UpdatePersonFields("names").Do()
	status, _, _ := envelope(t, err)
	ge := apiError(t, err)
	if ge.Code != 400 || status != "FAILED_PRECONDITION" || len(ge.Errors) != 1 || ge.Errors[0].Reason != "failedPrecondition" ||
		!strings.HasSuffix(err.Error(), "Clear local cache and get the latest person., failedPrecondition") {
		t.Errorf("stale etag: %v", err)
	}
	got, _ := svc.People.Get(p.ResourceName).PersonFields("names").Do()
	if displayName(got) != "First" {
		t.Errorf("the stale update changed the contact: %q", displayName(got))
	}
}

func TestUpdateNeedsAMaskAnEtagAndAContact(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	p, _ := svc.People.CreateContact(newContact()).Do()
	body := &people.Person{Etag: p.Etag}
	for name, c := range map[string]struct {
		call *people.PeopleUpdateContactCall
		code int
	}{
		"no updatePersonFields": {svc.People.UpdateContact(p.ResourceName, body), 400},
		"read-only field":       {svc.People.UpdateContact(p.ResourceName, body).UpdatePersonFields("photos"), 400},
		"no etag":               {svc.People.UpdateContact(p.ResourceName, &people.Person{}).UpdatePersonFields("names"), 400},
		"people/me":             {svc.People.UpdateContact("people/me", body).UpdatePersonFields("names"), 400},
		"unknown contact":       {svc.People.UpdateContact("people/c42", body).UpdatePersonFields("names"), 404},
	} {
		if _, err := c.call.Do(); code(t, err) != c.code {
			t.Errorf("%s: want %d, got %v", name, c.code, err)
		}
	}
}

func TestDeletedContactIsGoneEverywhere(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	list, _ := svc.People.Connections.List("people/me").PersonFields("names").Do()
	victim := list.Connections[0].ResourceName
	if _, err := svc.People.DeleteContact(victim).Do(); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.People.Get(victim).PersonFields("names").Do(); code(t, err) != 404 {
		t.Errorf("get after delete: %v", err)
	}
	if _, err := svc.People.DeleteContact(victim).Do(); code(t, err) != 404 {
		t.Errorf("second delete: %v", err)
	}
	after, _ := svc.People.Connections.List("people/me").PersonFields("names").Do()
	if after.TotalItems != 11 {
		t.Errorf("%d contacts after a delete, want 11", after.TotalItems)
	}
	if found, _ := svc.People.SearchContacts().Query("ada").ReadMask("names").Do(); len(found.Results) != 0 {
		t.Errorf("search still finds the deleted contact: %+v", found.Results)
	}
}

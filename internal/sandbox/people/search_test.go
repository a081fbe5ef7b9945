package people_test

import (
	"strings"
	"testing"

	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func names(resp *people.SearchResponse) []string {
	var out []string
	for _, r := range resp.Results {
		out = append(out, displayName(r.Person))
	}
	return out
}

func TestSearchContactsMatchesPrefixPhrases(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	for q, want := range map[string]string{
		"ada": "Ada Lovelace", "lov": "Ada Lovelace", "ADA  lo": "Ada Lovelace", "countess": "Ada Lovelace",
		"ove": "", "grace@": "Grace Hopper", "202 555": "Grace Hopper", "+12025550142": "Grace Hopper",
		"nasa": "Katherine Johnson", "du châ": "Émilie du Châtelet",
	} {
		resp, err := svc.People.SearchContacts().Query(q).ReadMask("names,emailAddresses").Do()
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if got := strings.Join(names(resp), ","); got != want {
			t.Errorf("%q found %q, want %q", q, got, want)
		}
	}
	// An empty query is the warm-up request: it succeeds and finds nothing. Over 30 is capped, not refused.
	warm, err := svc.People.SearchContacts().Query("").ReadMask("names").Do()
	if err != nil || len(warm.Results) != 0 {
		t.Errorf("warm-up: %v %+v", err, warm)
	}
	many, err := svc.People.SearchContacts().Query("a").ReadMask("names").PageSize(31).Do()
	if err != nil || len(many.Results) == 0 {
		t.Errorf("pageSize 31: %v", err)
	}
	few, _ := svc.People.SearchContacts().Query("a").ReadMask("names").PageSize(1).Do()
	if len(few.Results) != 1 {
		t.Errorf("pageSize 1 gave %d results", len(few.Results))
	}
	if _, err := svc.People.SearchContacts().Query("ada").Do(); code(t, err) != 400 {
		t.Errorf("no readMask: %v", err)
	}
}

func TestSearchFindsAContactRightAfterItIsCreated(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	if _, err := svc.People.CreateContact(newContact()).Do(); err != nil {
		t.Fatal(err)
	}
	resp, err := svc.People.SearchContacts().Query("joan").ReadMask("names").Do()
	if err != nil || strings.Join(names(resp), ",") != "Joan Clarke" {
		t.Errorf("search after create: %v %v", err, names(resp))
	}
}

func TestOtherContactsListAndSearch(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	list, err := svc.OtherContacts.List().ReadMask("names,emailAddresses").RequestSyncToken(true).Do()
	if err != nil || len(list.OtherContacts) != 5 || list.TotalSize != 5 || list.NextSyncToken == "" {
		t.Fatalf("list: %v %+v", err, list)
	}
	for _, p := range list.OtherContacts {
		if !strings.HasPrefix(p.ResourceName, "otherContacts/c") || len(p.EmailAddresses) != 1 {
			t.Errorf("other contact: %+v", p)
		}
	}
	page, err := svc.OtherContacts.List().ReadMask("emailAddresses").PageSize(2).Do()
	if err != nil || len(page.OtherContacts) != 2 || page.NextPageToken == "" {
		t.Errorf("paging: %v %+v", err, page)
	}
	if _, err := svc.OtherContacts.List().ReadMask("organizations").Do(); code(t, err) != 400 {
		t.Errorf("readMask outside the other-contact fields: %v", err)
	}
	found, err := svc.OtherContacts.Search().Query("jordan").ReadMask("names,phoneNumbers").Do()
	if err != nil || strings.Join(names(found), ",") != "Jordan Lee" || len(found.Results[0].Person.PhoneNumbers) != 1 {
		t.Errorf("search: %v %+v", err, found)
	}
	if _, err := serviceFor(t, sb, scopeContacts).OtherContacts.List().ReadMask("names").Do(); code(t, err) != 403 {
		t.Errorf("other contacts with only the contacts scope: %v", err)
	}
}

func TestDirectoryListAndSearch(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	list, err := svc.People.ListDirectoryPeople().ReadMask("names,emailAddresses").
		Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE").PageSize(4).Do()
	if err != nil || len(list.People) != 4 || list.NextPageToken == "" {
		t.Fatalf("list: %v %+v", err, list)
	}
	total := len(list.People)
	for tok := list.NextPageToken; tok != ""; {
		next, err := svc.People.ListDirectoryPeople().ReadMask("names,emailAddresses").
			Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE").PageSize(4).PageToken(tok).Do()
		if err != nil {
			t.Fatal(err)
		}
		total, tok = total+len(next.People), next.NextPageToken
	}
	if total != 9 { // eight colleagues and the account itself
		t.Errorf("%d people in the directory, want 9", total)
	}
	if _, err := svc.People.ListDirectoryPeople().ReadMask("names").Do(); code(t, err) != 400 {
		t.Errorf("no sources: %v", err)
	}
	found, err := svc.People.SearchDirectoryPeople().Query("grace").ReadMask("names,emailAddresses,organizations").
		Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE").Do()
	if err != nil || len(found.People) != 1 || found.TotalSize != 1 {
		t.Fatalf("search: %v %+v", err, found)
	}
	g := found.People[0]
	if g.EmailAddresses[0].Value != "grace@example.com" || g.Organizations[0].Title != "Engineering Director" ||
		g.Metadata != nil {
		t.Errorf("colleague: %+v", g)
	}
	dept, _ := svc.People.SearchDirectoryPeople().Query("research").ReadMask("names").
		Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE").Do()
	if len(dept.People) != 2 {
		t.Errorf("department search found %d", len(dept.People))
	}
	me, _ := svc.People.SearchDirectoryPeople().Query(sandboxtest.Account).ReadMask("names").
		Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE").Do()
	if len(me.People) != 1 || displayName(me.People[0]) != "You" {
		t.Errorf("the account in its own directory: %+v", me.People)
	}
}

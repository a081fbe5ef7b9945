package contacts_test

import (
	"strings"
	"testing"

	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
	"github.com/gogcli/gog/internal/cmd/contacts"
)

type searchResults struct {
	Results []*people.SearchResult `json:"results"`
}

func TestSearchWarmsGooglesCacheUpThenSearches(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var got searchResults
	env.JSON(&got, "contacts", "search", "ada", "--max", "5")
	if len(got.Results) != 1 || contacts.Name(got.Results[0].Person) != "Ada Lovelace" {
		t.Fatalf("results: %+v", got.Results)
	}
	reqs := env.Requests()
	if len(reqs) != 2 || reqs[0].Path != "/v1/people:searchContacts" || reqs[1].Path != "/v1/people:searchContacts" {
		t.Fatalf("requests: %v", env.Paths())
	}
	warm, search := query(t, reqs[0]), query(t, reqs[1])
	if !warm.Has("query") || warm.Get("query") != "" || warm.Get("readMask") != "names" {
		t.Errorf("warm-up query: %v", warm)
	}
	if search.Get("query") != "ada" || search.Get("readMask") != contacts.ListFields || search.Get("pageSize") != "5" {
		t.Errorf("search query: %v", search)
	}
	r := env.Run("--json", "contacts", "search", "nobody-matches-this")
	if r.Code != 0 || !strings.Contains(r.Stdout, `"results": []`) {
		t.Errorf("no match: exit %d, %s", r.Code, r.Stdout)
	}
	if r := env.Run("contacts", "search", "nobody-matches-this", "--fail-empty"); r.Code != 3 {
		t.Errorf("--fail-empty: exit %d", r.Code)
	}
}

func TestGetByEmailFindsTheOneContactWithThatAddress(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var p people.Person
	env.JSON(&p, "contacts", "get", "ADA.LOVELACE@analytical.example")
	if contacts.Name(&p) != "Ada Lovelace" || p.Metadata == nil || p.Etag == "" {
		t.Fatalf("by email: %+v", p)
	}
	env.SB.ClearRequests()
	var again people.Person
	env.JSON(&again, "contacts", "get", p.ResourceName)
	if again.Etag != p.Etag {
		t.Errorf("by resource name: etag %q vs %q", again.Etag, p.Etag)
	}
	if reqs := env.Requests(); len(reqs) != 1 || reqs[0].Path != "/v1/"+p.ResourceName ||
		query(t, reqs[0]).Get("personFields") != contacts.DetailFields {
		t.Errorf("get requests: %v", env.Paths())
	}
	// A prefix of an address is not the address.
	r := env.Run("--json", "contacts", "get", "ada@example")
	if r.Code != 5 || r.ErrorObject(t)["class"] != "not_found" || !strings.Contains(r.ErrorObject(t)["hint"].(string), "contacts search") {
		t.Errorf("unknown email: exit %d %s", r.Code, r.Stderr)
	}
	// Two contacts with one address: gog names both instead of guessing.
	env.Must("contacts", "create", "--given-name", "Ada", "--family-name", "Twin", "--email", "ada@example.com")
	r = env.Run("contacts", "get", "ada@example.com")
	if r.Code != 2 || !strings.Contains(r.Stderr, "2 contacts have the email address ada@example.com") ||
		!strings.Contains(r.Stderr, "Ada Twin") {
		t.Errorf("ambiguous email: exit %d %s", r.Code, r.Stderr)
	}
}

func TestGetUnknownContactIsNotFoundExit5(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Run("--json", "contacts", "get", "people/c42")
	if r.Code != 5 || r.ErrorObject(t)["status"] != float64(404) {
		t.Fatalf("exit %d %s", r.Code, r.Stderr)
	}
}

func TestOtherContactsListAndSearch(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var list struct {
		OtherContacts []*people.Person `json:"otherContacts"`
	}
	env.JSON(&list, "contacts", "other", "list")
	if len(list.OtherContacts) != 5 || !strings.HasPrefix(list.OtherContacts[0].ResourceName, "otherContacts/") {
		t.Fatalf("other contacts: %+v", list.OtherContacts)
	}
	if q := query(t, env.Requests()[0]); env.Requests()[0].Path != "/v1/otherContacts" || q.Get("readMask") != contacts.OtherFields {
		t.Errorf("otherContacts.list: %v %v", env.Paths(), q)
	}
	env.SB.ClearRequests()
	r := env.Must("contacts", "other", "search", "jordan")
	if !strings.Contains(r.Stdout, "Jordan Lee\tjordan.lee@partner.example\t+1 415 555 0188") {
		t.Errorf("other search:\n%s", r.Stdout)
	}
	if p := env.Paths(); len(p) != 2 || p[0] != "GET /v1/otherContacts:search" || p[1] != p[0] {
		t.Errorf("warm-up then search: %v", p)
	}
}

func TestDirectoryListAndSearchAskForProfilesAndSharedContacts(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var list struct {
		People []*people.Person `json:"people"`
	}
	env.JSON(&list, "contacts", "directory", "list", "--max", "4", "--all-pages")
	if len(list.People) != 9 || len(env.Requests()) != 3 {
		t.Fatalf("directory: %d people in %d requests", len(list.People), len(env.Requests()))
	}
	q := query(t, env.Requests()[0])
	if src := strings.Join(q["sources"], ","); src != "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE,DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT" ||
		q.Get("readMask") != contacts.DirectoryFields {
		t.Errorf("listDirectoryPeople query: %v", q)
	}
	r := env.Must("contacts", "directory", "search", "grace")
	if !strings.Contains(r.Stdout, "Grace Hopper\tgrace@example.com\t\tEngineering Director, Example\tpeople/") {
		t.Errorf("directory search:\n%s", r.Stdout)
	}
}

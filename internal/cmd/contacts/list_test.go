package contacts_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
	"github.com/gogcli/gog/internal/cmd/contacts"
	"github.com/gogcli/gog/internal/sandbox"
)

const connectionsPath = "/v1/people/me/connections"

type connectionList struct {
	Connections   []*people.Person `json:"connections"`
	NextPageToken string           `json:"nextPageToken"`
}

func query(t *testing.T, e sandbox.RequestEntry) url.Values {
	t.Helper()
	q, err := url.ParseQuery(e.Query)
	if err != nil {
		t.Fatalf("query %q: %v", e.Query, err)
	}
	return q
}

func TestListPrintsTheDemoContactsWithTheListFields(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var got connectionList
	env.JSON(&got, "contacts", "list")
	if len(got.Connections) != 12 || got.NextPageToken != "" {
		t.Fatalf("%d contacts, next %q", len(got.Connections), got.NextPageToken)
	}
	ada := got.Connections[0]
	if contacts.Name(ada) != "Ada Lovelace" || len(ada.EmailAddresses) != 2 || len(ada.Birthdays) != 1 || ada.Metadata != nil {
		t.Errorf("first contact: %+v", ada)
	}
	reqs := env.Requests()
	if len(reqs) != 1 || reqs[0].Method != "GET" || reqs[0].Path != connectionsPath {
		t.Fatalf("requests: %v", env.Paths())
	}
	if q := query(t, reqs[0]); q.Get("personFields") != contacts.ListFields || q.Has("pageSize") || q.Has("sortOrder") {
		t.Errorf("connections.list query: %v", q)
	}
	r := env.Must("contacts", "list", "--plain")
	lines := strings.Split(strings.TrimSpace(r.Stdout), "\n")
	if lines[0] != "NAME\tEMAIL\tPHONE\tORGANIZATION\tRESOURCE" || len(lines) != 13 ||
		!strings.HasPrefix(lines[1], "Ada Lovelace\tada@example.com\t+44 20 7946 0001\tProgrammer, Analytical Engines Ltd\tpeople/c") {
		t.Errorf("plain output:\n%s", r.Stdout)
	}
}

func TestListPagesWithMaxPageAndAllPages(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Must("contacts", "list", "--max", "5")
	if n := len(strings.Split(strings.TrimSpace(r.Stdout), "\n")); n != 6 {
		t.Fatalf("--max 5 printed %d lines:\n%s", n, r.Stdout)
	}
	i := strings.Index(r.Stderr, "--page ")
	if i < 0 {
		t.Fatalf("no next-page hint on stderr: %q", r.Stderr)
	}
	token := strings.Fields(r.Stderr[i+len("--page "):])[0]
	next := env.Must("contacts", "list", "--max", "5", "--page", token)
	if next.Stdout == r.Stdout || strings.Contains(next.Stdout, "Ada Lovelace") {
		t.Fatalf("the second page repeats the first:\n%s", next.Stdout)
	}
	env.SB.ClearRequests()
	var all connectionList
	env.JSON(&all, "contacts", "list", "--max", "5", "--all-pages")
	reqs := env.Requests()
	if len(all.Connections) != 12 || all.NextPageToken != "" || len(reqs) != 3 {
		t.Fatalf("--all-pages: %d contacts, next %q, %d requests", len(all.Connections), all.NextPageToken, len(reqs))
	}
	if q := query(t, reqs[2]); q.Get("pageSize") != "5" || q.Get("pageToken") == "" {
		t.Errorf("third page query: %v", q)
	}
}

func TestListSortAndEmptyResults(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var got connectionList
	env.JSON(&got, "contacts", "list", "--sort", "last-name")
	if contacts.Name(got.Connections[0]) != "Tim Berners-Lee" {
		t.Errorf("first by last name: %s", contacts.Name(got.Connections[0]))
	}
	if q := query(t, env.Requests()[0]); q.Get("sortOrder") != "LAST_NAME_ASCENDING" {
		t.Errorf("sortOrder: %v", q)
	}
	// A fresh account without demo data has no contacts: exit 0 with an empty list, 3 with --fail-empty.
	env.SB.CreateAccount("empty@example.com", false)
	env.Must("auth", "add", "empty@example.com", "--services", "contacts", "--no-input")
	r := env.Run("--json", "--account", "empty@example.com", "contacts", "list")
	if r.Code != 0 || !strings.Contains(r.Stdout, `"connections": []`) {
		t.Fatalf("empty list: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if r := env.Run("--account", "empty@example.com", "contacts", "list", "--fail-empty"); r.Code != 3 {
		t.Errorf("--fail-empty: exit %d", r.Code)
	}
}

func TestListRecoversFromAOneTimeScope403ByRefreshingOnce(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	env.SB.AddFault(sandbox.Fault{Method: "GET", PathPrefix: connectionsPath, Preset: "insufficient_scope", Times: 1})
	r := env.Run("contacts", "list")
	if r.Code != 0 || !strings.Contains(r.Stdout, "Ada Lovelace") {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	var log []string
	for _, e := range env.Requests() {
		log = append(log, e.Method+" "+e.Path+" "+strconv.Itoa(e.Status))
	}
	want := []string{"GET " + connectionsPath + " 403", "POST /token 200", "GET " + connectionsPath + " 200"}
	if strings.Join(log, "|") != strings.Join(want, "|") {
		t.Fatalf("request log %q, want %q", log, want)
	}
}

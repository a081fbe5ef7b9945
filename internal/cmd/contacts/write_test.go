package contacts_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/api/option"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
	"github.com/gogcli/gog/internal/cmd/contacts"
	"github.com/gogcli/gog/internal/sandbox"
)

func create(t *testing.T, env *cmdtest.Env, args ...string) *people.Person {
	t.Helper()
	var p people.Person
	env.JSON(&p, append([]string{"contacts", "create"}, args...)...)
	return &p
}

func TestCreateSendsTheFlagsAndPrintsGooglesContact(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	p := create(t, env, "--given-name", "Joan", "--family-name", "Clarke", "--email", "joan@bletchley.example",
		"--email", "joan@home.example", "--phone", "+44 1908 640404", "--org", "GC&CS", "--title", "Cryptanalyst",
		"--birthday", "06-24", "--note", "Hut 8")
	if !strings.HasPrefix(p.ResourceName, "people/c") || contacts.Name(p) != "Joan Clarke" || len(p.EmailAddresses) != 2 ||
		p.PhoneNumbers[0].CanonicalForm != "+441908640404" || p.Birthdays[0].Date.Year != 0 || p.Biographies[0].Value != "Hut 8" {
		t.Fatalf("created: %+v", p)
	}
	reqs := env.Requests()
	if len(reqs) != 1 || reqs[0].Method != "POST" || reqs[0].Path != "/v1/people:createContact" ||
		query(t, reqs[0]).Get("personFields") != contacts.DetailFields {
		t.Fatalf("requests: %v", env.Paths())
	}
	r := env.Must("contacts", "get", p.ResourceName, "--plain")
	for _, want := range []string{"name\tJoan Clarke", "email\tjoan@home.example", "title\tCryptanalyst", "birthday\t--06-24"} {
		if !strings.Contains(r.Stdout, want) {
			t.Errorf("get lacks %q:\n%s", want, r.Stdout)
		}
	}
}

func TestDryRunPrintsTheWriteAndSendsNothing(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Must("--dry-run", "contacts", "create", "--given-name", "Dry", "--email", "dry@example.com")
	var printed struct {
		DryRun bool            `json:"dry_run"`
		Method string          `json:"method"`
		URL    string          `json:"url"`
		Body   json.RawMessage `json:"body"`
	}
	if err := json.Unmarshal([]byte(r.Stdout), &printed); err != nil || !printed.DryRun || printed.Method != "POST" ||
		!strings.Contains(printed.URL, "/v1/people:createContact") || !strings.Contains(string(printed.Body), `"dry@example.com"`) {
		t.Fatalf("dry-run output: %v\n%s", err, r.Stdout)
	}
	if len(env.Requests()) != 0 {
		t.Fatalf("a dry run sent %v", env.Paths())
	}
	// An update still reads the contact (for its etag) and prints the PATCH instead of sending it.
	p := create(t, env, "--given-name", "Real")
	env.SB.ClearRequests()
	r = env.Must("--dry-run", "contacts", "update", p.ResourceName, "--note", "never sent")
	if !strings.Contains(r.Stdout, `"method": "PATCH"`) || !strings.Contains(r.Stdout, p.Etag) {
		t.Errorf("update dry run:\n%s", r.Stdout)
	}
	if paths := env.Paths(); len(paths) != 1 || paths[0] != "GET /v1/"+p.ResourceName {
		t.Errorf("update dry run sent %v", paths)
	}
}

func TestUpdateSendsTheEtagItReadAndOnlyTheFieldsNamed(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	p := create(t, env, "--given-name", "Joan", "--family-name", "Clarke", "--email", "joan@old.example",
		"--phone", "+44 1", "--org", "GC&CS", "--title", "Cryptanalyst", "--note", "keep me")
	env.SB.ClearRequests()
	var upd people.Person
	env.JSON(&upd, "contacts", "update", p.ResourceName, "--family-name", "Murray", "--email", "joan@new.example",
		"--title", "Deputy head")
	reqs := env.Requests()
	if len(reqs) != 2 || reqs[0].Method != "GET" || reqs[1].Method != "PATCH" || reqs[1].Path != "/v1/"+p.ResourceName+":updateContact" {
		t.Fatalf("requests: %v", env.Paths())
	}
	if q := query(t, reqs[0]); q.Get("personFields") != "emailAddresses,names,organizations" {
		t.Errorf("read mask: %v", q)
	}
	if q := query(t, reqs[1]); q.Get("updatePersonFields") != "emailAddresses,names,organizations" {
		t.Errorf("updatePersonFields: %v", q)
	}
	if contacts.Name(&upd) != "Joan Murray" || len(upd.EmailAddresses) != 1 || upd.EmailAddresses[0].Value != "joan@new.example" ||
		upd.Organizations[0].Name != "GC&CS" || upd.Organizations[0].Title != "Deputy head" ||
		upd.PhoneNumbers[0].Value != "+44 1" || upd.Biographies[0].Value != "keep me" || upd.Etag == p.Etag {
		t.Errorf("after update: %+v", upd)
	}
	// An empty value clears a field.
	var cleared people.Person
	env.JSON(&cleared, "contacts", "update", p.ResourceName, "--note", "")
	if cleared.Biographies != nil || contacts.Name(&cleared) != "Joan Murray" {
		t.Errorf("--note \"\": %+v", cleared)
	}
}

// TestUpdateThatLosesARaceIsAConflictAndOverwritesNothing: another client changes the contact between gog's
// read and its write. Google refuses the stale etag; gog must report a conflict naming what to run, must not
// retry, and the other change must survive.
func TestUpdateThatLosesARaceIsAConflictAndOverwritesNothing(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var p people.Person
	env.JSON(&p, "contacts", "get", "grace@example.com")
	tok := env.SB.MintToken(cmdtest.Account, "https://www.googleapis.com/auth/contacts")
	other, err := people.NewService(context.Background(), option.WithEndpoint(env.SB.URL+"/"),
		option.WithHTTPClient(env.SB.BearerClient(tok.AccessToken)))
	if err != nil {
		t.Fatal(err)
	}
	// Hold gog's PATCH in the sandbox for a moment; while it waits, the other client edits the note.
	env.SB.AddFault(sandbox.Fault{Method: "PATCH", PathPrefix: "/v1/" + p.ResourceName, DelayMS: 500, Times: 1})
	var once sync.Once
	env.SB.Clock.OnSleep = func(time.Duration) {
		once.Do(func() {
			cur, err := other.People.Get(p.ResourceName).PersonFields("biographies").Do()
			if err == nil {
				_, err = other.People.UpdateContact(p.ResourceName, &people.Person{Etag: cur.Etag,
					Biographies: []*people.Biography{{Value: "theirs"}}}).UpdatePersonFields("biographies").Do()
			}
			if err != nil {
				t.Errorf("the concurrent edit failed: %v", err)
			}
		})
	}
	env.SB.ClearRequests()
	r := env.Run("--json", "contacts", "update", p.ResourceName, "--note", "mine")
	if r.Code != 1 {
		t.Fatalf("exit %d, want 1 (conflict); stderr %s", r.Code, r.Stderr)
	}
	obj := r.ErrorObject(t)
	hint, _ := obj["hint"].(string)
	if obj["class"] != "conflict" || obj["reason"] != "failedPrecondition" || !strings.Contains(hint, "contacts update") ||
		!strings.Contains(hint, "contacts get "+p.ResourceName) {
		t.Errorf("error object: %v", obj)
	}
	var patches []string
	for _, e := range env.Requests() {
		if e.Method == "PATCH" {
			patches = append(patches, e.Path+" "+strconv.Itoa(e.Status))
		}
	}
	if len(patches) != 2 || !strings.HasSuffix(patches[0], " 400") || !strings.HasSuffix(patches[1], " 200") {
		t.Errorf("PATCHes (gog's, then the other client's): %v", patches)
	}
	var now people.Person
	env.JSON(&now, "contacts", "get", p.ResourceName)
	if len(now.Biographies) != 1 || now.Biographies[0].Value != "theirs" {
		t.Errorf("the other change was lost: %+v", now.Biographies)
	}
}

func TestDeleteAsksFirstAndNeedsForceWithoutATerminal(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	p := create(t, env, "--given-name", "Temp")
	q := create(t, env, "--given-name", "Temp2")
	env.SB.ClearRequests()
	r := env.Run("contacts", "delete", p.ResourceName)
	if r.Code != 2 || !strings.Contains(r.Stderr, "--force") || len(env.Requests()) != 0 {
		t.Fatalf("without --force: exit %d, %v\n%s", r.Code, env.Paths(), r.Stderr)
	}
	var out struct {
		ResourceName string `json:"resourceName"`
		Deleted      bool   `json:"deleted"`
	}
	env.JSON(&out, "contacts", "delete", p.ResourceName, "--force")
	if !out.Deleted || out.ResourceName != p.ResourceName {
		t.Errorf("delete output: %+v", out)
	}
	if paths := env.Paths(); len(paths) != 1 || paths[0] != "DELETE /v1/"+p.ResourceName+":deleteContact" {
		t.Errorf("requests: %v", paths)
	}
	if r := env.Run("contacts", "get", p.ResourceName); r.Code != 5 {
		t.Errorf("get after delete: exit %d", r.Code)
	}
	// On a terminal, gog asks; "y" deletes.
	env.TTY = true
	r = env.RunIn("y\n", "contacts", "delete", q.ResourceName)
	if r.Code != 0 || !strings.Contains(r.Stderr, "Delete contact "+q.ResourceName+"?") {
		t.Errorf("confirmed delete: exit %d %s", r.Code, r.Stderr)
	}
}

func TestReadonlyRefusesWritesBeforeSendingThem(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Run("--readonly", "contacts", "create", "--given-name", "Nope")
	if r.Code == 0 {
		t.Fatalf("--readonly create succeeded: %s", r.Stdout)
	}
	for _, p := range env.Paths() {
		if strings.HasPrefix(p, "POST /v1/") {
			t.Fatalf("--readonly sent %s", p)
		}
	}
}

package e2e

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestContactsScriptCreatesSearchesUpdatesAndDeletesAContact is what a script does against a served sandbox
// after `gog auth add`: every step a separate gog process, each reading the previous one's JSON.
func TestContactsScriptCreatesSearchesUpdatesAndDeletesAContact(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	s := serve(t, h)
	signInServed(t, h, s)
	gog := func(args ...string) result {
		return h.must(append([]string{"--endpoint", s.URL, "--json"}, args...)...)
	}
	var created struct {
		ResourceName string `json:"resourceName"`
		Etag         string `json:"etag"`
	}
	decodeContacts(t, gog("contacts", "create", "--given-name", "Joan", "--family-name", "Clarke",
		"--email", "joan@bletchley.example", "--phone", "+44 1908 640404", "--note", "Hut 8").stdout, &created)
	if !strings.HasPrefix(created.ResourceName, "people/c") || created.Etag == "" {
		t.Fatalf("created: %+v", created)
	}
	var found struct {
		Results []struct {
			Person struct {
				ResourceName string `json:"resourceName"`
			} `json:"person"`
		} `json:"results"`
	}
	decodeContacts(t, gog("contacts", "search", "joan").stdout, &found)
	if len(found.Results) != 1 || found.Results[0].Person.ResourceName != created.ResourceName {
		t.Fatalf("search: %+v", found)
	}
	var updated struct {
		Etag           string `json:"etag"`
		EmailAddresses []struct {
			Value string `json:"value"`
		} `json:"emailAddresses"`
		Biographies []struct {
			Value string `json:"value"`
		} `json:"biographies"`
	}
	decodeContacts(t, gog("contacts", "update", created.ResourceName, "--email", "joan@gchq.example").stdout, &updated)
	if updated.Etag == created.Etag || len(updated.EmailAddresses) != 1 || updated.EmailAddresses[0].Value != "joan@gchq.example" ||
		len(updated.Biographies) != 1 || updated.Biographies[0].Value != "Hut 8" {
		t.Fatalf("updated: %+v", updated)
	}
	// By email, as a script would look the contact up again.
	if r := gog("contacts", "get", "joan@gchq.example"); !strings.Contains(r.stdout, created.ResourceName) {
		t.Fatalf("get by email:\n%s", r.stdout)
	}
	if r := h.run("", "--endpoint", s.URL, "contacts", "delete", created.ResourceName); r.code != 2 {
		t.Fatalf("delete without --force and without a terminal: exit %d %s", r.code, r.stderr)
	}
	gog("contacts", "delete", created.ResourceName, "--force")
	if r := h.run("", "--endpoint", s.URL, "contacts", "get", created.ResourceName); r.code != 5 {
		t.Fatalf("get after delete: exit %d %s", r.code, r.stderr)
	}
}

func TestFreshHomeSandboxContactsListPrintsTheDemoContacts(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	delete(h.env, "GOG_KEYRING_BACKEND")
	delete(h.env, "GOG_KEYRING_PASSWORD")
	r := h.must("--sandbox", "contacts", "list")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if lines[0] != "NAME\tEMAIL\tPHONE\tORGANIZATION\tRESOURCE" || len(lines) != 13 || !strings.HasPrefix(lines[1], "Ada Lovelace\t") {
		t.Fatalf("gog --sandbox contacts list:\n%s\nstderr: %s", r.stdout, r.stderr)
	}
}

func decodeContacts(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
}

package people_test

import (
	"context"
	"strings"
	"testing"

	peopleapi "google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdtest"
	"github.com/gogcli/gog/internal/cmd/contacts"
	"github.com/gogcli/gog/internal/cmd/people"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

func parseGet(t *testing.T, args ...string) (*people.GetOptions, error) {
	t.Helper()
	ios, _, _, _ := output.Test()
	var got *people.GetOptions
	cmd := people.NewCmdGet(app.New(ios, func(string) string { return "" }),
		func(_ context.Context, o *people.GetOptions) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	return got, cmd.Execute()
}

func TestGetTakesAResourceName(t *testing.T) {
	t.Parallel()
	if o, err := parseGet(t, "people/1234"); err != nil || o.ResourceName != "people/1234" {
		t.Errorf("people/1234: %+v %v", o, err)
	}
	if o, err := parseGet(t, "c42"); err != nil || o.ResourceName != "people/c42" {
		t.Errorf("c42: %+v %v", o, err)
	}
	if _, err := parseGet(t, "ada@example.com"); errs.ClassOf(err) != errs.Usage {
		t.Errorf("an email is not a resource name here: %v", err)
	}
}

func TestMeShowsTheSignedInProfile(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var me peopleapi.Person
	env.JSON(&me, "people", "me")
	if contacts.Name(&me) != "You" || me.EmailAddresses[0].Value != cmdtest.Account || !strings.HasPrefix(me.ResourceName, "people/1") {
		t.Fatalf("me: %+v", me)
	}
	reqs := env.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/v1/people/me" || !strings.Contains(reqs[0].Query, "personFields=") {
		t.Errorf("requests: %v", env.Paths())
	}
	r := env.Must("people", "me", "--plain")
	if !strings.HasPrefix(r.Stdout, "FIELD\tVALUE\nresource\t"+me.ResourceName+"\nname\tYou\nemail\t"+cmdtest.Account+"\n") {
		t.Errorf("plain:\n%s", r.Stdout)
	}
}

func TestGetShowsAColleagueAContactOrNotFound(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var dir struct {
		People []*peopleapi.Person `json:"people"`
	}
	env.JSON(&dir, "contacts", "directory", "search", "ken")
	var ken peopleapi.Person
	env.JSON(&ken, "people", "get", dir.People[0].ResourceName)
	if contacts.Name(&ken) != "Ken Thompson" || ken.Organizations[0].Title != "Distinguished Engineer" {
		t.Errorf("colleague: %+v", ken)
	}
	var list struct {
		Connections []*peopleapi.Person `json:"connections"`
	}
	env.JSON(&list, "contacts", "list", "--max", "1")
	if r := env.Must("people", "get", list.Connections[0].ResourceName); !strings.Contains(r.Stdout, "Ada Lovelace") {
		t.Errorf("contact:\n%s", r.Stdout)
	}
	if r := env.Run("people", "get", "people/c42"); r.Code != 5 {
		t.Errorf("unknown person: exit %d %s", r.Code, r.Stderr)
	}
}

// The group belongs to the contacts service, so a scope error names the sign-in that fixes it.
func TestScopeErrorsNameTheContactsService(t *testing.T) {
	t.Parallel()
	env := cmdtest.NewSignedOut(t)
	env.Must("auth", "add", cmdtest.Account, "--services", "calendar", "--no-input")
	r := env.Run("--json", "people", "get", "people/c42")
	obj := r.ErrorObject(t)
	if hint, _ := obj["hint"].(string); obj["class"] != "insufficient_scope" || !strings.Contains(hint, "--services contacts") {
		t.Errorf("exit %d, error %v", r.Code, obj)
	}
}

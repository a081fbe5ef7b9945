package people_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestGetMeIsTheAccountsProfileThroughTheMask(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	me, err := svc.People.Get("people/me").PersonFields("names,emailAddresses").Do()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^people/1\d{20}$`).MatchString(me.ResourceName) || !strings.HasPrefix(me.Etag, "%") {
		t.Errorf("resourceName %q etag %q", me.ResourceName, me.Etag)
	}
	if displayName(me) != "You" || len(me.EmailAddresses) != 1 || me.EmailAddresses[0].Value != sandboxtest.Account ||
		!me.EmailAddresses[0].Metadata.Verified || !me.EmailAddresses[0].Metadata.Primary {
		t.Errorf("profile: %+v %+v", me.Names, me.EmailAddresses)
	}
	if me.Photos != nil || me.Metadata != nil {
		t.Errorf("fields outside the mask were sent: photos %v metadata %v", me.Photos, me.Metadata)
	}
	// The profile is also reachable under its own id, and the deprecated requestMask.includeField still works.
	again, err := svc.People.Get(me.ResourceName).RequestMaskIncludeField("person.photos").Do()
	if err != nil || again.ResourceName != me.ResourceName || len(again.Photos) != 1 || again.Names != nil {
		t.Errorf("get by id with includeField: %v %+v", err, again)
	}
}

func TestGetRequiresAValidPersonFieldsMask(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	_, err := svc.People.Get("people/me").Do()
	status, legacy, msg := envelope(t, err)
	if code(t, err) != 400 || status != "INVALID_ARGUMENT" || legacy || !strings.HasPrefix(msg, "personFields mask is required.") {
		t.Errorf("missing mask: %d %s %v %q", code(t, err), status, legacy, msg)
	}
	_, err = svc.People.Get("people/me").PersonFields("names,nope").Do()
	if _, _, msg := envelope(t, err); code(t, err) != 400 || !strings.HasPrefix(msg, `Invalid personFields mask path: "nope".`) {
		t.Errorf("unknown path: %v", err)
	}
}

func TestGetContactByResourceNameAndUnknownIs404(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	list, err := svc.People.Connections.List("people/me").PersonFields("names").PageSize(1).Do()
	if err != nil || len(list.Connections) != 1 {
		t.Fatalf("list: %v", err)
	}
	first := list.Connections[0]
	got, err := svc.People.Get(first.ResourceName).PersonFields("names,emailAddresses,metadata").Do()
	if err != nil || got.Etag != first.Etag || displayName(got) != "Ada Lovelace" || len(got.EmailAddresses) != 2 {
		t.Fatalf("get %s: %v %+v", first.ResourceName, err, got)
	}
	if src := got.Metadata.Sources[0]; src.Type != "CONTACT" || !strings.HasPrefix(src.Etag, "#") || src.UpdateTime == "" {
		t.Errorf("contact source: %+v", src)
	}
	for _, name := range []string{"people/c1", "people/nobody"} {
		_, err := svc.People.Get(name).PersonFields("names").Do()
		if status, _, msg := envelope(t, err); code(t, err) != 404 || status != "NOT_FOUND" || msg != "Requested entity was not found." {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestReadingContactsOrColleaguesNeedsTheirOwnScopes(t *testing.T) {
	t.Parallel()
	sb, full := newService(t)
	contact, _ := full.People.Connections.List("people/me").PersonFields("names").PageSize(1).Do()
	dir, _ := full.People.ListDirectoryPeople().ReadMask("names").Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE").PageSize(1).Do()
	profileOnly := serviceFor(t, sb, "https://www.googleapis.com/auth/userinfo.profile")
	if _, err := profileOnly.People.Get("people/me").PersonFields("names").Do(); err != nil {
		t.Errorf("people/me with userinfo.profile: %v", err)
	}
	for _, name := range []string{contact.Connections[0].ResourceName, dir.People[0].ResourceName} {
		if _, err := profileOnly.People.Get(name).PersonFields("names").Do(); code(t, err) != 403 {
			t.Errorf("%s with userinfo.profile: %v", name, err)
		}
	}
	if got, err := full.People.Get(dir.People[0].ResourceName).PersonFields("organizations").Do(); err != nil || len(got.Organizations) != 1 {
		t.Errorf("a colleague with directory.readonly: %v %+v", err, got)
	}
}

func TestBatchGetAnswersEachNameOnItsOwn(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	list, _ := svc.People.Connections.List("people/me").PersonFields("names").PageSize(1).Do()
	resp, err := svc.People.GetBatchGet().ResourceNames("people/me", list.Connections[0].ResourceName, "people/c42").
		PersonFields("names").Do()
	if err != nil || len(resp.Responses) != 3 {
		t.Fatalf("batchGet: %v %+v", err, resp)
	}
	if r := resp.Responses[0]; r.HttpStatusCode != 200 || displayName(r.Person) != "You" || r.RequestedResourceName != "people/me" {
		t.Errorf("me: %+v", r)
	}
	if r := resp.Responses[1]; r.HttpStatusCode != 200 || displayName(r.Person) != "Ada Lovelace" {
		t.Errorf("contact: %+v", r)
	}
	if r := resp.Responses[2]; r.HttpStatusCode != 404 || r.Person != nil || r.Status.Code != 5 {
		t.Errorf("missing: %+v %+v", r, r.Status)
	}
	if _, err := svc.People.GetBatchGet().PersonFields("names").Do(); code(t, err) != 400 {
		t.Errorf("no names: %v", err)
	}
}

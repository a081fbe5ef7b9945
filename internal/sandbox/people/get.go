package people

import (
	"errors"
	"strings"

	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

const (
	scopeContacts   = "https://www.googleapis.com/auth/contacts"
	scopeContactsRO = "https://www.googleapis.com/auth/contacts.readonly"
	scopeDirectory  = "https://www.googleapis.com/auth/directory.readonly"
)

// maxBatchGet is how many resource names one people:batchGet accepts.
const maxBatchGet = 200

func getMask() maskSpec {
	return maskSpec{param: "personFields", valid: personFields, required: true, doc: "people/get"}
}

// get is people.get: people/me (the account's profile), a contact (people/c…), or a directory profile.
func (a *API) get(c *gapi.Call) (any, error) {
	m, err := readMask(c, getMask())
	if err != nil {
		return nil, err
	}
	if err := checkSources(c, readSources, false); err != nil {
		return nil, err
	}
	var p *people.Person
	err = a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		p, err = a.lookup(tx, c, c.Param("peopleId"))
		return err
	})
	if err != nil {
		return nil, err
	}
	return project(p, m), nil
}

// lookup finds a person by the id part of its resource name. Reading a contact needs a contacts scope and
// reading a colleague's profile directory.readonly, beyond the scopes that let the method through at all.
func (a *API) lookup(tx *store.Tx, c *gapi.Call, peopleID string) (*people.Person, error) {
	email := c.Principal.Email
	if peopleID == "me" {
		return a.me(tx, email)
	}
	if id, ok := parseContactID(peopleID); ok {
		if !c.Principal.HasAnyScope([]string{scopeContacts, scopeContactsRO}) {
			return nil, gapi.InsufficientScopes(c.Method)
		}
		rec, err := loadContact(tx, email, id)
		if err != nil {
			return nil, err
		}
		return rec.Person, nil
	}
	acct, ok, err := gapi.LoadAccount(tx, email)
	if err != nil {
		return nil, err
	}
	if ok && peopleID == acct.Sub {
		return a.me(tx, email)
	}
	p, ok, err := store.Get[people.Person](tx, bucketDirectory, store.Key(email, peopleID))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, notFound()
	}
	if !c.Principal.HasAnyScope([]string{scopeDirectory}) {
		return nil, gapi.InsufficientScopes(c.Method)
	}
	return &p, nil
}

// me is the account's own profile, derived from the sandbox account (so it always agrees with userinfo).
func (a *API) me(tx *store.Tx, email string) (*people.Person, error) {
	acct, ok, err := gapi.LoadAccount(tx, email)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, notFound()
	}
	profile := &people.Source{Type: "PROFILE", Id: acct.Sub}
	account := &people.Source{Type: "ACCOUNT", Id: acct.Sub}
	p := &people.Person{
		ResourceName: "people/" + acct.Sub,
		Metadata: &people.PersonMetadata{ObjectType: "PERSON", Sources: []*people.Source{{Type: "PROFILE", Id: acct.Sub,
			UpdateTime:      stamp(acct.Created),
			ProfileMetadata: &people.ProfileMetadata{ObjectType: "PERSON", UserTypes: []string{"GOOGLE_USER"}}}}},
		Names: []*people.Name{{GivenName: acct.GivenName, FamilyName: acct.FamilyName,
			Metadata: &people.FieldMetadata{Primary: true, SourcePrimary: true, Source: profile}}},
		EmailAddresses: []*people.EmailAddress{{Value: acct.Email,
			Metadata: &people.FieldMetadata{Primary: true, SourcePrimary: true, Verified: true, Source: account}}},
		Photos: []*people.Photo{{Url: acct.Picture, Default: true,
			Metadata: &people.FieldMetadata{Primary: true, Source: profile}}},
	}
	if err := derive(p); err != nil {
		return nil, err
	}
	if p.Names[0].DisplayName == "" {
		p.Names[0].DisplayName = acct.Name
	}
	withETags(p)
	return p, nil
}

// batchGet is people.getBatchGet: each requested name answered on its own, a missing one with a 404 status
// inside a 200 response, as Google does.
func (a *API) batchGet(c *gapi.Call) (any, error) {
	m, err := readMask(c, getMask())
	if err != nil {
		return nil, err
	}
	names := c.Query()["resourceNames"]
	switch {
	case len(names) == 0:
		return nil, invalidArgument("resourceNames must contain at least one resource name.")
	case len(names) > maxBatchGet:
		return nil, invalidArgument("resourceNames may contain at most %d resource names.", maxBatchGet)
	}
	out := &people.GetPeopleResponse{}
	err = a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		for _, name := range names {
			r := &people.PersonResponse{RequestedResourceName: name, HttpStatusCode: 200, Status: &people.Status{}}
			id, ok := strings.CutPrefix(name, "people/")
			var p *people.Person
			var err error
			if !ok || id == "" || strings.Contains(id, "/") {
				err = invalidArgument("Resource name %q is not valid.", name)
			} else {
				p, err = a.lookup(tx, c, id)
			}
			var ge *gapi.Error
			switch {
			case err == nil:
				r.Person = project(p, m)
			case errors.As(err, &ge):
				r.HttpStatusCode = int64(ge.Code)
				r.Status = &people.Status{Code: rpcCode(ge.Code), Message: ge.Message}
			default:
				return err
			}
			out.Responses = append(out.Responses, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// rpcCode is the google.rpc.Code for an HTTP status (the ones batchGet can produce).
func rpcCode(status int) int64 {
	switch status {
	case 400:
		return 3 // INVALID_ARGUMENT
	case 403:
		return 7 // PERMISSION_DENIED
	case 404:
		return 5 // NOT_FOUND
	}
	return 13 // INTERNAL
}

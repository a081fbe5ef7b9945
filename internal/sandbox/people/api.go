// Package people is the sandbox's People API v1: the signed-in profile (people/me), the account's contacts
// (connections.list with Google's sort orders, paging and sync tokens; get and batchGet; createContact,
// updateContact with Google's etag precondition, deleteContact; searchContacts), "Other contacts" (list and
// search) and the Workspace directory (listDirectoryPeople, searchDirectoryPeople), answering with the
// generated google.golang.org/api/people/v1 types and People's error envelopes.
//
// Contacts are stored in their full wire form (people.Person JSON, with metadata.sources and field metadata
// as Google returns them) and every response is projected through the request's field mask (personFields or
// readMask), so "what is stored" and "what Google would send" are one thing. Field masks are applied to the
// JSON form rather than field by field: Person has forty fields and the mask names them by their JSON names.
//
// Each account has a change counter. Every write stamps the contact with the next value, which orders
// LAST_MODIFIED sorts and drives sync tokens: a sync token is the counter at the time it was issued, so changes
// made in the same sandbox instant (the test clock stands still) are never missed or repeated. A deleted contact
// stays as a tombstone (metadata.deleted) so a sync can report it, as Google does; everything else treats it as
// gone (404).
//
// The "me" profile is derived from the sandbox account on every read, so it always matches userinfo.
package people

import (
	"time"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// API is the People API.
type API struct {
	env gapi.Env
}

// New builds the People API over the sandbox's store and clock.
func New(env gapi.Env) *API { return &API{env: env} }

// Name implements gapi.API.
func (a *API) Name() string { return "people" }

// Register implements gapi.API.
func (a *API) Register(r *gapi.Router) {
	r.Handle("people.people.get", a.get)
	r.Handle("people.people.getBatchGet", a.batchGet)
	r.Handle("people.people.connections.list", a.connectionsList)
	r.Handle("people.people.createContact", a.createContact)
	r.Handle("people.people.updateContact", a.updateContact)
	r.Handle("people.people.deleteContact", a.deleteContact)
	r.Handle("people.people.searchContacts", a.searchContacts)
	r.Handle("people.otherContacts.list", a.otherList)
	r.Handle("people.otherContacts.search", a.otherSearch)
	r.Handle("people.people.listDirectoryPeople", a.directoryList)
	r.Handle("people.people.searchDirectoryPeople", a.directorySearch)
}

// Provision implements gapi.API. An account's profile needs no storage (it is derived from the account); a
// seeded account gets demo contacts, other contacts and a directory of colleagues (see seed.go).
func (a *API) Provision(tx *store.Tx, acct gapi.Account, seed bool, now time.Time) error {
	if !seed {
		return nil
	}
	return seedDemo(tx, acct, now)
}

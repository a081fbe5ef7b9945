package people

import (
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// otherContacts are the account's "Other contacts", in display-name order. The sandbox never changes them, so a
// sync token finds nothing new.
func (a *API) otherContacts(c *gapi.Call) ([]*people.Person, error) {
	var out []*people.Person
	err := a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		return store.ForEach(tx, bucketOther, store.Prefix(c.Principal.Email), func(_ string, p people.Person) error {
			out = append(out, &p)
			return nil
		})
	})
	sortByName(out)
	return out, err
}

// otherList is otherContacts.list (readMask required, pageSize up to 1000, sync tokens).
func (a *API) otherList(c *gapi.Call) (any, error) {
	m, err := readMask(c, maskSpec{param: "readMask", valid: otherContactFields, required: true, doc: "otherContacts/list"})
	if err != nil {
		return nil, err
	}
	if err := checkSources(c, readSources, false); err != nil {
		return nil, err
	}
	wantSync, err := c.Bool("requestSyncToken", false)
	if err != nil {
		return nil, err
	}
	_, syncing, err := readSyncToken(c, "otherContacts")
	if err != nil {
		return nil, err
	}
	spec := pageSpec(c, 100, 1000, true)
	all, err := a.otherContacts(c)
	if err != nil {
		return nil, err
	}
	if syncing {
		all = nil
	}
	page, next, err := gapi.Paginate(c, spec, all)
	if err != nil {
		return nil, err
	}
	out := &people.ListOtherContactsResponse{OtherContacts: projectAll(page, m), NextPageToken: next, TotalSize: int64(len(all))}
	if wantSync && next == "" {
		out.NextSyncToken = newSyncToken(c, "otherContacts", 0)
	}
	return out, nil
}

// otherSearch is otherContacts.search: prefix-phrase matching like searchContacts, at most 30 results.
func (a *API) otherSearch(c *gapi.Call) (any, error) {
	m, err := readMask(c, maskSpec{param: "readMask", valid: otherContactFields, required: true, doc: "otherContacts/search"})
	if err != nil {
		return nil, err
	}
	size, err := searchSize(c)
	if err != nil {
		return nil, err
	}
	all, err := a.otherContacts(c)
	if err != nil {
		return nil, err
	}
	var found []*people.Person
	for _, p := range all {
		if matches(p, c.String("query")) {
			found = append(found, p)
		}
	}
	return searchResponse(found, size, m), nil
}

package people

import (
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// directory is the account's domain directory, in display-name order (the sandbox keeps one per account,
// seeded with the colleagues of its domain and the account itself).
func (a *API) directory(c *gapi.Call) ([]*people.Person, error) {
	var out []*people.Person
	err := a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		return store.ForEach(tx, bucketDirectory, store.Prefix(c.Principal.Email), func(_ string, p people.Person) error {
			out = append(out, &p)
			return nil
		})
	})
	sortByName(out)
	return out, err
}

// directoryQuery reads what both directory methods require: a readMask and at least one DIRECTORY_SOURCE_TYPE.
func directoryQuery(c *gapi.Call, doc string) (mask, error) {
	m, err := readMask(c, maskSpec{param: "readMask", valid: personFields, required: true, doc: doc})
	if err != nil {
		return nil, err
	}
	if err := checkSources(c, directorySources, true); err != nil {
		return nil, err
	}
	if v := c.String("mergeSources"); v != "" && v != "DIRECTORY_MERGE_SOURCE_TYPE_CONTACT" {
		return nil, gapi.InvalidParam("mergeSources")
	}
	return m, nil
}

// directoryList is people.listDirectoryPeople (pageSize up to 1000, sync tokens).
func (a *API) directoryList(c *gapi.Call) (any, error) {
	m, err := directoryQuery(c, "people/listDirectoryPeople")
	if err != nil {
		return nil, err
	}
	wantSync, err := c.Bool("requestSyncToken", false)
	if err != nil {
		return nil, err
	}
	_, syncing, err := readSyncToken(c, "directory")
	if err != nil {
		return nil, err
	}
	spec := pageSpec(c, 100, 1000, true)
	all, err := a.directory(c)
	if err != nil {
		return nil, err
	}
	if syncing {
		all = nil // the sandbox's directory never changes
	}
	page, next, err := gapi.Paginate(c, spec, all)
	if err != nil {
		return nil, err
	}
	out := &people.ListDirectoryPeopleResponse{People: projectAll(page, m), NextPageToken: next}
	if wantSync && next == "" {
		out.NextSyncToken = newSyncToken(c, "directory", 0)
	}
	return out, nil
}

// directorySearch is people.searchDirectoryPeople: prefix-phrase matching on names, emails, phones and
// organizations (never limited by the readMask), paged with pageSize up to 500.
func (a *API) directorySearch(c *gapi.Call) (any, error) {
	m, err := directoryQuery(c, "people/searchDirectoryPeople")
	if err != nil {
		return nil, err
	}
	q := c.String("query")
	if q == "" {
		return nil, invalidArgument("query must not be empty.")
	}
	spec := pageSpec(c, 100, 500, true)
	all, err := a.directory(c)
	if err != nil {
		return nil, err
	}
	var found []*people.Person
	for _, p := range all {
		if matches(p, q) {
			found = append(found, p)
		}
	}
	page, next, err := gapi.Paginate(c, spec, found)
	if err != nil {
		return nil, err
	}
	return &people.SearchDirectoryPeopleResponse{People: projectAll(page, m), NextPageToken: next, TotalSize: int64(len(found))}, nil
}

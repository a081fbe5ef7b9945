package people

import (
	"encoding/json"
	"slices"
	"strings"

	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/gapi"
)

// personFields are the paths personFields and readMask accept (the People reference, v1).
var personFields = []string{
	"addresses", "ageRanges", "biographies", "birthdays", "calendarUrls", "clientData", "coverPhotos",
	"emailAddresses", "events", "externalIds", "genders", "imClients", "interests", "locales", "locations",
	"memberships", "metadata", "miscKeywords", "names", "nicknames", "occupations", "organizations",
	"phoneNumbers", "photos", "relations", "sipAddresses", "skills", "urls", "userDefined",
}

// updatableFields are the paths updateContact's updatePersonFields accepts.
var updatableFields = []string{
	"addresses", "biographies", "birthdays", "calendarUrls", "clientData", "emailAddresses", "events",
	"externalIds", "genders", "imClients", "interests", "locales", "locations", "memberships", "miscKeywords",
	"names", "nicknames", "occupations", "organizations", "phoneNumbers", "relations", "sipAddresses", "urls",
	"userDefined",
}

// otherContactFields are the paths an "Other contact" readMask accepts.
var otherContactFields = []string{"emailAddresses", "metadata", "names", "phoneNumbers", "photos"}

// mask is a parsed field mask: the set of top-level Person fields to keep.
type mask map[string]bool

// allFields is the mask of every readable field (what createContact and updateContact return by default).
func allFields() mask {
	m := mask{}
	for _, f := range personFields {
		m[f] = true
	}
	return m
}

// maskSpec says how to read one mask parameter.
type maskSpec struct {
	param    string   // "personFields", "readMask", "updatePersonFields"
	valid    []string // accepted paths
	required bool
	doc      string // the reference page Google's message points at
}

// readMask parses a mask parameter. Google's answers: a missing required mask is "<param> mask is required",
// an unknown path "Invalid <param> mask path". For personFields the deprecated requestMask.includeField
// ("person.names,person.photos") is read too, as Google still does.
func readMask(c *gapi.Call, spec maskSpec) (mask, error) {
	raw := c.String(spec.param)
	if raw == "" && spec.param == "personFields" {
		raw = c.String("requestMask.includeField")
	}
	doc := "https://developers.google.com/people/api/rest/v1/" + spec.doc
	if strings.TrimSpace(raw) == "" {
		if !spec.required {
			return nil, nil
		}
		return nil, invalidArgument("%s mask is required. Please specify one or more valid paths. "+
			"Valid paths are documented at %s.", spec.param, doc)
	}
	m := mask{}
	for _, p := range strings.Split(raw, ",") {
		p = strings.TrimPrefix(strings.TrimSpace(p), "person.")
		if !slices.Contains(spec.valid, p) {
			return nil, invalidArgument("Invalid %s mask path: %q. Valid paths are documented at %s.", spec.param, p, doc)
		}
		m[p] = true
	}
	return m, nil
}

// project returns the person with only the mask's fields (plus resourceName and etag, which Google always
// sends). It works on the JSON form, so every Person field is covered without naming each one.
func project(p *people.Person, m mask) *people.Person {
	raw, err := json.Marshal(p)
	if err != nil {
		return &people.Person{ResourceName: p.ResourceName, Etag: p.Etag}
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return &people.Person{ResourceName: p.ResourceName, Etag: p.Etag}
	}
	for k := range fields {
		if k != "resourceName" && k != "etag" && !m[k] {
			delete(fields, k)
		}
	}
	kept, _ := json.Marshal(fields)
	var out people.Person
	if err := json.Unmarshal(kept, &out); err != nil {
		return &people.Person{ResourceName: p.ResourceName, Etag: p.Etag}
	}
	return &out
}

// projectAll applies a mask to every person.
func projectAll(ps []*people.Person, m mask) []*people.Person {
	out := make([]*people.Person, 0, len(ps))
	for _, p := range ps {
		out = append(out, project(p, m))
	}
	return out
}

// pageSpec is a People list's page size. People reads pageSize 0 as "the default", which the framework's
// reader would refuse, so a 0 is dropped before paging.
func pageSpec(c *gapi.Call, def, max int, reject bool) gapi.PageSpec {
	if c.String("pageSize") == "0" {
		c.Query().Del("pageSize")
	}
	return gapi.PageSpec{Param: "pageSize", Default: def, Max: max, RejectOverMax: reject}
}

// searchSize is a search's result count: default 10, values over 30 capped to 30, as Google documents.
func searchSize(c *gapi.Call) (int, error) {
	n, ok, err := c.Int("pageSize")
	switch {
	case err != nil:
		return 0, err
	case !ok || n == 0:
		return 10, nil
	case n < 0:
		return 0, gapi.InvalidParam("pageSize")
	}
	return min(n, 30), nil
}

// checkSources validates a sources parameter (repeated) against the enum values the method accepts; required
// methods (the directory ones) refuse a request without any.
func checkSources(c *gapi.Call, valid []string, required bool) error {
	vals := c.Query()["sources"]
	if len(vals) == 0 && required {
		return invalidArgument("At least one source must be specified in sources.")
	}
	for _, v := range vals {
		if !slices.Contains(valid, v) {
			return gapi.InvalidParam("sources")
		}
	}
	return nil
}

// readSources are the values of the READ_SOURCE_TYPE enum.
var readSources = []string{"READ_SOURCE_TYPE_UNSPECIFIED", "READ_SOURCE_TYPE_PROFILE", "READ_SOURCE_TYPE_CONTACT",
	"READ_SOURCE_TYPE_DOMAIN_CONTACT", "READ_SOURCE_TYPE_OTHER_CONTACT"}

// directorySources are the values of the DIRECTORY_SOURCE_TYPE enum (unspecified is not a real choice).
var directorySources = []string{"DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT", "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"}

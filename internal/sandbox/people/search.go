package people

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// searchContacts is people.searchContacts: contacts whose names, nicknames, email addresses, phone numbers or
// organizations have a phrase starting with the query, at most pageSize (≤ 30), no paging. An empty query is
// Google's "warm-up" request and finds nothing. The sandbox's index is always current, so a search right after
// a write already sees it (Google's may lag; the warm-up is what refreshes it there).
func (a *API) searchContacts(c *gapi.Call) (any, error) {
	m, err := readMask(c, maskSpec{param: "readMask", valid: personFields, required: true, doc: "people/searchContacts"})
	if err != nil {
		return nil, err
	}
	if err := checkSources(c, readSources, false); err != nil {
		return nil, err
	}
	size, err := searchSize(c)
	if err != nil {
		return nil, err
	}
	q := c.String("query")
	var found []*people.Person
	err = a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		all, err := allContacts(tx, c.Principal.Email)
		for _, r := range all {
			if !r.deleted() && matches(r.Person, q) {
				found = append(found, r.Person)
			}
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return searchResponse(found, size, m), nil
}

// searchResponse orders matches by display name and keeps the first size of them; no match is an empty object,
// as Google sends it.
func searchResponse(found []*people.Person, size int, m mask) *people.SearchResponse {
	sortByName(found)
	out := &people.SearchResponse{}
	for _, p := range found[:min(size, len(found))] {
		out.Results = append(out.Results, &people.SearchResult{Person: project(p, m)})
	}
	return out
}

func sortByName(ps []*people.Person) {
	name := func(p *people.Person) string {
		if len(p.Names) > 0 && p.Names[0].DisplayName != "" {
			return strings.ToLower(p.Names[0].DisplayName)
		}
		if len(p.EmailAddresses) > 0 {
			return strings.ToLower(p.EmailAddresses[0].Value)
		}
		return "\uffff"
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if a, b := name(ps[i]), name(ps[j]); a != b {
			return a < b
		}
		return ps[i].ResourceName < ps[j].ResourceName
	})
}

// matches reports whether the query is a prefix of a phrase of the person's searchable values: "ada lo"
// matches "Ada Lovelace", "love" does too, "ove" does not. Phone numbers also match on their digits alone.
func matches(p *people.Person, query string) bool {
	q := normalize(query)
	if q == "" {
		return false
	}
	for _, v := range searchable(p) {
		if prefixPhrase(normalize(v), q) {
			return true
		}
	}
	if qd := digits(query); qd != "" && len(qd) == len(strings.Join(strings.FieldsFunc(query, isPhonePunct), "")) {
		for _, ph := range p.PhoneNumbers {
			if strings.HasPrefix(digits(ph.Value), qd) || strings.HasPrefix(digits(ph.CanonicalForm), qd) {
				return true
			}
		}
	}
	return false
}

func searchable(p *people.Person) []string {
	var out []string
	for _, n := range p.Names {
		out = append(out, n.DisplayName, n.UnstructuredName, n.FamilyName, n.MiddleName)
	}
	for _, n := range p.Nicknames {
		out = append(out, n.Value)
	}
	for _, e := range p.EmailAddresses {
		out = append(out, e.Value, e.DisplayName)
	}
	for _, ph := range p.PhoneNumbers {
		out = append(out, ph.Value)
	}
	for _, o := range p.Organizations {
		out = append(out, o.Name, o.Title, o.Department)
	}
	return out
}

// prefixPhrase reports whether q starts at the beginning of a word of v.
func prefixPhrase(v, q string) bool {
	prev := ' '
	for i, r := range v {
		if !isWordRune(prev) && isWordRune(r) && strings.HasPrefix(v[i:], q) {
			return true
		}
		prev = r
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isPhonePunct(r rune) bool {
	return r == ' ' || r == '-' || r == '+' || r == '(' || r == ')' || r == '.'
}

// normalize lower-cases and collapses white space, so "Ada  LOVELACE" and "ada lovelace" compare equal.
func normalize(s string) string {
	if !utf8.ValidString(s) {
		return ""
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

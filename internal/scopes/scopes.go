// Package scopes is gog's one table of services and the OAuth scopes each needs: what `gog auth add --services`
// requests, what `gog auth services --json` prints, what re-consent hints name and what preflight checks.
package scopes

import (
	"fmt"
	"sort"
	"strings"
)

const prefix = "https://www.googleapis.com/auth/"

// Identity scopes are requested with every sign-in so gog can learn which account signed in.
var identity = []string{"openid", prefix + "userinfo.email"}

// Service is one gog service and the scopes it asks for.
type Service struct {
	Name     string   `json:"name"`
	Full     []string `json:"scopes"`
	ReadOnly []string `json:"readonly_scopes"`
	Note     string   `json:"note,omitempty"`
}

// table is returned by copy from All; it is never mutated.
func table() []Service {
	return []Service{
		{Name: "calendar", Full: []string{prefix + "calendar"}, ReadOnly: []string{prefix + "calendar.readonly"}},
		{Name: "contacts",
			Full:     []string{prefix + "contacts", prefix + "contacts.other.readonly", prefix + "directory.readonly"},
			ReadOnly: []string{prefix + "contacts.readonly", prefix + "contacts.other.readonly", prefix + "directory.readonly"}},
		{Name: "youtube", Full: []string{prefix + "youtube.readonly"}, ReadOnly: []string{prefix + "youtube.readonly"},
			Note: "comments need " + prefix + "youtube.force-ssl (add it with --extra-scopes)"},
		{Name: "gmail", Full: []string{prefix + "gmail.modify"}, ReadOnly: []string{prefix + "gmail.readonly"}},
		{Name: "drive", Full: []string{prefix + "drive"}, ReadOnly: []string{prefix + "drive.readonly"}},
		{Name: "tasks", Full: []string{prefix + "tasks"}, ReadOnly: []string{prefix + "tasks.readonly"}},
		{Name: "sheets", Full: []string{prefix + "spreadsheets"}, ReadOnly: []string{prefix + "spreadsheets.readonly"}},
		{Name: "docs", Full: []string{prefix + "documents"}, ReadOnly: []string{prefix + "documents.readonly"}},
		{Name: "slides", Full: []string{prefix + "presentations"}, ReadOnly: []string{prefix + "presentations.readonly"}},
	}
}

// All returns every service, in a stable order.
func All() []Service { return table() }

// Identity returns the identity scopes requested with every sign-in.
func Identity() []string { return append([]string(nil), identity...) }

// Lookup returns the named service.
func Lookup(name string) (Service, bool) {
	for _, s := range table() {
		if s.Name == name {
			return s, true
		}
	}
	return Service{}, false
}

// Names returns every service name.
func Names() []string {
	var out []string
	for _, s := range table() {
		out = append(out, s.Name)
	}
	return out
}

// ParseServices turns "calendar,contacts" or "all" into service names, rejecting unknown ones.
func ParseServices(list string) ([]string, error) {
	if strings.TrimSpace(list) == "all" {
		return Names(), nil
	}
	var out []string
	seen := map[string]bool{}
	for _, raw := range strings.Split(list, ",") {
		name := strings.TrimSpace(raw)
		if name == "" || seen[name] {
			continue
		}
		if _, ok := Lookup(name); !ok {
			return nil, fmt.Errorf("unknown service %q (valid: %s, all)", name, strings.Join(Names(), ", "))
		}
		seen[name] = true
		out = append(out, name)
	}
	return out, nil
}

// For returns the scopes to request for services (plus identity scopes and extra), deduplicated and sorted.
func For(services []string, readonly bool, extra []string) []string {
	set := map[string]bool{}
	for _, s := range identity {
		set[s] = true
	}
	for _, name := range services {
		svc, ok := Lookup(name)
		if !ok {
			continue
		}
		list := svc.Full
		if readonly {
			list = svc.ReadOnly
		}
		for _, s := range list {
			set[s] = true
		}
	}
	for _, s := range extra {
		if s = Expand(strings.TrimSpace(s)); s != "" {
			set[s] = true
		}
	}
	return sorted(set)
}

// Expand turns the short forms Google also accepts ("email", "profile", "calendar.readonly") into full scope URLs.
func Expand(s string) string {
	switch {
	case s == "":
		return ""
	case s == "email":
		return prefix + "userinfo.email"
	case s == "profile":
		return prefix + "userinfo.profile"
	case s == "openid" || strings.Contains(s, "://"):
		return s
	default:
		return prefix + s
	}
}

// Union returns the sorted union of scope lists.
func Union(lists ...[]string) []string {
	set := map[string]bool{}
	for _, l := range lists {
		for _, s := range l {
			if s != "" {
				set[s] = true
			}
		}
	}
	return sorted(set)
}

// Missing returns the scopes of want that granted lacks.
func Missing(want, granted []string) []string {
	have := map[string]bool{}
	for _, s := range granted {
		have[Expand(s)] = true
	}
	var out []string
	for _, s := range want {
		if !have[Expand(s)] {
			out = append(out, s)
		}
	}
	return out
}

// Parse splits Google's space-separated scope string (a token response's "scope") and expands short forms.
func Parse(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		out = append(out, Expand(f))
	}
	return Union(out)
}

func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

package googleerr

import (
	"strings"

	"github.com/gogcli/gog/internal/scopes"
)

// ServiceForAPI maps a Google API host name as ErrorInfo reports it ("calendar-json.googleapis.com") to the gog
// service whose scopes cover it ("calendar"); "" when gog has no such service.
func ServiceForAPI(api string) string {
	name, _, _ := strings.Cut(api, ".")
	switch strings.TrimSuffix(name, "-json") {
	case "calendar":
		return "calendar"
	case "people", "contacts":
		return "contacts"
	case "youtube":
		return "youtube"
	case "gmail":
		return "gmail"
	case "drive":
		return "drive"
	case "tasks":
		return "tasks"
	case "sheets":
		return "sheets"
	case "docs":
		return "docs"
	case "slides":
		return "slides"
	}
	return ""
}

// ServiceForScope maps a scope URL to the gog service it belongs to; "" for identity or unknown scopes.
func ServiceForScope(scope string) string {
	if scope == "https://mail.google.com/" {
		return "gmail"
	}
	name := strings.TrimPrefix(scope, "https://www.googleapis.com/auth/")
	if name == scope {
		return ""
	}
	name, _, _ = strings.Cut(name, ".")
	switch name {
	case "calendar", "youtube", "gmail", "drive", "tasks":
		return name
	case "contacts", "directory":
		return "contacts"
	case "spreadsheets":
		return "sheets"
	case "documents":
		return "docs"
	case "presentations":
		return "slides"
	}
	return ""
}

// ServiceForPath maps a request path laid out as Google serves it to a gog service; "" when unknown.
func ServiceForPath(path string) string {
	for _, p := range []struct{ prefix, service string }{
		{"/calendar/", "calendar"},
		{"/v1/people", "contacts"},
		{"/v1/otherContacts", "contacts"},
		{"/v1/contactGroups", "contacts"},
		{"/youtube/", "youtube"},
		{"/gmail/", "gmail"},
		{"/drive/", "drive"},
		{"/upload/drive/", "drive"},
		{"/tasks/", "tasks"},
		{"/v4/spreadsheets", "sheets"},
		{"/v1/documents", "docs"},
		{"/v1/presentations", "slides"},
	} {
		if strings.HasPrefix(path, p.prefix) {
			return p.service
		}
	}
	return ""
}

// serviceScopes is every scope `gog auth add --services name` can request (full and --readonly variants).
func serviceScopes(name string) []string {
	svc, ok := scopes.Lookup(name)
	if !ok {
		return nil
	}
	return scopes.Union(svc.Full, svc.ReadOnly)
}

// extraScopeFor picks the scope to name in --extra-scopes when none of the method's accepted scopes is one that
// `--services name` requests; "" when --services already covers the method (or nothing is known).
// Any accepted scope would do; the first one Google lists that belongs to the service is preferred, so the hint
// widens the grant as little as the server's list allows.
func extraScopeFor(name string, accepted []string) string {
	if len(accepted) == 0 {
		return ""
	}
	have := map[string]bool{}
	for _, s := range serviceScopes(name) {
		have[s] = true
	}
	for _, s := range accepted {
		if have[scopes.Expand(s)] {
			return ""
		}
	}
	for _, s := range accepted {
		if ServiceForScope(scopes.Expand(s)) == name {
			return scopes.Expand(s)
		}
	}
	return scopes.Expand(accepted[0])
}

// grantLacks reports whether the stored grant has none of the accepted scopes. With no accepted list it falls
// back to the service's own scopes. Unknown grants (nil) never count as lacking: that would be a guess.
func grantLacks(granted, accepted []string, service string) bool {
	if granted == nil {
		return false
	}
	want := accepted
	if len(want) == 0 {
		want = serviceScopes(service)
	}
	if len(want) == 0 {
		return false
	}
	return len(scopes.Missing(want, granted)) == len(want)
}

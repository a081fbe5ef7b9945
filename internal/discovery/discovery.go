// Package discovery is gog's table of every Google API method it may call or fake: the method id, HTTP method,
// path as Google serves it, and the OAuth scopes the method accepts.
//
// The table is generated (go generate ./internal/discovery) from the discovery documents shipped in the
// google.golang.org/api module, so it always matches the generated clients in go.mod; the output is committed so
// building gog never needs the generator. Both sides use it: the sandbox routes and enforces scopes with it, and
// the client's auth preflight asks it which scopes a request needs.
//
// Paths are the discovery documents' flatPath (servicePath included), because flatPath names every path
// parameter as one URL segment ("/v1/people/{peopleId}:updateContact" rather than "/v1/{+resourceName}:…").
// Matching is hand-written rather than done with net/http.ServeMux because Google's templates put a custom verb
// after a parameter in the same segment ("{peopleId}:updateContact"), which ServeMux patterns cannot express.
//
// The generated slices are package-level but read-only; the lookup index is built once from them.
package discovery

//go:generate go run ./gen -out table_gen.go

import (
	"slices"
	"sync"
)

// API describes one Google API in the table.
type API struct {
	Name    string // "calendar"
	Version string // "v3"
	Title   string // "Calendar API"
	// Service is the service name Google puts in ErrorInfo metadata ("calendar-json.googleapis.com").
	Service string
	// LegacyErrors is true for APIs whose error envelopes carry the legacy errors[] array next to status and
	// details (Calendar, YouTube, Gmail, Drive); the others send status and details only.
	LegacyErrors bool
}

// Method is one API method.
type Method struct {
	ID         string   // "calendar.events.list"
	API        string   // "calendar"
	Version    string   // "v3"
	HTTPMethod string   // "GET"
	Path       string   // "/calendar/v3/calendars/{calendarId}/events", as served (servicePath + flatPath)
	UploadPath string   // simple/multipart media upload path ("/upload/drive/v3/files"), "" when none
	Scopes     []string // scopes of which any one authorizes the call, sorted; empty when none is required
	Service    string   // ErrorInfo metadata.service
	RPCMethod  string   // ErrorInfo metadata.method ("calendar.v3.Events.List")
	// LegacyErrors: see API.LegacyErrors.
	LegacyErrors bool
}

// Match is the result of routing a request: the method and the values of its path parameters (unescaped).
type Match struct {
	Method Method
	Params map[string]string
	Upload bool // the request came in on the method's media upload path
}

// Result says how a (method, path) lookup went.
type Result int

// Lookup outcomes.
const (
	Found       Result = iota // a method matched
	NotFound                  // no method has this path
	WrongMethod               // the path exists, but not for this HTTP method
)

// APIs returns every API in the table.
func APIs() []API { return slices.Clone(apis) }

// Methods returns every method in the table, sorted by ID.
func Methods() []Method { return slices.Clone(methods) }

// ByID returns the method with the given id ("calendar.events.list").
func ByID(id string) (Method, bool) {
	i, ok := index().byID[id]
	if !ok {
		return Method{}, false
	}
	return methods[i], true
}

// APIByName returns the named API ("calendar").
func APIByName(name string) (API, bool) {
	for _, a := range apis {
		if a.Name == name {
			return a, true
		}
	}
	return API{}, false
}

// Lookup routes a request. escapedPath is the URL path as sent (r.URL.EscapedPath()), so that an escaped "/"
// inside a parameter stays inside it. On WrongMethod, allowed lists the HTTP methods the path accepts.
func Lookup(httpMethod, escapedPath string) (m Match, res Result, allowed []string) {
	return index().lookup(httpMethod, escapedPath)
}

// ScopesFor returns the scopes that authorize the request, and whether the request is a known method.
func ScopesFor(httpMethod, escapedPath string) ([]string, bool) {
	m, res, _ := Lookup(httpMethod, escapedPath)
	if res != Found {
		return nil, false
	}
	return slices.Clone(m.Method.Scopes), true
}

// index is built once, lazily, from the read-only generated table.
var index = sync.OnceValue(buildIndex)

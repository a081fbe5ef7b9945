package transport

import (
	"context"
	"net/http"
	"strings"
)

// safePOST is one POST that is safe to repeat. readOnly marks the ones that change nothing at all, which
// --readonly lets through; the others are writes whose repeat cannot duplicate anything.
type safePOST struct {
	path     string // Google's path template: {x} matches one segment, {x}:verb a segment ending in :verb
	readOnly bool
}

// safePOSTs is the one allow-list of POSTs by API path, laid out as Google serves them (host-agnostic, so it
// holds for Google's hosts and the sandbox alike). Add a method here only when repeating it cannot change
// anything twice.
func safePOSTs() []safePOST {
	return []safePOST{
		{path: "/calendar/v3/freeBusy", readOnly: true},
		{path: "/v4/spreadsheets/{spreadsheetId}:getByDataFilter", readOnly: true},
		{path: "/v4/spreadsheets/{spreadsheetId}/values:batchGetByDataFilter", readOnly: true},
	}
}

type idempotentKey struct{}

// WithIdempotent marks every request made with ctx as safe to repeat: a write carrying an idempotency key gog
// chose (a client-chosen event id, a conference requestId), whose repeat the server recognises. The generated
// clients carry the call's context into the request, so a command sets this on the context it passes to Do.
func WithIdempotent(ctx context.Context) context.Context {
	return context.WithValue(ctx, idempotentKey{}, true)
}

// Idempotent reports whether req may be sent again after the server may have acted on it: GET, HEAD, OPTIONS,
// PUT and DELETE by their HTTP meaning, an allow-listed POST, or a request whose context says so.
func Idempotent(req *http.Request) bool {
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	case http.MethodPost:
		if matchSafePOST(req.URL.Path, false) {
			return true
		}
	}
	marked, _ := req.Context().Value(idempotentKey{}).(bool)
	return marked
}

// ReadOnly reports whether a request with this method and path changes nothing: what --readonly lets through.
func ReadOnly(method, path string) bool {
	switch method {
	case http.MethodGet, http.MethodHead:
		return true
	case http.MethodPost:
		return matchSafePOST(path, true)
	}
	return false
}

// IsReadOnlyRequest is ReadOnly for a request.
func IsReadOnlyRequest(req *http.Request) bool { return ReadOnly(req.Method, req.URL.Path) }

func matchSafePOST(path string, readOnlyOnly bool) bool {
	for _, p := range safePOSTs() {
		if (p.readOnly || !readOnlyOnly) && matchTemplate(p.path, path) {
			return true
		}
	}
	return false
}

// matchTemplate matches a path against a Google path template segment by segment.
func matchTemplate(tmpl, path string) bool {
	ts := strings.Split(strings.Trim(tmpl, "/"), "/")
	ps := strings.Split(strings.Trim(path, "/"), "/")
	if len(ts) != len(ps) {
		return false
	}
	for i, t := range ts {
		p := ps[i]
		if !strings.HasPrefix(t, "{") {
			if t != p {
				return false
			}
			continue
		}
		_, verb, _ := strings.Cut(t, "}") // "{id}" → "", "{id}:verb" → ":verb"
		if p == "" || !strings.HasSuffix(p, verb) || len(p) == len(verb) {
			return false
		}
	}
	return true
}

package gapi

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/discovery"
)

// Router serves Google API paths. It routes by the discovery table (so every path is Google's), authenticates
// the bearer token, checks the method's scopes and then calls the handler registered for the method id.
// Handlers are registered once while the sandbox is built; afterwards the Router is read-only and safe for
// concurrent use.
type Router struct {
	auth     Authenticator
	clock    clock.Clock
	handlers map[string]route
}

type route struct {
	h       Handler
	maxBody int64
}

// NewRouter returns a router that authenticates with auth and stamps calls with clk's time.
func NewRouter(auth Authenticator, clk clock.Clock) *Router {
	return &Router{auth: auth, clock: clk, handlers: map[string]route{}}
}

// Handle registers h for the method id ("calendar.events.list"). It panics when the id is not in the discovery
// table or is registered twice: both are programming errors the sandbox's tests catch at start-up.
func (r *Router) Handle(id string, h Handler) { r.HandleWithLimit(id, DefaultMaxBody, h) }

// HandleWithLimit is Handle with a request-body limit other than DefaultMaxBody (for uploads).
func (r *Router) HandleWithLimit(id string, maxBody int64, h Handler) {
	if _, ok := discovery.ByID(id); !ok {
		panic(fmt.Sprintf("gapi: %q is not a method in the discovery table", id))
	}
	if _, dup := r.handlers[id]; dup {
		panic(fmt.Sprintf("gapi: %q registered twice", id))
	}
	r.handlers[id] = route{h: h, maxBody: maxBody}
}

// Handles reports whether a handler is registered for id.
func (r *Router) Handles(id string) bool {
	_, ok := r.handlers[id]
	return ok
}

// ServeHTTP answers one Google API request.
func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	m, res, allowed := discovery.Lookup(req.Method, req.URL.EscapedPath())
	switch res {
	case discovery.NotFound:
		WriteError(w, Legacy, UnknownRoute(req.URL.Path))
		return
	case discovery.WrongMethod:
		WriteError(w, Legacy, MethodNotAllowed(allowed))
		return
	}
	method := m.Method
	style := StyleOf(method)
	tok, present := BearerToken(req)
	if !present {
		WriteError(w, style, CredentialsMissing(method))
		return
	}
	p, err := r.auth.Authenticate(req.Context(), tok)
	if err != nil {
		if errors.Is(err, ErrInvalidToken) || errors.Is(err, ErrExpiredToken) {
			WriteError(w, style, InvalidCredentials(method, errors.Is(err, ErrExpiredToken)))
		} else {
			WriteError(w, style, BackendError())
		}
		return
	}
	if len(method.Scopes) > 0 && !p.HasAnyScope(method.Scopes) {
		WriteError(w, style, InsufficientScopes(method))
		return
	}
	rt, ok := r.handlers[method.ID]
	if !ok {
		WriteError(w, style, Unimplemented(method))
		return
	}
	c := &Call{
		Ctx: req.Context(), Request: req, Writer: w, Method: method, Params: m.Params, Upload: m.Upload,
		Principal: p, Now: r.clock.Now(), Style: style, MaxBody: rt.maxBody,
	}
	v, err := rt.h(c)
	writeResult(w, style, v, err)
}

func writeResult(w http.ResponseWriter, style Style, v any, err error) {
	if err != nil {
		var ge *Error
		if !errors.As(err, &ge) {
			ge = BackendError()
		}
		WriteError(w, style, ge)
		return
	}
	switch r := v.(type) {
	case nil:
		w.WriteHeader(http.StatusNoContent)
	case Raw:
		for k, vs := range r.Header {
			w.Header()[k] = vs
		}
		w.WriteHeader(r.Status)
		_, _ = w.Write(r.Body)
	case *Raw:
		writeResult(w, style, *r, nil)
	default:
		WriteJSON(w, http.StatusOK, v)
	}
}

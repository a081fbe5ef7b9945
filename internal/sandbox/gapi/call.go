package gapi

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gogcli/gog/internal/discovery"
)

// Handler serves one API method. It returns the response resource (a generated google.golang.org/api type,
// written as JSON with status 200), nil for an empty 204 answer, or an error (a *Error is written in the API's
// envelope; any other error becomes a 500 backendError).
type Handler func(c *Call) (any, error)

// Call is one authenticated, scope-checked API request.
type Call struct {
	Ctx       context.Context
	Request   *http.Request
	Writer    http.ResponseWriter // for handlers that answer with Raw; most never touch it
	Method    discovery.Method
	Params    map[string]string // path parameters, unescaped
	Upload    bool              // the request came in on the media upload path
	Principal Principal
	Now       time.Time // the sandbox clock at the start of the call: use it for every timestamp of the call
	Style     Style
	MaxBody   int64
	query     url.Values
}

// Raw is a handler result written verbatim (status, headers, body) instead of as a JSON resource.
type Raw struct {
	Status int
	Header http.Header
	Body   []byte
}

// Param returns a path parameter.
func (c *Call) Param(name string) string { return c.Params[name] }

// Query returns the query parameters.
func (c *Call) Query() url.Values {
	if c.query == nil {
		c.query = c.Request.URL.Query()
	}
	return c.query
}

// String returns a query parameter ("" when absent).
func (c *Call) String(name string) string { return c.Query().Get(name) }

// Has reports whether a query parameter was sent.
func (c *Call) Has(name string) bool { return c.Query().Has(name) }

// Bool parses a boolean query parameter; absent gives def, a bad value a 400.
func (c *Call) Bool(name string, def bool) (bool, error) {
	v := c.String(name)
	if v == "" {
		return def, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, InvalidParam(name)
	}
	return b, nil
}

// Int parses an integer query parameter; ok is false when absent, a bad value is a 400.
func (c *Call) Int(name string) (n int, ok bool, err error) {
	v := c.String(name)
	if v == "" {
		return 0, false, nil
	}
	n, err = strconv.Atoi(v)
	if err != nil {
		return 0, false, InvalidParam(name)
	}
	return n, true, nil
}

// Time parses an RFC 3339 query parameter (Google requires the offset); ok is false when absent.
func (c *Call) Time(name string) (t time.Time, ok bool, err error) {
	v := c.String(name)
	if v == "" {
		return time.Time{}, false, nil
	}
	t, err = time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, false, BadRequest("Bad Request")
	}
	return t, true, nil
}

package gapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/gogcli/gog/internal/discovery"
)

// Style is how an API shapes its error envelope.
type Style int

const (
	// Legacy envelopes (Calendar, YouTube, Gmail, Drive) carry errors[] as well as status and details
	// (shared/google-wire.md §1a).
	Legacy Style = iota
	// Modern envelopes (People, Sheets, Docs, Tasks, Slides) carry status and details only (§1b).
	Modern
)

// StyleOf returns the envelope style of a method's API.
func StyleOf(m discovery.Method) Style {
	if m.LegacyErrors {
		return Legacy
	}
	return Modern
}

// Error is a Google API error. A handler returns one and the router writes it in the API's envelope style.
type Error struct {
	Code         int
	Message      string // error.message
	ItemMessage  string // errors[].message when it differs from Message ("Invalid Credentials")
	Reason       string // errors[].reason
	Domain       string // errors[].domain; "global" when empty
	Location     string // errors[].location
	LocationType string // errors[].locationType: "parameter" or "header"
	Status       string // error.status; derived from Code when empty
	Details      []any  // error.details (ErrorInfo and friends)
	Header       http.Header
}

// Error implements error.
func (e *Error) Error() string {
	return fmt.Sprintf("googleapi: %d %s (%s)", e.Code, e.Message, e.Reason)
}

// ErrorInfo is the google.rpc.ErrorInfo detail.
type ErrorInfo struct {
	Type     string            `json:"@type"`
	Reason   string            `json:"reason"`
	Domain   string            `json:"domain"`
	Metadata map[string]string `json:"metadata,omitempty"`
}

// NewErrorInfo returns an ErrorInfo detail in domain googleapis.com naming the method's service and RPC.
func NewErrorInfo(reason string, m discovery.Method) ErrorInfo {
	return ErrorInfo{
		Type: "type.googleapis.com/google.rpc.ErrorInfo", Reason: reason, Domain: "googleapis.com",
		Metadata: map[string]string{"service": m.Service, "method": m.RPCMethod},
	}
}

type envelope struct {
	Error envelopeBody `json:"error"`
}

type envelopeBody struct {
	Code    int            `json:"code"`
	Message string         `json:"message"`
	Errors  []envelopeItem `json:"errors,omitempty"`
	Status  string         `json:"status,omitempty"`
	Details []any          `json:"details,omitempty"`
}

type envelopeItem struct {
	Message      string `json:"message"`
	Domain       string `json:"domain"`
	Reason       string `json:"reason"`
	Location     string `json:"location,omitempty"`
	LocationType string `json:"locationType,omitempty"`
}

// Envelope renders e as Google would for an API of the given style.
func (e *Error) Envelope(style Style) []byte {
	b := envelopeBody{Code: e.Code, Message: e.Message, Status: e.Status, Details: e.Details}
	if b.Status == "" {
		b.Status = canonicalStatus(e.Code)
	}
	if style == Legacy && e.Reason != "" {
		item := envelopeItem{Message: e.ItemMessage, Domain: e.Domain, Reason: e.Reason, Location: e.Location, LocationType: e.LocationType}
		if item.Message == "" {
			item.Message = e.Message
		}
		if item.Domain == "" {
			item.Domain = "global"
		}
		b.Errors = []envelopeItem{item}
	}
	raw, err := json.Marshal(envelope{Error: b})
	if err != nil { // only []any details can fail, and ours are plain structs
		return []byte(`{"error":{"code":500,"message":"Backend Error","status":"INTERNAL"}}`)
	}
	return raw
}

// WriteError writes e with its headers in the given style.
func WriteError(w http.ResponseWriter, style Style, e *Error) {
	for k, vs := range e.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	body := e.Envelope(style)
	w.Header().Set("Content-Type", JSONContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(e.Code)
	_, _ = w.Write(body)
}

// canonicalStatus maps an HTTP status to the google.rpc.Code name Google puts in error.status.
func canonicalStatus(code int) string {
	switch code {
	case 400:
		return "INVALID_ARGUMENT"
	case 401:
		return "UNAUTHENTICATED"
	case 403:
		return "PERMISSION_DENIED"
	case 404:
		return "NOT_FOUND"
	case 409:
		return "ABORTED"
	case 412:
		return "FAILED_PRECONDITION"
	case 429:
		return "RESOURCE_EXHAUSTED"
	case 500:
		return "INTERNAL"
	case 501:
		return "UNIMPLEMENTED"
	case 503:
		return "UNAVAILABLE"
	case 504:
		return "DEADLINE_EXCEEDED"
	}
	return ""
}

// BadRequest is a 400 badRequest with the given message.
func BadRequest(format string, args ...any) *Error {
	return &Error{Code: 400, Message: fmt.Sprintf(format, args...), Reason: "badRequest"}
}

// InvalidParam is Google's 400 for a query parameter with a bad value ("Invalid Value", reason invalid).
func InvalidParam(name string) *Error {
	return &Error{Code: 400, Message: "Invalid Value", Reason: "invalid", Location: name, LocationType: "parameter"}
}

// Required is Google's 400 for a missing required parameter or field.
func Required(name string) *Error {
	return &Error{Code: 400, Message: "Required", Reason: "required", Location: name, LocationType: "parameter"}
}

// NotFound is a 404 notFound ("Not Found" when msg is empty).
func NotFound(msg string) *Error {
	if msg == "" {
		msg = "Not Found"
	}
	return &Error{Code: 404, Message: msg, Reason: "notFound"}
}

// Gone is Google's 410 for a resource that was deleted ("Resource has been deleted").
func Gone() *Error {
	return &Error{Code: 410, Message: "Resource has been deleted", Reason: "deleted"}
}

// Duplicate is a 409 for an identifier that already exists.
func Duplicate() *Error {
	return &Error{Code: 409, Message: "The requested identifier already exists.", Reason: "duplicate", Status: "ALREADY_EXISTS"}
}

// PreconditionFailed is the 412 for an If-Match etag that no longer matches.
func PreconditionFailed() *Error {
	return &Error{Code: 412, Message: "Precondition Failed", Reason: "conditionNotMet", Location: "If-Match", LocationType: "header"}
}

// TooLarge is the answer to a request body over the limit.
func TooLarge(limit int64) *Error {
	return &Error{Code: 413, Message: fmt.Sprintf("Request payload size exceeds the limit: %d bytes.", limit),
		Reason: "badRequest", Status: "INVALID_ARGUMENT"}
}

// Forbidden is a 403 with a reason and message of the caller's choosing (requiredAccessLevel, forbidden, …).
func Forbidden(reason, msg string) *Error {
	return &Error{Code: 403, Message: msg, Reason: reason}
}

// RateLimited is the 429 rateLimitExceeded envelope (domain usageLimits).
func RateLimited() *Error {
	return &Error{Code: 429, Message: "Rate Limit Exceeded", Reason: "rateLimitExceeded", Domain: "usageLimits"}
}

// BackendError is the 500 backendError envelope.
func BackendError() *Error {
	return &Error{Code: 500, Message: "Backend Error", Reason: "backendError"}
}

// MethodNotAllowed is the 405 for a known path asked with the wrong HTTP method.
func MethodNotAllowed(allowed []string) *Error {
	e := &Error{Code: 405, Message: "Method Not Allowed", Reason: "httpMethodNotAllowed", Header: http.Header{}}
	for _, a := range allowed {
		e.Header.Add("Allow", a)
	}
	return e
}

// UnknownRoute is the 404 for a path no Google API serves.
func UnknownRoute(path string) *Error {
	return &Error{Code: 404, Message: fmt.Sprintf("The requested URL %s was not found on this server.", path), Reason: "notFound"}
}

// Unimplemented is the 501 for a real Google method the sandbox does not fake (yet).
func Unimplemented(m discovery.Method) *Error {
	return &Error{Code: 501, Message: fmt.Sprintf("The gog sandbox does not implement %s.", m.ID), Reason: "notImplemented"}
}

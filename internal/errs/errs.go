// Package errs is gog's error taxonomy: every failure a user can meet is an *Error with a Class, and the class
// alone decides the exit code (in package cli) and the shape of the JSON error object.
//
// Google's error envelopes are classified into these classes once, in the transport; commands and the auth
// core construct them directly. Every Error that reaches a person carries a Hint: the command to run next.
package errs

import (
	"errors"
	"fmt"
)

// Class is the kind of a failure. The string values appear in `--json` error objects and are stable.
type Class string

// The classes. The exit code each maps to is documented next to it (the mapping itself lives in package cli).
const (
	General     Class = "error"              // 1: anything not covered below
	Usage       Class = "usage"              // 2: bad flags, arguments or input
	Empty       Class = "empty"              // 3: empty result, only where a command documents it
	Auth        Class = "auth_required"      // 4: no credentials, 401, refresh token expired or revoked
	Scope       Class = "insufficient_scope" // 6 (4 when the stored grant lacks the scope): 403 scope
	NotFound    Class = "not_found"          // 5
	Permission  Class = "permission_denied"  // 6: resource permission, --readonly guard
	Policy      Class = "policy"             // 6: a domain administrator's policy
	APIDisabled Class = "api_disabled"       // 6: the API is not enabled for the OAuth client's project
	RateLimit   Class = "rate_limited"       // 7: rate limits still hit after waiting
	Quota       Class = "quota_exceeded"     // 7: daily or project quota, not fixable by waiting a little
	Server      Class = "server"             // 8: 5xx, retries exhausted or not safe to retry
	Network     Class = "network"            // 8: connection failures, retries exhausted or not safe
	Conflict    Class = "conflict"           // 1: 409/412, a concurrent change (etag mismatch)
	Invalid     Class = "invalid_request"    // 1: Google refused the request as malformed (400)
	Config      Class = "config"             // 10: gog's own configuration is missing or broken
	Cancelled   Class = "cancelled"          // 130: interrupted (Ctrl-C) or the deadline passed
)

// Error is a classified failure.
type Error struct {
	Class     Class
	Status    int    // HTTP status that caused it, 0 when none
	Reason    string // Google's reason (errors[].reason, ErrorInfo reason or OAuth error code), "" when none
	Message   string // what went wrong, for a person; never contains a secret
	Hint      string // what to run or do next
	Retryable bool   // whether trying the same thing again later may succeed
	// GrantLacksScope marks a scope error where the stored grant really lacks the scope (exit 4, not 6).
	GrantLacksScope bool
	Err             error // the underlying cause, if any
}

// Error returns the message (without the hint; printers add the hint on its own line).
func (e *Error) Error() string {
	if e.Message == "" && e.Err != nil {
		return e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// New returns an Error of class c with a formatted message.
func New(c Class, format string, args ...any) *Error {
	return &Error{Class: c, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an Error of class c whose cause is err and whose message is formatted.
func Wrap(err error, c Class, format string, args ...any) *Error {
	return &Error{Class: c, Message: fmt.Sprintf(format, args...), Err: err}
}

// WithHint sets the hint and returns e, for chaining.
func (e *Error) WithHint(format string, args ...any) *Error {
	e.Hint = fmt.Sprintf(format, args...)
	return e
}

// As finds the first *Error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// ClassOf returns the class of the first *Error in err's chain, or General.
func ClassOf(err error) Class {
	if e, ok := As(err); ok {
		return e.Class
	}
	return General
}

// Usagef is shorthand for a usage error (exit 2).
func Usagef(format string, args ...any) *Error { return New(Usage, format, args...) }

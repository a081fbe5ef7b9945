// Package googleerr reads Google's error answers once and turns them into gog's error classes, messages and hints.
//
// Two halves, kept apart on purpose:
//
//   - Classify is pure: status + headers + body (+ "now", for retry times) in, a Classification out. The transport
//     calls it on every failed attempt to decide what to do (retry, wait, recover a scope 403, give up); it reads
//     only what it is given, never panics, and never calls a 403 a scope error because of its wording alone.
//   - FromError runs once, where a command's error leaves it: it accepts whatever a call returned
//     (*googleapi.Error, *oauth2.RetrieveError, a network error, a context error, an *errs.Error already made)
//     and returns an *errs.Error whose Hint names the command to run next.
//
// The envelope is parsed by hand rather than through gax's apierror: apierror decodes the body with strict
// protojson against a schema without the legacy errors[] array, so for Calendar, Gmail and Drive (which send
// errors[] and details[] together) its Reason() is empty. A permissive encoding/json decode of both shapes, plus
// the WWW-Authenticate header, sees every signal Google sends.
//
// The transport knows facts the body cannot tell (how many attempts were made, that a write was deliberately not
// repeated, that a forced token refresh failed, that the server asked for a longer wait than gog allows). It hands
// them over in two ways, both defined here so that neither package imports the other's internals:
//
//   - on an HTTP answer it returns to the caller, a single response header, FactsHeader ("X-Gog-Transport"),
//     which survives into *googleapi.Error.Header because the generated clients copy the response headers. Google's
//     status, headers and body stay untouched; the one added header lives in gog's own namespace.
//   - on a failure with no HTTP answer (network, cancellation during a wait), a *TransportError wrapping the cause.
package googleerr

// Package gapi is the framework every faked Google API in the sandbox is written with: a Router that routes by
// the discovery table and checks the bearer token and the method's scopes before a handler runs; Call, the
// request as a handler sees it (principal, path parameters, typed query readers, size-limited body decoding);
// Google's error envelopes in both styles (legacy errors[] for Calendar/YouTube/Gmail/Drive, status+details
// for People/Sheets/Docs/Tasks/Slides; shared/google-wire.md §1–3, §8); opaque page tokens bound to the query
// that produced them; etags and If-Match; and the API interface the sandbox builds and provisions.
//
// Envelopes are hand-built structs rather than googleapi.Error marshalling because the generated client's types
// drop fields Google sends (errors[].domain, location, status, details), and the sandbox must send them all,
// in Google's field order.
package gapi

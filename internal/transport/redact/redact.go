// Package redact removes secrets from any text gog may show a person: URLs, header lines, form and JSON bodies,
// error messages. It is its own leaf package so that both the transport (for --debug) and the error classifier
// (for messages built from network errors) can use it without importing each other.
//
// It works by name and by shape: parameters and JSON fields whose names mark a secret (access_token,
// refresh_token, client_secret, code, code_verifier, ...), credentials after "Bearer"/"Basic" and in sensitive
// header lines, and the shapes of Google-issued secrets wherever they appear (ya29. access tokens, 1// refresh
// tokens, GOCSPX- client secrets, 4/ authorization codes). Over-redacting is accepted; leaking is not.
package redact

import "regexp"

// Mask replaces every redacted value.
const Mask = "[REDACTED]"

// The expressions are compiled once and never change (RE2: linear time on any input).
var (
	// name=value in a query string, a form body or prose; the name must start at a boundary so that
	// "pageToken=" or "error_code=" are left alone.
	paramRE = regexp.MustCompile(`(?i)(^|[?&;,\s"'(])((?:access_token|refresh_token|id_token|client_secret|code|code_verifier|assertion|password|key|token|device_code|subject_token)=)[^&\s"';,)]+`)
	// "name": "value" in JSON.
	jsonRE = regexp.MustCompile(`(?i)("(?:access_token|refresh_token|id_token|client_secret|code|code_verifier|assertion|password|private_key|device_code|token)"\s*:\s*")(?:[^"\\]|\\.)*"`)
	// Whole header lines whose value is a credential.
	headerRE = regexp.MustCompile(`(?im)^(\s*(?:authorization|proxy-authorization|cookie|set-cookie|x-goog-api-key)\s*:\s*)\S.*$`)
	// A credential after its scheme, wherever it is.
	schemeRE = regexp.MustCompile(`(?i)\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+`)
	// Google's secret shapes, wherever they are.
	shapeRE = regexp.MustCompile(`ya29\.[A-Za-z0-9._-]+|1//[A-Za-z0-9._-]{8,}|GOCSPX-[A-Za-z0-9_-]+|\b4/[0-9A-Za-z_-]{16,}`)
)

// String returns s with every secret it recognises replaced by Mask.
func String(s string) string {
	s = headerRE.ReplaceAllString(s, "${1}"+Mask)
	s = schemeRE.ReplaceAllString(s, "${1} "+Mask)
	s = paramRE.ReplaceAllString(s, "${1}${2}"+Mask)
	s = jsonRE.ReplaceAllString(s, `${1}`+Mask+`"`)
	s = shapeRE.ReplaceAllString(s, Mask)
	return s
}

// Package endpoints says where each Google API and OAuth endpoint lives: Google's own hosts by default, or one
// base URL (the sandbox, or anything that lays out paths as Google does) when --endpoint or --sandbox is given.
//
// The base-URL layout is the sandbox's routing contract: every path below is the path Google serves it at, so a
// TLS-terminating proxy for Google's hostnames can forward to that base URL unchanged.
package endpoints

import "strings"

// Endpoints resolves URLs. The zero value points at Google.
type Endpoints struct {
	// Base, when set, replaces every Google host: "http://127.0.0.1:8080" (no trailing slash needed).
	Base string
}

// Override returns Endpoints pointing every call at base.
func Override(base string) Endpoints { return Endpoints{Base: strings.TrimRight(base, "/")} }

// IsGoogle reports whether calls go to Google's real hosts.
func (e Endpoints) IsGoogle() bool { return e.Base == "" }

func (e Endpoints) pick(google, path string) string {
	if e.Base == "" {
		return google + path
	}
	return e.Base + path
}

// AuthURL is the OAuth authorization endpoint.
func (e Endpoints) AuthURL() string { return e.pick("https://accounts.google.com", "/o/oauth2/auth") }

// TokenURL is the OAuth token endpoint.
func (e Endpoints) TokenURL() string { return e.pick("https://oauth2.googleapis.com", "/token") }

// RevokeURL is the OAuth revocation endpoint.
func (e Endpoints) RevokeURL() string { return e.pick("https://oauth2.googleapis.com", "/revoke") }

// TokenInfoURL is the token-introspection endpoint.
func (e Endpoints) TokenInfoURL() string {
	return e.pick("https://oauth2.googleapis.com", "/tokeninfo")
}

// UserinfoURL is the OpenID Connect userinfo endpoint.
func (e Endpoints) UserinfoURL() string {
	return e.pick("https://openidconnect.googleapis.com", "/oauth2/v3/userinfo")
}

// Calendar is the base path of the Calendar v3 API (with the trailing slash the Go client needs).
func (e Endpoints) Calendar() string { return e.pick("https://www.googleapis.com", "/calendar/v3/") }

// People is the base path of the People v1 API.
func (e Endpoints) People() string { return e.pick("https://people.googleapis.com", "/") }

// YouTube is the base path of the YouTube Data v3 API.
func (e Endpoints) YouTube() string { return e.pick("https://youtube.googleapis.com", "/") }

// Gmail is the base path of the Gmail v1 API.
func (e Endpoints) Gmail() string { return e.pick("https://gmail.googleapis.com", "/") }

// Drive is the base path of the Drive v3 API.
func (e Endpoints) Drive() string { return e.pick("https://www.googleapis.com", "/drive/v3/") }

// Tasks is the base path of the Tasks v1 API.
func (e Endpoints) Tasks() string { return e.pick("https://tasks.googleapis.com", "/") }

// Sheets is the base path of the Sheets v4 API.
func (e Endpoints) Sheets() string { return e.pick("https://sheets.googleapis.com", "/") }

// Docs is the base path of the Docs v1 API.
func (e Endpoints) Docs() string { return e.pick("https://docs.googleapis.com", "/") }

package oauth

import "net/http"

// Paths are the URL paths the provider serves, relative to the sandbox's base URL.
func Paths() []string {
	return []string{"/o/oauth2/auth", "/o/oauth2/v2/auth", "/token", "/tokeninfo", "/oauth2/v3/tokeninfo",
		"/revoke", "/o/oauth2/revoke", "/oauth2/v3/userinfo", "/oauth2/v2/userinfo", "/v1/userinfo"}
}

// Owns reports whether path is one of Paths.
func Owns(path string) bool {
	for _, p := range Paths() {
		if p == path {
			return true
		}
	}
	return false
}

// ServeHTTP serves the OAuth endpoints.
func (p *Provider) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/o/oauth2/auth", "/o/oauth2/v2/auth":
		p.serveAuthorize(w, r)
	case "/token":
		p.serveToken(w, r)
	case "/tokeninfo", "/oauth2/v3/tokeninfo":
		p.serveTokenInfo(w, r)
	case "/revoke", "/o/oauth2/revoke":
		p.serveRevoke(w, r)
	case "/oauth2/v3/userinfo", "/v1/userinfo":
		p.serveUserinfo(w, r, false)
	case "/oauth2/v2/userinfo":
		p.serveUserinfo(w, r, true)
	default:
		http.NotFound(w, r)
	}
}

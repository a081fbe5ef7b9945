package google

import (
	"net/http"
	"strings"

	"github.com/gogcli/gog/internal/discovery"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/googleerr"
	"github.com/gogcli/gog/internal/scopes"
)

// Preflight fails a call before it leaves the machine when the stored grant lacks every scope the method
// accepts (from the discovery table): Google would refuse it with a 403, and the user is better served at once
// by the exact re-consent command (exit 4). Calls whose grant is unknown (Granted nil: a direct access token)
// or whose path is not a known Google method pass through untouched.
type Preflight struct {
	Next    http.RoundTripper
	Account string
	Granted []string
	Command string // how the user runs gog against this target, for the hint ("gog --sandbox")
}

// RoundTrip implements http.RoundTripper.
func (p *Preflight) RoundTrip(req *http.Request) (*http.Response, error) {
	if p.Granted == nil {
		return p.Next.RoundTrip(req)
	}
	m, res, _ := discovery.Lookup(req.Method, req.URL.EscapedPath())
	if res != discovery.Found || len(m.Method.Scopes) == 0 || grantCovers(p.Granted, m.Method.Scopes) {
		return p.Next.RoundTrip(req)
	}
	if req.Body != nil {
		req.Body.Close()
	}
	service := googleerr.ServiceForAPI(m.Method.Service)
	e := errs.New(errs.Scope, "%s's sign-in does not grant any scope that %s accepts (%s)",
		p.Account, m.Method.ID, strings.Join(m.Method.Scopes, " or "))
	e.GrantLacksScope = true
	e.Hint = googleerr.ScopeHint(googleerr.HintContext{Account: p.Account, Granted: p.Granted, Command: p.Command}, service, m.Method.Scopes)
	return nil, e
}

func grantCovers(granted, accepted []string) bool {
	return len(scopes.Missing(accepted, granted)) < len(accepted)
}

package transport

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/transport/redact"
)

// Credentials supplies the bearer token for every call.
type Credentials interface {
	// Token returns the cached token if it is still valid, else a refreshed one (the auth core's job).
	Token(ctx context.Context) (*oauth2.Token, error)
}

// ScopeRecoverer is implemented only by stored-user-OAuth credentials: the only ones whose scope 403 is recovered.
// A direct access token, ADC or a service account cannot mint a token with other scopes, so for them a scope 403
// is the answer.
type ScopeRecoverer interface {
	// ForceRefresh drops the cached access token `rejected`, mints a new one from the stored refresh token under
	// the account's cross-process lock — unless another caller already replaced `rejected`, in which case it
	// returns that newer token without a refresh — persists it with its granted scopes, and returns it.
	// On failure it leaves the cached token source as it was and returns the refresh error.
	ForceRefresh(ctx context.Context, rejected string) (*oauth2.Token, error)
}

// Options configure the stack New builds.
type Options struct {
	Base        http.RoundTripper // the network (or the sandbox's in-process Transport()); nil = http.DefaultTransport
	Credentials Credentials       // nil → no Authorization header is set (the caller's, if any, is kept)
	Clock       clock.Clock       // nil = clock.Real{}
	Policy      Policy            // attempts, budget, backoff; unset fields take DefaultPolicy()'s values
	Rand        func() float64    // jitter source in [0, 1), safe for concurrent use; nil = math/rand/v2
	ReadOnly    bool              // --readonly: refuse anything that could change data, before it is sent
	Debug       io.Writer         // --debug trace destination (stderr); nil = off
}

// New builds the RoundTripper every Google call goes through:
//
//	readonly guard ─▶ retry + classify (+ auth per attempt) ─▶ trace ─▶ base
//
// Authorization is set inside the retry loop rather than in a layer of its own: the scope-403 recovery must know
// exactly which access token Google rejected, and the retry loop is the one place that sees both.
func New(opts Options) http.RoundTripper {
	base := opts.Base
	if base == nil {
		base = http.DefaultTransport
	}
	clk := opts.Clock
	if clk == nil {
		clk = clock.Real{}
	}
	rnd := opts.Rand
	if rnd == nil {
		rnd = rand.Float64
	}
	var rt http.RoundTripper = &retrier{
		next:   NewTrace(base, opts.Debug, clk),
		creds:  opts.Credentials,
		clock:  clk,
		policy: opts.Policy.withDefaults(),
		rand:   rnd,
	}
	if opts.ReadOnly {
		rt = readOnlyGuard{next: rt}
	}
	return rt
}

// Redact returns s with access and refresh tokens, client secrets, authorization codes, PKCE verifiers and
// passwords replaced, wherever they are: URLs, header lines, form and JSON bodies, error messages.
func Redact(s string) string { return redact.String(s) }

// readOnlyGuard refuses, before anything leaves the machine, every request --readonly does not allow.
type readOnlyGuard struct{ next http.RoundTripper }

func (g readOnlyGuard) RoundTrip(req *http.Request) (*http.Response, error) {
	if ReadOnly(req.Method, req.URL.Path) {
		return g.next.RoundTrip(req)
	}
	if req.Body != nil {
		_ = req.Body.Close()
	}
	return nil, &errs.Error{
		Class:   errs.Permission,
		Reason:  "readonly",
		Message: fmt.Sprintf("--readonly: refused %s %s before sending it, because it could change data", req.Method, req.URL.Path),
		Hint:    "run the command again without --readonly to let it make changes",
	}
}

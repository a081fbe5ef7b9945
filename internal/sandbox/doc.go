// Package sandbox is gog's fake Google: Google's OAuth endpoints and APIs on one base URL, routed by path as
// Google lays them out, speaking Google's wire formats (shared/google-wire.md), stateful, and able to fail in
// every way Google can on command (faults, clock, consent: the control API under /_sandbox/). It runs in-process
// for `gog --sandbox` (Open + Transport) or over HTTP for `gog sandbox serve` (Serve). docs/sandbox.md is the
// user manual; this comment is the map for people extending it.
//
// # Layout
//
//	sandbox              Server: Open/Serve/Transport, front door (request log → latency → faults → route),
//	                     control API, provisioning, apis.go (the one list of faked APIs)
//	sandbox/store        bbolt file of typed JSON values (View/Update transactions, Get/Put/List/ForEach)
//	sandbox/gapi         the framework API packages use: Router (discovery routing + token + scope checks),
//	                     Call, Google error envelopes, body decoding, page tokens, etags, the API interface
//	sandbox/oauth        /o/oauth2/auth, /token, /tokeninfo, /revoke, /oauth2/v3/userinfo; token minting
//	sandbox/calendar     Calendar v3 (one package per faked API)
//	sandbox/sandboxtest  test helpers: a sandbox over httptest with a fake clock, typed control-API calls
//	discovery            (internal/discovery) every method's id, HTTP method, path and scopes, generated
//
// # How a request flows
//
// Control-API paths go to the control mux and nothing else happens to them. Every other request is logged (the
// entry gets its status when the answer's header is written), waits Options.Latency, is offered to the faults
// (creation order; a fault answers before any auth), then goes to oauth (its fixed paths) or to the gapi.Router.
// The router looks the path up in the discovery table (unknown path 404, wrong method 405), checks the bearer
// token (401 CREDENTIALS_MISSING or "Invalid Credentials"), checks that the token holds one of the method's
// scopes (403 insufficient scopes, with WWW-Authenticate), and calls the handler registered for the method id
// (501 if none is). The handler's result is written as JSON with Google's Content-Type, or its *gapi.Error in
// the API's envelope style (legacy errors[] for Calendar/YouTube/Gmail/Drive; status+details for the others).
//
// # Adding an API (e.g. People or YouTube)
//
//  1. Create internal/sandbox/<api> (package <api>). Define a type implementing gapi.API:
//     Name() returns the discovery name ("people"); Register(r) calls r.Handle("people.people.get", a.get) for
//     each method you fake — ids and paths come from internal/discovery, so there is no path to write and
//     custom verbs like "{peopleId}:updateContact" just work; Provision(tx, acct, seed, now) writes the
//     account's baseline data (e.g. its "me" person) and, when seed, demo data. Keep Provision deterministic
//     (ids from a hash of the email, times relative to now).
//  2. Add one line to apis() in apis.go: `people.New(env)`. Nothing else in the sandbox changes.
//  3. Write handlers as func(c *gapi.Call) (any, error). c.Principal is the authenticated account (scopes are
//     already checked); c.Param/String/Bool/Int/Time read the request; c.Decode(&v) reads the JSON body into a
//     generated google.golang.org/api type (size-limited, 400/413 in the right style); c.Now is the sandbox
//     clock. Return the generated response type (200), nil (204), a gapi.Raw, or a *gapi.Error
//     (gapi.NotFound, InvalidParam, Required, BadRequest, Duplicate, Gone, PreconditionFailed, Forbidden …).
//  4. Lists: gapi.Paginate(c, gapi.PageSpec{Param: "pageSize", Default: 100, Max: 1000, RejectOverMax: true},
//     items) returns the page and the next page token (opaque, bound to the query; "" on the last page). Etags:
//     gapi.ETag(resource) and c.CheckIfMatch(current) (412 conditionNotMet).
//  5. Storage: env.Store.View/Update with store.Get/Put/List/ForEach on your own buckets ("<api>/<thing>"),
//     keys built with store.Key(email, …) so each account's data is a prefix (store.Prefix(email)). Store the
//     generated types' JSON: the stored form is the wire form.
//  6. Test with the real generated client: sb := sandboxtest.New(t); tok := sb.MintToken(sandboxtest.Account,
//     scope); svc, _ := people.NewService(ctx, option.WithEndpoint(sb.URL+"/"),
//     option.WithHTTPClient(sb.BearerClient(tok.AccessToken))). Assert Google's shapes, scope 403s, paging.
//
// # Design choices
//
//   - One router keyed by the generated discovery table instead of net/http.ServeMux: Google's templates put a
//     custom verb after a parameter in one segment, and the table also gives every method's scopes, so routing
//     and scope enforcement cannot drift apart (and the client's preflight uses the same table).
//   - Sandbox time is the injected base clock plus a persisted offset (POST /_sandbox/clock), so tests run on
//     clock.Fake and a served sandbox can still be moved forward to expire tokens.
//   - Faults and the clock offset are persisted (a restart resumes a scripted scenario); the request log is
//     memory-only and bounded (it is a debugging and assertion aid, and may hold many entries).
//   - Only digests of credentials are stored (see package oauth); the state directory is 0700, the file 0600.
package sandbox

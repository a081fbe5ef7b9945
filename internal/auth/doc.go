// Package auth is gog's auth core: OAuth clients, the sign-in flows, the stored sign-ins and their access-token
// cache, service-account keys, Application Default Credentials, and the one place that decides which credentials a
// run uses (Manager.Resolve). The commands (internal/cmd/authcmd) and the App (internal/app) are thin layers on it.
//
// # Realms
//
// Every stored secret is keyed by (realm, name): the realm is "google" for Google's hosts and the base URL for
// --endpoint or the sandbox. A token Google minted is never sent to another endpoint and the reverse: an account
// signed in to Google is simply "not signed in at URL" there. Client JSON, service-account keys and ADC files name
// their token endpoint (token_uri); gog refuses one whose realm is not the run's, so GOG_ENDPOINT cannot leak real
// credentials to a fake.
//
// # The token cache and refreshing
//
// A TokenRecord (refresh token, cached access token, expiry, granted scopes, a generation number) is one value in
// the secret store. A cached token is used until SafetyMargin (one minute) before its expiry, so a command whose
// token is still valid makes no token-endpoint call at all. Refreshes are coalesced twice: within a process a
// one-slot semaphore per account lets one goroutine refresh while the others wait and take its token; across
// processes a gofrs/flock file lock per (realm, account) under the locks directory does the same, and whoever gets
// the lock re-reads the store first and uses a token another process just minted. Writes happen only under the
// lock, after that re-read, and bump the generation; in memory a token never replaces one that expires later.
// Waiting for the lock polls through the injected clock, so it honours the context and tests never sleep.
//
// UserCredentials implement transport.Credentials and transport.ScopeRecoverer: a scope 403 makes the transport
// call ForceRefresh with the rejected token, which returns the token someone else already minted in its place or
// makes one refresh; on failure the cache is left as it was. Direct tokens, ADC and service accounts implement
// only Credentials (they cannot mint a token with other scopes), and their minted tokens are cached in memory only.
//
// # Why the token endpoint client is hand-written
//
// x/oauth2's Config.Exchange and TokenSource compute expiry from time.Now, hide the answer's granted `scope` and
// Date header, and (with auto-detected auth style) may send a second request. gog needs expiry from the injected
// clock, the granted scopes of every answer (Google lets users untick scopes), the Date for the clock-skew check,
// and exactly one request per refresh (issue 5's fault matrix counts them). So token calls are a small form POST
// here, through the --debug trace, and failures are *oauth2.RetrieveError exactly as x/oauth2 would make them, so
// the one classifier (internal/googleerr) turns invalid_grant into "run: gog auth add EMAIL --force-consent".
// The service-account JWT is signed here for the same reason (iat/exp from the injected clock). x/oauth2 still
// supplies the PKCE verifier and challenge.
//
// # Sign-in flows
//
// All flows are the authorization-code flow with PKCE S256, a 32-byte random state checked on return,
// access_type=offline, login_hint, and prompt=consent with --force-consent or when widening a grant (Google has
// no incremental consent for installed apps, so a wider grant asks again for the union). After the exchange, gog
// asks userinfo who actually signed in and stores the sign-in under that address, with the granted scopes.
//
//   - Loopback: a listener on 127.0.0.1 only, random port, one accepted redirect, a 2-minute timeout. Against
//     Google the browser brings the redirect (opened by an injected opener; the URL is always printed). Against
//     any other endpoint gog reads the consent page's redirect itself and delivers it to its own listener, so the
//     sandbox signs in without a browser, also under --no-input.
//   - Manual and remote: the redirect URI is http://127.0.0.1:1 — port 1 cannot be bound without privileges, so
//     the code in the failed page's address reaches only the person copying it. Remote step 1 keeps the pending
//     state (with the PKCE verifier) in the secret store for 10 minutes, keyed by a hash of the state, and step 2
//     uses it once.
//
// Under --sandbox, BootstrapSandbox installs a sandbox client and signs the demo account in through this same code
// path on first use; the sandbox's credentials live in its own file store (see internal/app).
package auth

// Package oauth is the sandbox's Google OAuth 2.0 server: the authorization endpoint (auto-consent), the token
// endpoint (authorization_code with PKCE, refresh_token, jwt-bearer for service-account keys), tokeninfo, revoke
// and userinfo, in the wire formats of shared/google-wire.md §4–6.
//
// Design choices:
//   - Only digests of tokens, codes and client secrets are stored (SHA-256 of 256-bit random values), so the
//     state directory never holds a usable credential; for service accounts only the public key is kept.
//   - Access tokens are opaque and looked up on every API call rather than self-contained JWTs, because a
//     revoke must kill them at once, as at Google.
//   - Expiry is judged by the sandbox clock (the control API can move it), never the wall clock.
//   - ID tokens are signed with an ES256 key that lives only in memory: gog decodes them without verifying, and
//     an ephemeral key means no signing secret on disk.
//
// The protocol is hand-written rather than taken from a library because the point is to reproduce Google's exact
// answers (status codes, error strings, Content-Type), which generic OAuth server libraries do not.
package oauth

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/discovery"
	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// Store buckets of this package.
const (
	bucketClients  = "oauth/clients"
	bucketRefresh  = "oauth/refresh"
	bucketAccess   = "oauth/access"
	bucketCodes    = "oauth/codes"
	bucketGrants   = "oauth/grants"
	bucketSA       = "oauth/service-accounts"
	bucketSettings = "oauth/settings"
)

// Identity scopes and their short aliases.
const (
	ScopeOpenID  = "openid"
	ScopeEmail   = "https://www.googleapis.com/auth/userinfo.email"
	ScopeProfile = "https://www.googleapis.com/auth/userinfo.profile"
)

// Provider is the OAuth server. It is safe for concurrent use.
type Provider struct {
	store   *store.Store
	clock   clock.Clock
	baseURL string
	ttl     time.Duration
	known   map[string]bool // every scope a request may name
	idKey   *ecdsa.PrivateKey
	idKeyID string
}

// New returns a provider over st. baseURL is how clients reach the sandbox (token_uri, auth_uri); ttl is the
// access-token lifetime.
func New(st *store.Store, clk clock.Clock, baseURL string, ttl time.Duration) (*Provider, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	p := &Provider{store: st, clock: clk, baseURL: strings.TrimRight(baseURL, "/"), ttl: ttl,
		known: knownScopes(), idKey: key, idKeyID: randomHex(20)}
	return p, nil
}

// TokenURL is the token endpoint clients of this sandbox use (the aud of service-account JWTs).
func (p *Provider) TokenURL() string { return p.baseURL + "/token" }

// AuthURL is the authorization endpoint clients of this sandbox use.
func (p *Provider) AuthURL() string { return p.baseURL + "/o/oauth2/auth" }

// Prune deletes access tokens and authorization codes that expired more than a day ago (sandbox time), so a
// long-lived state directory does not grow without bound. It writes only when there is something to delete.
func (p *Provider) Prune(ctx context.Context) error {
	cutoff := p.clock.Now().Add(-24 * time.Hour)
	var staleAccess, staleCodes []string
	err := p.store.View(ctx, func(tx *store.Tx) error {
		err := store.ForEach(tx, bucketAccess, "", func(k string, a accessRecord) error {
			if a.Expiry.Before(cutoff) {
				staleAccess = append(staleAccess, k)
			}
			return nil
		})
		if err != nil {
			return err
		}
		return store.ForEach(tx, bucketCodes, "", func(k string, c codeRecord) error {
			if c.Expiry.Before(cutoff) {
				staleCodes = append(staleCodes, k)
			}
			return nil
		})
	})
	if err != nil || len(staleAccess)+len(staleCodes) == 0 {
		return err
	}
	return p.store.Update(ctx, func(tx *store.Tx) error {
		for _, k := range staleAccess {
			if err := store.Delete(tx, bucketAccess, k); err != nil {
				return err
			}
		}
		for _, k := range staleCodes {
			if err := store.Delete(tx, bucketCodes, k); err != nil {
				return err
			}
		}
		return nil
	})
}

// knownScopes is every scope in the discovery table plus the identity scopes.
func knownScopes() map[string]bool {
	known := map[string]bool{ScopeOpenID: true, ScopeEmail: true, ScopeProfile: true}
	for _, m := range discovery.Methods() {
		for _, s := range m.Scopes {
			known[s] = true
		}
	}
	return known
}

// NormalizeScopes splits a space-separated list (or joins a slice), expands the email/profile aliases the way
// Google reports them, drops duplicates and sorts.
func NormalizeScopes(scopes ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, field := range scopes {
		for _, s := range strings.Fields(field) {
			switch s {
			case "email":
				s = ScopeEmail
			case "profile":
				s = ScopeProfile
			}
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	sort.Strings(out)
	return out
}

// unknownScopes returns the scopes Google would reject as invalid.
func (p *Provider) unknownScopes(scopes []string) []string {
	var bad []string
	for _, s := range scopes {
		if !p.known[s] {
			bad = append(bad, s)
		}
	}
	return bad
}

// isIdentity reports whether s is an identity scope (always granted, like Google's non-optional consent items).
func isIdentity(s string) bool { return s == ScopeOpenID || s == ScopeEmail || s == ScopeProfile }

func wantsIDToken(scopes []string) bool {
	return slices.ContainsFunc(scopes, isIdentity)
}

// digest is how every credential is stored: its SHA-256, hex.
func digest(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err)) // never fails on supported platforms
	}
	return b
}

func randomToken(prefix string) string {
	return prefix + base64.RawURLEncoding.EncodeToString(randomBytes(32))
}

func randomHex(n int) string { return hex.EncodeToString(randomBytes(n))[:n*2] }

// randomDigits returns n decimal digits (the shape of Google's numeric client and user ids).
func randomDigits(n int) string {
	b := randomBytes(n)
	out := make([]byte, n)
	for i := range b {
		out[i] = '0' + b[i]%10
	}
	if out[0] == '0' {
		out[0] = '1'
	}
	return string(out)
}

// account loads an account or reports it missing.
func account(tx *store.Tx, email string) (gapi.Account, bool, error) {
	return gapi.LoadAccount(tx, email)
}

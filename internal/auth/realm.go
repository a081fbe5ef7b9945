package auth

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"

	"github.com/gogcli/gog/internal/endpoints"
)

// GoogleRealm is the realm of Google's own hosts.
const GoogleRealm = "google"

// Realm names where credentials are valid: "google" for Google's hosts, else the base URL of the endpoint
// (--endpoint, or the in-process sandbox's base). Every stored secret is keyed by realm, so a token Google minted is
// never sent to another endpoint and a sandbox token never to Google.
type Realm string

// RealmOf returns the realm of an endpoint set.
func RealmOf(e endpoints.Endpoints) Realm {
	if e.IsGoogle() {
		return GoogleRealm
	}
	return Realm(strings.TrimRight(e.Base, "/"))
}

// IsGoogle reports whether the realm is Google's.
func (r Realm) IsGoogle() bool { return r == GoogleRealm }

// keyPart is the realm as it appears inside a secret-store key: "google", or "ep-" and the base64url of the base
// URL — so the key has no ':' or '/' of its own (the pass backend turns '/' into directories) and stays reversible.
func (r Realm) keyPart() string {
	if r.IsGoogle() {
		return GoogleRealm
	}
	return "ep-" + base64.RawURLEncoding.EncodeToString([]byte(r))
}

// lockName is the lock file's name for (realm, account): a hash, so account names never become file names.
func (r Realm) lockName(account string) string {
	sum := sha256.Sum256([]byte(string(r) + "\x00" + strings.ToLower(account)))
	return hex.EncodeToString(sum[:12]) + ".lock"
}

// Secret-store key kinds. A key is "<kind>:<realm>:<name>".
const (
	kindToken   = "token"   // a signed-in user: refresh token, cached access token, grant (TokenRecord)
	kindClient  = "client"  // an OAuth client's JSON (ClientCredentials)
	kindSA      = "sa"      // a service-account key (ServiceAccount)
	kindPending = "pending" // a remote sign-in between step 1 and step 2 (pendingSignIn)
)

func key(kind string, r Realm, name string) string {
	return kind + ":" + r.keyPart() + ":" + name
}

// names returns the names of every key of kind in realm r.
func names(keys []string, kind string, r Realm) []string {
	prefix := kind + ":" + r.keyPart() + ":"
	var out []string
	for _, k := range keys {
		if strings.HasPrefix(k, prefix) {
			out = append(out, strings.TrimPrefix(k, prefix))
		}
	}
	return out
}

// normalizeEmail lower-cases an account name: Google treats addresses case-insensitively, and gog must not keep
// two records for Ada@x.com and ada@x.com.
func normalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// TokenKey is the secret-store key of email's TokenRecord in realm r. Only tools that inspect or repair a
// store by hand (and the end-to-end tests) need it; gog itself goes through the Manager.
func TokenKey(r Realm, email string) string { return key(kindToken, r, normalizeEmail(email)) }

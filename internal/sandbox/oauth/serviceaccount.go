package oauth

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/sandbox/store"
)

// ServiceAccountProject is the project id of every service account the sandbox issues.
const ServiceAccountProject = "gog-sandbox"

var saName = regexp.MustCompile(`^[a-z][a-z0-9-]{4,28}[a-z0-9]$`)

// CreateServiceAccountKey issues a key for the service account name (random when empty) and returns Google's key
// JSON (private key included: it exists only in this answer) and the account's client_email.
func (p *Provider) CreateServiceAccountKey(ctx context.Context, name string) (keyJSON []byte, clientEmail string, err error) {
	if name == "" {
		name = "sa-" + randomHex(4)
	}
	if !saName.MatchString(name) {
		return nil, "", fmt.Errorf("service account name %q: use 6-30 characters of a-z, 0-9 and -, starting with a letter", name)
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, "", err
	}
	privDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, "", err
	}
	pubDER, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return nil, "", err
	}
	rec := serviceAccountRecord{
		ClientEmail:  name + "@" + ServiceAccountProject + ".iam.gserviceaccount.com",
		ClientID:     randomDigits(21),
		KeyID:        randomHex(20),
		PublicKeyPEM: string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})),
		Created:      p.clock.Now(),
	}
	err = p.store.Update(ctx, func(tx *store.Tx) error { return store.Put(tx, bucketSA, rec.KeyID, rec) })
	if err != nil {
		return nil, "", err
	}
	out := map[string]string{
		"type":                        "service_account",
		"project_id":                  ServiceAccountProject,
		"private_key_id":              rec.KeyID,
		"private_key":                 string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: privDER})),
		"client_email":                rec.ClientEmail,
		"client_id":                   rec.ClientID,
		"auth_uri":                    p.AuthURL(),
		"token_uri":                   p.TokenURL(),
		"auth_provider_x509_cert_url": p.baseURL + "/oauth2/v1/certs",
		"client_x509_cert_url":        p.baseURL + "/robot/v1/metadata/x509/" + url.PathEscape(rec.ClientEmail),
		"universe_domain":             "googleapis.com",
	}
	keyJSON, err = json.MarshalIndent(out, "", "  ")
	return keyJSON, rec.ClientEmail, err
}

// jwtBearer answers grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer: it verifies the assertion against
// the keys the sandbox issued and mints an access token for the service account, or for the user named in
// "sub" (domain-wide delegation).
func (p *Provider) jwtBearer(ctx context.Context, assertion string) (TokenResponse, *tokenError) {
	if assertion == "" {
		return TokenResponse{}, errInvalidRequest("Missing required parameter: assertion")
	}
	h, claims, signing, sig, err := parseAssertion(assertion)
	if err != nil {
		return TokenResponse{}, errGrant("Invalid JWT: Malformed token.")
	}
	if h.Alg != "RS256" {
		return TokenResponse{}, errGrant("Invalid JWT Signature.")
	}
	now := p.clock.Now()
	var resp TokenResponse
	var terr *tokenError
	uerr := p.store.Update(ctx, func(tx *store.Tx) error {
		sa, ok, err := p.findServiceAccount(tx, h.Kid, claims.Iss)
		if err != nil {
			return err
		}
		if !ok {
			terr = errGrant("Invalid grant: account not found")
			return nil
		}
		if !verifyRS256(sa.pub, signing, sig) {
			terr = errGrant("Invalid JWT Signature.")
			return nil
		}
		if !p.audienceOK(claims.Aud) {
			terr = errGrant("Invalid JWT: Failed audience check. The expected value was " + p.TokenURL())
			return nil
		}
		iat, ok1 := numericDate(claims.Iat)
		exp, ok2 := numericDate(claims.Exp)
		if !ok1 || !ok2 || exp.Sub(iat) > time.Hour || exp.Before(iat) || iat.After(now.Add(time.Minute)) || !now.Before(exp) {
			terr = errGrant("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. " +
				"Check your iat and exp values in the JWT claim.")
			return nil
		}
		scopes := NormalizeScopes(claims.Scope)
		if len(scopes) == 0 {
			terr = &tokenError{status: 400, Code: "invalid_scope", Description: "Empty or missing scope not allowed."}
			return nil
		}
		if bad := p.unknownScopes(scopes); len(bad) > 0 {
			terr = invalidScope(scopes, bad)
			return nil
		}
		who := sa.rec.ClientEmail
		if claims.Sub != "" {
			who = claims.Sub
		}
		if _, ok, err := account(tx, who); err != nil {
			return err
		} else if !ok {
			terr = errGrant("Invalid email or User ID")
			return nil
		}
		tok, exp2, err := p.issueAccess(tx, accessRecord{Email: who, ClientID: sa.rec.ClientID, Scopes: scopes,
			ServiceAccount: sa.rec.ClientEmail})
		resp = TokenResponse{AccessToken: tok, ExpiresIn: exp2, TokenType: "Bearer"}
		return err
	})
	if uerr != nil {
		return TokenResponse{}, errServer()
	}
	return resp, terr
}

type serviceAccount struct {
	rec serviceAccountRecord
	pub *rsa.PublicKey
}

// findServiceAccount finds the key by kid, or (without kid) the newest key of the issuer.
func (p *Provider) findServiceAccount(tx *store.Tx, kid, iss string) (serviceAccount, bool, error) {
	var found *serviceAccountRecord
	if kid != "" {
		rec, ok, err := store.Get[serviceAccountRecord](tx, bucketSA, kid)
		if err != nil || !ok || rec.ClientEmail != iss {
			return serviceAccount{}, false, err
		}
		found = &rec
	} else {
		err := store.ForEach(tx, bucketSA, "", func(_ string, r serviceAccountRecord) error {
			if r.ClientEmail == iss && (found == nil || r.Created.After(found.Created)) {
				rr := r
				found = &rr
			}
			return nil
		})
		if err != nil || found == nil {
			return serviceAccount{}, false, err
		}
	}
	block, _ := pem.Decode([]byte(found.PublicKeyPEM))
	if block == nil {
		return serviceAccount{}, false, errors.New("stored service-account key is corrupt")
	}
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return serviceAccount{}, false, err
	}
	rsaPub, ok := pub.(*rsa.PublicKey)
	if !ok {
		return serviceAccount{}, false, errors.New("stored service-account key is not RSA")
	}
	return serviceAccount{rec: *found, pub: rsaPub}, true, nil
}

// audienceOK accepts this sandbox's token URL, and Google's own (a TLS proxy for Google's hosts forwards
// unchanged JWTs minted for Google).
func (p *Provider) audienceOK(aud audience) bool {
	for _, a := range aud {
		a = strings.TrimRight(a, "/")
		if a == p.TokenURL() || a == "https://oauth2.googleapis.com/token" || a == "https://accounts.google.com/o/oauth2/token" {
			return true
		}
	}
	return false
}

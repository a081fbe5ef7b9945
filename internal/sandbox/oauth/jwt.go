package oauth

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/sandbox/gapi"
)

// jwtHeader is the JOSE header of the JWTs this package signs and verifies.
type jwtHeader struct {
	Alg string `json:"alg"`
	Kid string `json:"kid,omitempty"`
	Typ string `json:"typ,omitempty"`
}

// idToken signs an OpenID Connect ID token for acct (ES256, in-memory key; see the package doc).
func (p *Provider) idToken(acct gapi.Account, clientID string, scopes []string, nonce string, now time.Time) (string, error) {
	claims := map[string]any{
		"iss": "https://accounts.google.com", "azp": clientID, "aud": clientID, "sub": acct.Sub,
		"iat": now.Unix(), "exp": now.Add(time.Hour).Unix(),
	}
	for _, s := range scopes {
		switch s {
		case ScopeEmail:
			claims["email"] = acct.Email
			claims["email_verified"] = true
		case ScopeProfile:
			claims["name"], claims["given_name"], claims["family_name"], claims["picture"] =
				acct.Name, acct.GivenName, acct.FamilyName, acct.Picture
		}
	}
	if nonce != "" {
		claims["nonce"] = nonce
	}
	signing, err := jwtSigningInput(jwtHeader{Alg: "ES256", Kid: p.idKeyID, Typ: "JWT"}, claims)
	if err != nil {
		return "", err
	}
	h := sha256.Sum256([]byte(signing))
	r, s, err := ecdsa.Sign(rand.Reader, p.idKey, h[:])
	if err != nil {
		return "", err
	}
	sig := make([]byte, 64)
	r.FillBytes(sig[:32])
	s.FillBytes(sig[32:])
	return signing + "." + base64.RawURLEncoding.EncodeToString(sig), nil
}

func jwtSigningInput(h jwtHeader, claims any) (string, error) {
	hb, err := json.Marshal(h)
	if err != nil {
		return "", err
	}
	cb, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(hb) + "." + base64.RawURLEncoding.EncodeToString(cb), nil
}

// assertionClaims are the claims of a service-account JWT (jwt-bearer grant).
type assertionClaims struct {
	Iss   string      `json:"iss"`
	Scope string      `json:"scope"`
	Aud   audience    `json:"aud"`
	Exp   json.Number `json:"exp"`
	Iat   json.Number `json:"iat"`
	Sub   string      `json:"sub"`
}

// audience accepts "aud" as a string or an array of strings, as JWT allows.
type audience []string

func (a *audience) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*a = audience{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*a = many
	return nil
}

var errBadJWT = errors.New("malformed JWT")

// parseAssertion splits and decodes a compact JWS without verifying it.
func parseAssertion(assertion string) (h jwtHeader, c assertionClaims, signing string, sig []byte, err error) {
	parts := strings.Split(assertion, ".")
	if len(parts) != 3 {
		return h, c, "", nil, errBadJWT
	}
	hb, err1 := base64.RawURLEncoding.DecodeString(parts[0])
	cb, err2 := base64.RawURLEncoding.DecodeString(parts[1])
	sig, err3 := base64.RawURLEncoding.DecodeString(parts[2])
	if err1 != nil || err2 != nil || err3 != nil {
		return h, c, "", nil, errBadJWT
	}
	if json.Unmarshal(hb, &h) != nil || json.Unmarshal(cb, &c) != nil {
		return h, c, "", nil, errBadJWT
	}
	return h, c, parts[0] + "." + parts[1], sig, nil
}

// verifyRS256 checks an RS256 signature.
func verifyRS256(pub *rsa.PublicKey, signing string, sig []byte) bool {
	h := sha256.Sum256([]byte(signing))
	return rsa.VerifyPKCS1v15(pub, crypto.SHA256, h[:], sig) == nil
}

// numericDate reads a JWT NumericDate claim.
func numericDate(n json.Number) (time.Time, bool) {
	f, ok := new(big.Float).SetString(string(n))
	if !ok {
		return time.Time{}, false
	}
	i, _ := f.Int64()
	return time.Unix(i, 0), true
}

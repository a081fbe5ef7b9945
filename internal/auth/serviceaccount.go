package auth

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/transport"
)

// ServiceAccountKey is a service-account key file as Google's console (or the sandbox) issues it.
type ServiceAccountKey struct {
	Type         string `json:"type"`
	ProjectID    string `json:"project_id,omitempty"`
	PrivateKeyID string `json:"private_key_id"`
	PrivateKey   string `json:"private_key"`
	ClientEmail  string `json:"client_email"`
	ClientID     string `json:"client_id,omitempty"`
	TokenURI     string `json:"token_uri,omitempty"`

	signer *rsa.PrivateKey
}

// ParseServiceAccountKey reads a key file for realm r.
func ParseServiceAccountKey(raw []byte, r Realm) (*ServiceAccountKey, error) {
	var k ServiceAccountKey
	if err := json.Unmarshal(raw, &k); err != nil {
		return nil, errs.Wrap(err, errs.Usage, "the key file is not valid JSON: %v", err).
			WithHint("download a JSON key for the service account from the Cloud console")
	}
	if k.Type != "service_account" {
		return nil, errs.Usagef("the key file's type is %q, not \"service_account\"", k.Type).
			WithHint("download a JSON key for the service account (IAM → Service accounts → Keys)")
	}
	if k.ClientEmail == "" || k.PrivateKey == "" {
		return nil, errs.Usagef("the key file lacks client_email or private_key").WithHint("download the key again")
	}
	if err := checkTokenURIRealm(k.TokenURI, r); err != nil {
		return nil, err
	}
	if err := k.parseSigner(); err != nil {
		return nil, errs.Wrap(err, errs.Usage, "the key file's private_key is not an RSA key: %v", err).
			WithHint("download the key again")
	}
	return &k, nil
}

func (k *ServiceAccountKey) parseSigner() error {
	block, _ := pem.Decode([]byte(k.PrivateKey))
	if block == nil {
		return errors.New("no PEM block")
	}
	if key, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
		rk, ok := key.(*rsa.PrivateKey)
		if !ok {
			return errors.New("not an RSA key")
		}
		k.signer = rk
		return nil
	}
	rk, err := x509.ParsePKCS1PrivateKey(block.Bytes)
	if err != nil {
		return err
	}
	k.signer = rk
	return nil
}

// storedServiceAccount is what `gog auth service-account set` keeps for an account.
type storedServiceAccount struct {
	Key      json.RawMessage `json:"key"`
	Scopes   []string        `json:"scopes"`
	Services []string        `json:"services"`
}

// ServiceAccount describes a stored service-account key.
type ServiceAccount struct {
	Account     string   `json:"account"`         // the account calls act as
	ClientEmail string   `json:"service_account"` // the key's own address
	Delegated   bool     `json:"delegated"`       // domain-wide delegation: sub = Account
	Scopes      []string `json:"scopes"`
	Services    []string `json:"services"`
	key         *ServiceAccountKey
}

// SaveServiceAccount stores a key for account: calls for account then use it, with domain-wide delegation
// unless account is the service account itself.
func (m *Manager) SaveServiceAccount(ctx context.Context, account string, raw []byte, services, scopeList []string) (*ServiceAccount, error) {
	k, err := ParseServiceAccountKey(raw, m.realm)
	if err != nil {
		return nil, err
	}
	account = normalizeEmail(account)
	b, err := json.Marshal(storedServiceAccount{Key: raw, Scopes: scopeList, Services: services})
	if err != nil {
		return nil, err
	}
	if err := m.set(ctx, key(kindSA, m.realm, account), b); err != nil {
		return nil, err
	}
	return &ServiceAccount{Account: account, ClientEmail: k.ClientEmail, Delegated: account != normalizeEmail(k.ClientEmail),
		Scopes: scopeList, Services: services, key: k}, nil
}

// ServiceAccountFor returns the key stored for account, nil when there is none.
func (m *Manager) ServiceAccountFor(ctx context.Context, account string) (*ServiceAccount, error) {
	account = normalizeEmail(account)
	raw, ok, err := m.get(ctx, key(kindSA, m.realm, account))
	if err != nil || !ok {
		return nil, err
	}
	var st storedServiceAccount
	if err := json.Unmarshal(raw, &st); err != nil {
		return nil, errs.Wrap(err, errs.Config, "the stored service-account key for %s is unreadable", account).
			WithHint("store it again: %s auth service-account set %s --key FILE", m.opts.Command, account)
	}
	k, err := ParseServiceAccountKey(st.Key, m.realm)
	if err != nil {
		return nil, err
	}
	return &ServiceAccount{Account: account, ClientEmail: k.ClientEmail, Delegated: account != normalizeEmail(k.ClientEmail),
		Scopes: st.Scopes, Services: st.Services, key: k}, nil
}

// ServiceAccounts lists the accounts with a stored service-account key.
func (m *Manager) ServiceAccounts(ctx context.Context) ([]string, error) { return m.keys(ctx, kindSA) }

// RemoveServiceAccount deletes the key stored for account; it reports whether there was one.
func (m *Manager) RemoveServiceAccount(ctx context.Context, account string) (bool, error) {
	k := key(kindSA, m.realm, normalizeEmail(account))
	_, ok, err := m.get(ctx, k)
	if err != nil || !ok {
		return false, err
	}
	return true, m.del(ctx, k)
}

// Credentials returns credentials that mint tokens with the key (in memory; see mintedCredentials).
func (sa *ServiceAccount) credentials(m *Manager) transport.Credentials {
	subject := ""
	if sa.Delegated {
		subject = sa.Account
	}
	return m.jwtCredentials(sa.key, subject, sa.Scopes)
}

// jwtCredentials mint access tokens with the JWT bearer grant (RFC 7523), iat/exp from the injected clock.
func (m *Manager) jwtCredentials(k *ServiceAccountKey, subject string, scopeList []string) *mintedCredentials {
	return newMinted(m.opts.Clock.Now, func(ctx context.Context) (*tokenResponse, error) {
		aud := k.TokenURI
		if aud == "" {
			aud = m.opts.Endpoints.TokenURL()
		}
		assertion, err := k.assertion(m.opts.Clock.Now(), aud, subject, scopeList)
		if err != nil {
			return nil, err
		}
		return m.tokenEndpoint("").post(ctx, url.Values{
			"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"},
			"assertion":  {assertion},
		})
	})
}

// assertion signs the JWT: RS256, one hour, sub = the delegated user when there is one.
func (k *ServiceAccountKey) assertion(now time.Time, aud, subject string, scopeList []string) (string, error) {
	header := map[string]string{"alg": "RS256", "typ": "JWT"}
	if k.PrivateKeyID != "" {
		header["kid"] = k.PrivateKeyID
	}
	claims := map[string]any{
		"iss":   k.ClientEmail,
		"scope": strings.Join(scopeList, " "),
		"aud":   aud,
		"iat":   now.Unix(),
		"exp":   now.Add(time.Hour).Unix(),
	}
	if subject != "" {
		claims["sub"] = subject
	}
	h, _ := json.Marshal(header)
	c, _ := json.Marshal(claims)
	signing := base64.RawURLEncoding.EncodeToString(h) + "." + base64.RawURLEncoding.EncodeToString(c)
	sum := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, k.signer, crypto.SHA256, sum[:])
	if err != nil {
		return "", err
	}
	return signing + "." + base64.RawURLEncoding.EncodeToString(sig), nil
}

package oauth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// TokenResponse is the token endpoint's success body (and the control API's minted tokens).
type TokenResponse struct {
	AccessToken  string `json:"access_token"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token,omitempty"`
	Scope        string `json:"scope,omitempty"`
	TokenType    string `json:"token_type"`
	IDToken      string `json:"id_token,omitempty"`
	ClientID     string `json:"client_id,omitempty"` // control API only: which client the tokens belong to
}

// Client is a newly created OAuth client with its secret (shown once, never stored).
type Client struct {
	ID     string
	Secret string
	JSON   []byte // Google's Desktop-client download format
}

// ErrNotFound reports a missing account or client in control-API operations.
var ErrNotFound = errors.New("not found")

// ErrInvalidScope reports scopes Google would reject.
var ErrInvalidScope = errors.New("invalid scope")

// CreateClient registers a Desktop OAuth client and returns it with the JSON Google's console downloads.
func (p *Provider) CreateClient(ctx context.Context) (Client, error) {
	c := Client{
		ID:     randomDigits(12) + "-" + randomHex(16) + ".apps.googleusercontent.com",
		Secret: randomToken("GOCSPX-")[:35],
	}
	rec := clientRecord{ID: c.ID, SecretHash: digest(c.Secret), Created: p.clock.Now()}
	if err := p.store.Update(ctx, func(tx *store.Tx) error { return store.Put(tx, bucketClients, c.ID, rec) }); err != nil {
		return Client{}, err
	}
	installed := map[string]any{"installed": map[string]any{
		"client_id":                   c.ID,
		"project_id":                  "gog-sandbox",
		"auth_uri":                    p.AuthURL(),
		"token_uri":                   p.TokenURL(),
		"auth_provider_x509_cert_url": p.baseURL + "/oauth2/v1/certs",
		"client_secret":               c.Secret,
		"redirect_uris":               []string{"http://localhost"},
	}}
	c.JSON, _ = json.Marshal(installed)
	return c, nil
}

// oldestClient returns the first client ever created, if any.
func oldestClient(tx *store.Tx) (clientRecord, bool, error) {
	var best clientRecord
	found := false
	err := store.ForEach(tx, bucketClients, "", func(_ string, c clientRecord) error {
		if !found || c.Created.Before(best.Created) {
			best, found = c, true
		}
		return nil
	})
	return best, found, err
}

// MintTokens issues a refresh and an access token directly (the control API's POST /_sandbox/tokens), as if
// email had consented to scopes for clientID. An empty clientID means the oldest client, created if none exists.
func (p *Provider) MintTokens(ctx context.Context, email string, scopes []string, clientID string) (TokenResponse, error) {
	scopes = NormalizeScopes(scopes...)
	if bad := p.unknownScopes(scopes); len(bad) > 0 {
		return TokenResponse{}, fmt.Errorf("%w: %v", ErrInvalidScope, bad)
	}
	if clientID == "" {
		var found bool
		err := p.store.View(ctx, func(tx *store.Tx) error {
			c, ok, err := oldestClient(tx)
			clientID, found = c.ID, ok
			return err
		})
		if err != nil {
			return TokenResponse{}, err
		}
		if !found {
			c, err := p.CreateClient(ctx)
			if err != nil {
				return TokenResponse{}, err
			}
			clientID = c.ID
		}
	}
	var resp TokenResponse
	err := p.store.Update(ctx, func(tx *store.Tx) error {
		acct, ok, err := account(tx, email)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w: account %s", ErrNotFound, email)
		}
		if _, ok, err := store.Get[clientRecord](tx, bucketClients, clientID); err != nil {
			return err
		} else if !ok {
			return fmt.Errorf("%w: client %s", ErrNotFound, clientID)
		}
		resp, err = p.issue(tx, acct, clientID, scopes, true, "")
		return err
	})
	resp.ClientID = clientID
	return resp, err
}

// issue mints tokens for acct inside tx: an access token always, a refresh token when withRefresh, an ID token
// when an identity scope is granted. It records the grant.
func (p *Provider) issue(tx *store.Tx, acct gapi.Account, clientID string, scopes []string, withRefresh bool, nonce string) (TokenResponse, error) {
	now := p.clock.Now()
	resp := TokenResponse{TokenType: "Bearer", Scope: strings.Join(scopes, " ")}
	var refreshHash string
	if withRefresh {
		resp.RefreshToken = randomToken("1//sandbox-")
		refreshHash = digest(resp.RefreshToken)
		rec := refreshRecord{Email: acct.Email, ClientID: clientID, Scopes: scopes, Created: now}
		if err := store.Put(tx, bucketRefresh, refreshHash, rec); err != nil {
			return resp, err
		}
		g := grantRecord{Email: acct.Email, ClientID: clientID, Scopes: scopes, Updated: now}
		if err := store.Put(tx, bucketGrants, store.Key(acct.Email, clientID), g); err != nil {
			return resp, err
		}
	}
	var err error
	resp.AccessToken, resp.ExpiresIn, err = p.issueAccess(tx, accessRecord{
		Email: acct.Email, ClientID: clientID, Scopes: scopes, Refresh: refreshHash,
	})
	if err != nil {
		return resp, err
	}
	if wantsIDToken(scopes) {
		resp.IDToken, err = p.idToken(acct, clientID, scopes, nonce, now)
	}
	return resp, err
}

// issueAccess stores a new access token built from rec (its Expiry is set here) and returns it with expires_in.
func (p *Provider) issueAccess(tx *store.Tx, rec accessRecord) (string, int, error) {
	tok := randomToken("ya29.sandbox-")
	rec.Expiry = p.clock.Now().Add(p.ttl)
	if err := store.Put(tx, bucketAccess, digest(tok), rec); err != nil {
		return "", 0, err
	}
	return tok, expiresIn(p.ttl), nil
}

// expiresIn is what Google reports for a token of lifetime ttl: a second less (3599 for an hour), never 0, since
// x/oauth2 reads expires_in 0 as "never expires".
func expiresIn(ttl time.Duration) int {
	s := int(ttl/time.Second) - 1
	return max(s, 1)
}

// Authenticate implements gapi.Authenticator.
func (p *Provider) Authenticate(ctx context.Context, token string) (gapi.Principal, error) {
	var pr gapi.Principal
	err := p.store.View(ctx, func(tx *store.Tx) error {
		rec, _, err := p.lookupAccess(tx, token)
		if err != nil {
			return err
		}
		pr = gapi.Principal{Email: rec.Email, ClientID: rec.ClientID, Scopes: rec.Scopes, ServiceAccount: rec.ServiceAccount}
		return nil
	})
	return pr, err
}

// lookupAccess finds a live access token: ErrInvalidToken when unknown or its account is gone, ErrExpiredToken
// when past its expiry by the sandbox clock.
func (p *Provider) lookupAccess(tx *store.Tx, token string) (accessRecord, bool, error) {
	if token == "" {
		return accessRecord{}, false, gapi.ErrInvalidToken
	}
	rec, ok, err := store.Get[accessRecord](tx, bucketAccess, digest(token))
	if err != nil {
		return rec, false, err
	}
	if !ok {
		return rec, false, gapi.ErrInvalidToken
	}
	if !p.clock.Now().Before(rec.Expiry) {
		return rec, false, gapi.ErrExpiredToken
	}
	if _, ok, err := account(tx, rec.Email); err != nil {
		return rec, false, err
	} else if !ok {
		return rec, false, gapi.ErrInvalidToken
	}
	return rec, true, nil
}

// SetConsent sets how the authorization endpoint answers from now on.
func (p *Provider) SetConsent(ctx context.Context, c Consent) error {
	c.Grant = NormalizeScopes(c.Grant...)
	return p.store.Update(ctx, func(tx *store.Tx) error { return store.Put(tx, bucketSettings, "consent", c) })
}

// Consent returns the current consent setting.
func (p *Provider) Consent(ctx context.Context) (Consent, error) {
	var c Consent
	err := p.store.View(ctx, func(tx *store.Tx) error {
		var err error
		c, _, err = store.Get[Consent](tx, bucketSettings, "consent")
		return err
	})
	return c, err
}

// Grants lists every grant, ordered by account then client.
func (p *Provider) Grants(ctx context.Context) ([]Grant, error) {
	var out []Grant
	err := p.store.View(ctx, func(tx *store.Tx) error {
		return store.ForEach(tx, bucketGrants, "", func(_ string, g grantRecord) error {
			out = append(out, Grant{Email: g.Email, ClientID: g.ClientID, Scopes: g.Scopes})
			return nil
		})
	})
	return out, err
}

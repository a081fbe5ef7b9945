package auth

import (
	"encoding/json"
	"fmt"
	"time"

	"golang.org/x/oauth2"
)

// SafetyMargin is how long before its expiry a cached access token stops being used. One minute covers a slow
// command (a paged listing can run for tens of seconds after it took the token), modest clock skew between this
// machine and Google, and x/oauth2's own 10-second early expiry, so a token gog hands out is never refused for
// having expired in flight.
const SafetyMargin = time.Minute

// recordVersion is the TokenRecord layout version; a newer gog may add fields, an older one refuses what it
// cannot read rather than dropping them.
const recordVersion = 1

// TokenRecord is everything gog keeps for one signed-in user in one realm, stored as one secret-store value:
// the refresh token, the cached access token with its expiry, and the grant.
type TokenRecord struct {
	Version int    `json:"version"`
	Realm   Realm  `json:"realm"`
	Email   string `json:"email"`
	Client  string `json:"client"` // name of the OAuth client the refresh token belongs to

	RefreshToken string    `json:"refresh_token"`
	AccessToken  string    `json:"access_token,omitempty"`
	TokenType    string    `json:"token_type,omitempty"`
	Expiry       time.Time `json:"expiry,omitzero"` // of AccessToken

	// Granted is the scope set Google reported with the last token (may be fewer than requested: users can
	// untick scopes on the consent screen).
	Granted []string `json:"granted"`
	// Services are the gog services asked for at sign-in; Requested the scopes asked for.
	Services  []string `json:"services,omitempty"`
	Requested []string `json:"requested,omitempty"`

	// Generation increases by one with every write, so a writer holding an older record can tell.
	Generation  int64     `json:"generation"`
	SignedInAt  time.Time `json:"signed_in_at,omitzero"` // when the refresh token was obtained
	RefreshedAt time.Time `json:"refreshed_at,omitzero"` // when the access token was minted
}

// Fresh reports whether the cached access token can still be used at now (with SafetyMargin to spare).
func (r *TokenRecord) Fresh(now time.Time) bool {
	return r != nil && r.AccessToken != "" && !r.Expiry.IsZero() && now.Add(SafetyMargin).Before(r.Expiry)
}

// OAuth2 returns the cached access token as an *oauth2.Token (without the refresh token: what leaves this
// package to sign requests never carries it).
func (r *TokenRecord) OAuth2() *oauth2.Token {
	typ := r.TokenType
	if typ == "" {
		typ = "Bearer"
	}
	return &oauth2.Token{AccessToken: r.AccessToken, TokenType: typ, Expiry: r.Expiry}
}

func (r *TokenRecord) clone() *TokenRecord {
	c := *r
	c.Granted = append([]string(nil), r.Granted...)
	c.Services = append([]string(nil), r.Services...)
	c.Requested = append([]string(nil), r.Requested...)
	return &c
}

// newerThan reports whether r carries a later access token than o: a writer compares before replacing, so a
// token minted earlier (by a slow process) never overwrites one minted later.
func (r *TokenRecord) newerThan(o *TokenRecord) bool {
	if o == nil {
		return true
	}
	if !r.Expiry.Equal(o.Expiry) {
		return r.Expiry.After(o.Expiry)
	}
	return r.RefreshedAt.After(o.RefreshedAt)
}

func decodeRecord(raw []byte) (*TokenRecord, error) {
	var r TokenRecord
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("stored sign-in is not valid JSON: %w", err)
	}
	if r.Version > recordVersion {
		return nil, fmt.Errorf("stored sign-in was written by a newer gog (record version %d)", r.Version)
	}
	return &r, nil
}

func encodeRecord(r *TokenRecord) ([]byte, error) {
	r.Version = recordVersion
	return json.Marshal(r)
}

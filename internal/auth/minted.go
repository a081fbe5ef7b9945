package auth

import (
	"context"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// mintedCredentials cache, in memory only, an access token minted without a stored refresh token: a service
// account's JWT grant or an ADC file's refresh token. One goroutine mints at a time; the others use its token.
//
// These tokens are not written to the secret store: the key (or the ADC file) can mint a new one at any time,
// and keeping them out of the store keeps ADC free of any store at all.
type mintedCredentials struct {
	now  func() time.Time
	mint func(ctx context.Context) (*tokenResponse, error)
	sem  chan struct{}

	mu  sync.Mutex
	cur *oauth2.Token
}

func newMinted(now func() time.Time, mint func(ctx context.Context) (*tokenResponse, error)) *mintedCredentials {
	return &mintedCredentials{now: now, mint: mint, sem: make(chan struct{}, 1)}
}

// Token implements transport.Credentials.
func (c *mintedCredentials) Token(ctx context.Context) (*oauth2.Token, error) {
	if tok := c.fresh(); tok != nil {
		return tok, nil
	}
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-c.sem }()
	if tok := c.fresh(); tok != nil {
		return tok, nil
	}
	resp, err := c.mint(ctx)
	if err != nil {
		return nil, err
	}
	tok := &oauth2.Token{AccessToken: resp.AccessToken, TokenType: nonEmpty(resp.TokenType, "Bearer"), Expiry: resp.Expiry}
	c.mu.Lock()
	c.cur = tok
	c.mu.Unlock()
	return tok, nil
}

func (c *mintedCredentials) fresh() *oauth2.Token {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur != nil && c.now().Add(SafetyMargin).Before(c.cur.Expiry) {
		return c.cur
	}
	return nil
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

package auth

import (
	"context"

	"golang.org/x/oauth2"
)

// staticToken is a direct access token (--access-token / GOG_ACCESS_TOKEN): never stored, never refreshed, so
// it implements only transport.Credentials — a scope 403 under it is the answer, not something to recover.
type staticToken string

// Token implements transport.Credentials.
func (s staticToken) Token(context.Context) (*oauth2.Token, error) {
	return &oauth2.Token{AccessToken: string(s), TokenType: "Bearer"}, nil
}

package auth

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/transport"
)

// RemoveResult says what SignOut did.
type RemoveResult struct {
	Email   string `json:"email"`
	Revoked bool   `json:"revoked"` // the grant was revoked at the token endpoint
	// RevokeError is why revoking failed (the local sign-in is removed anyway); "" when it did not fail.
	RevokeError string `json:"revoke_error,omitempty"`
}

// SignOut removes a stored sign-in; unless keepGrant, it first revokes the refresh token at the token
// endpoint (which also ends the access tokens minted from it). It returns a not_found error when the account has
// no stored sign-in in this realm.
func (m *Manager) SignOut(ctx context.Context, email string, keepGrant bool) (*RemoveResult, error) {
	email = normalizeEmail(email)
	release, err := m.lock(email).acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	rec, err := m.Record(ctx, email)
	if err != nil {
		return nil, err
	}
	if rec == nil {
		return nil, errs.New(errs.NotFound, "%s is not signed in%s", email, m.atRealm()).
			WithHint("list the signed-in accounts with: %s auth list", m.opts.Command)
	}
	res := &RemoveResult{Email: email}
	if !keepGrant && rec.RefreshToken != "" {
		if err := m.revoke(ctx, rec.RefreshToken); err != nil {
			res.RevokeError = transport.Redact(err.Error())
		} else {
			res.Revoked = true
		}
	}
	if err := m.del(ctx, key(kindToken, m.realm, email)); err != nil {
		return nil, err
	}
	m.mu.Lock()
	delete(m.users, email)
	m.mu.Unlock()
	return res, nil
}

// revoke asks the token endpoint to revoke token. An invalid_token answer means it was already dead: success.
func (m *Manager) revoke(ctx context.Context, token string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.opts.Endpoints.RevokeURL(),
		strings.NewReader(url.Values{"token": {token}}.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := m.httpClient().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxTokenBody))
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	var raw rawToken
	_ = json.Unmarshal(body, &raw)
	if raw.Error == "invalid_token" {
		return nil
	}
	re := &oauth2.RetrieveError{Response: resp, Body: body, ErrorCode: raw.Error, ErrorDescription: raw.ErrorDescription}
	return re
}

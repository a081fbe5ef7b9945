package auth

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/gogcli/gog/internal/errs"
)

// UserInfo is the OpenID Connect userinfo answer: who the access token belongs to.
type UserInfo struct {
	Sub           string `json:"sub"`
	Email         string `json:"email"`
	EmailVerified bool   `json:"email_verified"`
	Name          string `json:"name,omitempty"`
	Picture       string `json:"picture,omitempty"`
}

// userinfo asks who signed in. A sign-in is stored under the account Google names here, never under the one the
// user typed: the consent page lets them pick any account.
func (m *Manager) userinfo(ctx context.Context, accessToken string) (*UserInfo, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, m.opts.Endpoints.UserinfoURL(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+accessToken)
	resp, err := m.httpClient().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	info, perr := ParseUserInfo(body)
	if resp.StatusCode != http.StatusOK || perr != nil || info.Email == "" {
		return nil, errs.New(errs.Auth, "could not learn which account signed in (userinfo answered %d %s); nothing was stored",
			resp.StatusCode, http.StatusText(resp.StatusCode)).
			WithHint("sign in again and keep \"See your primary Google Account email address\" ticked: %s auth add EMAIL --force-consent", m.opts.Command)
	}
	return info, nil
}

// ParseUserInfo decodes a userinfo answer.
func ParseUserInfo(body []byte) (*UserInfo, error) {
	var info UserInfo
	if err := json.Unmarshal(fixVerified(body), &info); err != nil {
		return nil, err
	}
	return &info, nil
}

// fixVerified accepts email_verified as the string "true"/"false" too (tokeninfo-style answers use strings).
func fixVerified(body []byte) []byte {
	var raw map[string]any
	if json.Unmarshal(body, &raw) != nil {
		return body
	}
	if s, ok := raw["email_verified"].(string); ok {
		raw["email_verified"] = strings.EqualFold(s, "true")
		if b, err := json.Marshal(raw); err == nil {
			return b
		}
	}
	return body
}

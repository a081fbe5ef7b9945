package oauth

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// serveTokenInfo is GET/POST /tokeninfo?access_token=…: every value a string (wire doc §5).
func (p *Provider) serveTokenInfo(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	_ = r.ParseForm()
	tok := r.Form.Get("access_token")
	info := map[string]string{}
	var found bool
	err := p.store.View(r.Context(), func(tx *store.Tx) error {
		rec, ok, err := p.lookupAccess(tx, tok)
		if err != nil || !ok {
			return err
		}
		found = true
		acct, _, err := account(tx, rec.Email)
		if err != nil {
			return err
		}
		now := p.clock.Now()
		info["azp"], info["aud"] = rec.ClientID, rec.ClientID
		info["scope"] = strings.Join(rec.Scopes, " ")
		info["exp"] = strconv.FormatInt(rec.Expiry.Unix(), 10)
		// Reported a second short, like the token endpoint's 3599 for an hour.
		info["expires_in"] = strconv.FormatInt(max(int64(rec.Expiry.Sub(now).Seconds())-1, 0), 10)
		info["access_type"] = "online"
		if rec.Refresh != "" {
			info["access_type"] = "offline"
		}
		if slices.Contains(rec.Scopes, ScopeEmail) || slices.Contains(rec.Scopes, ScopeOpenID) {
			info["sub"] = acct.Sub
		}
		if slices.Contains(rec.Scopes, ScopeEmail) {
			info["email"], info["email_verified"] = acct.Email, "true"
		}
		return nil
	})
	if err != nil && !errors.Is(err, gapi.ErrInvalidToken) && !errors.Is(err, gapi.ErrExpiredToken) {
		writeTokenError(w, errServer())
		return
	}
	if !found {
		writeTokenError(w, &tokenError{status: 400, Code: "invalid_token", Description: "Invalid Value"})
		return
	}
	writeToken(w, http.StatusOK, info)
}

// serveRevoke is POST /revoke?token=…. Revoking a refresh token kills every access token minted from it;
// revoking an access token revokes its whole grant (the refresh token too), as Google does.
func (p *Provider) serveRevoke(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	_ = r.ParseForm()
	tok := r.Form.Get("token")
	revoked := false
	err := p.store.Update(r.Context(), func(tx *store.Tx) error {
		h := digest(tok)
		if a, ok, err := store.Get[accessRecord](tx, bucketAccess, h); err != nil {
			return err
		} else if ok {
			revoked = true
			if err := store.Delete(tx, bucketAccess, h); err != nil {
				return err
			}
			if a.Refresh == "" {
				return nil
			}
			h = a.Refresh
		}
		if _, ok, err := store.Get[refreshRecord](tx, bucketRefresh, h); err != nil {
			return err
		} else if ok {
			revoked = true
			return revokeRefresh(tx, h)
		}
		return nil
	})
	switch {
	case err != nil:
		writeTokenError(w, errServer())
	case !revoked:
		writeTokenError(w, &tokenError{status: 400, Code: "invalid_token", Description: "Token expired or revoked"})
	default:
		writeToken(w, http.StatusOK, struct{}{})
	}
}

// revokeRefresh deletes a refresh token (by digest) and every access token minted from it.
func revokeRefresh(tx *store.Tx, hash string) error {
	if err := store.Delete(tx, bucketRefresh, hash); err != nil {
		return err
	}
	var dead []string
	err := store.ForEach(tx, bucketAccess, "", func(k string, a accessRecord) error {
		if a.Refresh == hash {
			dead = append(dead, k)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range dead {
		if err := store.Delete(tx, bucketAccess, k); err != nil {
			return err
		}
	}
	return nil
}

// serveUserinfo is /oauth2/v3/userinfo (OpenID claims) and /oauth2/v2/userinfo (the older field names).
func (p *Provider) serveUserinfo(w http.ResponseWriter, r *http.Request, v2 bool) {
	tok, _ := gapi.BearerToken(r)
	var acct gapi.Account
	var scopes []string
	err := p.store.View(r.Context(), func(tx *store.Tx) error {
		rec, _, err := p.lookupAccess(tx, tok)
		if err != nil {
			return err
		}
		scopes = rec.Scopes
		acct, _, err = account(tx, rec.Email)
		return err
	})
	if err != nil {
		if !errors.Is(err, gapi.ErrInvalidToken) && !errors.Is(err, gapi.ErrExpiredToken) {
			writeTokenError(w, errServer())
			return
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="https://accounts.google.com/", error="invalid_token"`)
		writeTokenError(w, &tokenError{status: 401, Code: "invalid_request", Description: "Invalid Credentials"})
		return
	}
	email, profile := slices.Contains(scopes, ScopeEmail), slices.Contains(scopes, ScopeProfile)
	if !email && !profile && !slices.Contains(scopes, ScopeOpenID) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="https://accounts.google.com/", error="insufficient_scope"`)
		writeTokenError(w, &tokenError{status: 403, Code: "insufficient_scope", Description: "Insufficient Permission"})
		return
	}
	out := map[string]any{}
	if v2 {
		out["id"] = acct.Sub
	} else {
		out["sub"] = acct.Sub
	}
	if email {
		out["email"] = acct.Email
		if v2 {
			out["verified_email"] = true
		} else {
			out["email_verified"] = true
		}
	}
	if profile {
		out["name"], out["given_name"], out["family_name"], out["picture"] = acct.Name, acct.GivenName, acct.FamilyName, acct.Picture
	}
	raw, _ := json.Marshal(out)
	w.Header().Set("Content-Type", gapi.JSONContentType)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(raw)
}

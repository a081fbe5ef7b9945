package oauth

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gogcli/gog/internal/sandbox/store"
)

// tokenError is an OAuth error body as Google's token endpoint sends it.
type tokenError struct {
	status      int
	Code        string `json:"error"`
	Description string `json:"error_description,omitempty"`
	URI         string `json:"error_uri,omitempty"`
}

func errGrant(desc string) *tokenError {
	return &tokenError{status: 400, Code: "invalid_grant", Description: desc}
}

func errInvalidRequest(desc string) *tokenError {
	return &tokenError{status: 400, Code: "invalid_request", Description: desc}
}

func errServer() *tokenError {
	return &tokenError{status: 500, Code: "internal_failure", Description: "Backend Error"}
}

func invalidScope(valid, bad []string) *tokenError {
	return &tokenError{status: 400, Code: "invalid_scope",
		Description: "Some requested scopes were invalid. {valid=[" + strings.Join(valid, ", ") + "], invalid=[" + strings.Join(bad, ", ") + "]}",
		URI:         "https://developers.google.com/identity/protocols/oauth2"}
}

// tokenContentType is the token endpoint's Content-Type (lower-case utf-8, unlike the APIs).
const tokenContentType = "application/json; charset=utf-8"

// writeToken writes a token-endpoint body, pretty-printed as Google does, with no-store caching.
func writeToken(w http.ResponseWriter, status int, v any) {
	raw, _ := json.MarshalIndent(v, "", "  ")
	w.Header().Set("Content-Type", tokenContentType)
	w.Header().Set("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
	w.Header().Set("Pragma", "no-cache")
	w.Header().Set("Content-Length", strconv.Itoa(len(raw)))
	w.WriteHeader(status)
	_, _ = w.Write(raw)
}

func writeTokenError(w http.ResponseWriter, e *tokenError) { writeToken(w, e.status, e) }

// maxForm bounds token-endpoint request bodies.
const maxForm = 64 << 10

// serveToken is POST /token.
func (p *Provider) serveToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeToken(w, http.StatusMethodNotAllowed, &tokenError{Code: "invalid_request", Description: "Invalid HTTP method " + r.Method})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		writeTokenError(w, errInvalidRequest("Bad Request"))
		return
	}
	var resp TokenResponse
	var terr *tokenError
	switch gt := r.PostForm.Get("grant_type"); gt {
	case "authorization_code":
		resp, terr = p.exchangeCode(r)
	case "refresh_token":
		resp, terr = p.refresh(r)
	case "urn:ietf:params:oauth:grant-type:jwt-bearer":
		resp, terr = p.jwtBearer(r.Context(), r.PostForm.Get("assertion"))
	default:
		terr = &tokenError{status: 400, Code: "unsupported_grant_type", Description: "Invalid grant_type: " + gt}
	}
	if terr != nil {
		writeTokenError(w, terr)
		return
	}
	writeToken(w, http.StatusOK, resp)
}

// authenticateClient checks client_id/client_secret (form parameters, or HTTP Basic) inside tx.
func authenticateClient(tx *store.Tx, r *http.Request) (string, *tokenError, error) {
	id, secret := r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	if bid, bsecret, ok := r.BasicAuth(); ok && id == "" {
		id, secret = bid, bsecret
	}
	if id == "" {
		return "", errInvalidRequest("Could not determine client ID from request."), nil
	}
	c, ok, err := store.Get[clientRecord](tx, bucketClients, id)
	if err != nil {
		return "", nil, err
	}
	if !ok {
		return "", &tokenError{status: 401, Code: "invalid_client", Description: "The OAuth client was not found."}, nil
	}
	if subtle.ConstantTimeCompare([]byte(digest(secret)), []byte(c.SecretHash)) != 1 {
		return "", &tokenError{status: 401, Code: "invalid_client", Description: "Unauthorized"}, nil
	}
	return id, nil, nil
}

// exchangeCode answers grant_type=authorization_code.
func (p *Provider) exchangeCode(r *http.Request) (TokenResponse, *tokenError) {
	var resp TokenResponse
	var terr *tokenError
	err := p.store.Update(r.Context(), func(tx *store.Tx) error {
		clientID, te, err := authenticateClient(tx, r)
		if err != nil || te != nil {
			terr = te
			return err
		}
		code := r.PostForm.Get("code")
		if code == "" {
			terr = errInvalidRequest("Missing required parameter: code")
			return nil
		}
		key := digest(code)
		rec, ok, err := store.Get[codeRecord](tx, bucketCodes, key)
		if err != nil {
			return err
		}
		switch {
		case !ok:
			terr = errGrant("Malformed auth code.")
		case rec.Used, !p.clock.Now().Before(rec.Expiry), rec.ClientID != clientID:
			terr = errGrant("Bad Request")
		case r.PostForm.Get("redirect_uri") != rec.RedirectURI:
			terr = &tokenError{status: 400, Code: "redirect_uri_mismatch", Description: "Bad Request"}
		case rec.Challenge != "" && r.PostForm.Get("code_verifier") == "":
			terr = errGrant("Missing code verifier.")
		case rec.Challenge != "" && !pkceMatches(rec.ChallengeMethod, rec.Challenge, r.PostForm.Get("code_verifier")):
			terr = errGrant("Invalid code verifier.")
		}
		if terr != nil {
			return nil
		}
		// Single use: the code is spent whether or not what follows succeeds.
		rec.Used = true
		if err := store.Put(tx, bucketCodes, key, rec); err != nil {
			return err
		}
		acct, ok, err := account(tx, rec.Email)
		if err != nil {
			return err
		}
		if !ok {
			terr = errGrant("Bad Request")
			return nil
		}
		resp, err = p.issue(tx, acct, clientID, rec.Scopes, true, rec.Nonce)
		return err
	})
	if err != nil {
		return TokenResponse{}, errServer()
	}
	return resp, terr
}

// pkceMatches checks a code_verifier against the stored challenge (RFC 7636).
func pkceMatches(method, challenge, verifier string) bool {
	if method == "S256" {
		h := sha256.Sum256([]byte(verifier))
		verifier = base64.RawURLEncoding.EncodeToString(h[:])
	}
	return subtle.ConstantTimeCompare([]byte(verifier), []byte(challenge)) == 1
}

// refresh answers grant_type=refresh_token: a new access token, no new refresh token, scope = the granted set
// (or the requested subset of it).
func (p *Provider) refresh(r *http.Request) (TokenResponse, *tokenError) {
	var resp TokenResponse
	var terr *tokenError
	err := p.store.Update(r.Context(), func(tx *store.Tx) error {
		clientID, te, err := authenticateClient(tx, r)
		if err != nil || te != nil {
			terr = te
			return err
		}
		rt := r.PostForm.Get("refresh_token")
		if rt == "" {
			terr = errInvalidRequest("Missing required parameter: refresh_token")
			return nil
		}
		hash := digest(rt)
		rec, ok, err := store.Get[refreshRecord](tx, bucketRefresh, hash)
		if err != nil {
			return err
		}
		if !ok {
			terr = errGrant("Token has been expired or revoked.")
			return nil
		}
		if rec.ClientID != clientID {
			terr = &tokenError{status: 401, Code: "unauthorized_client", Description: "Unauthorized"}
			return nil
		}
		acct, ok, err := account(tx, rec.Email)
		if err != nil {
			return err
		}
		if !ok {
			terr = errGrant("Token has been expired or revoked.")
			return nil
		}
		scopes := rec.Scopes
		if req := NormalizeScopes(r.PostForm.Get("scope")); len(req) > 0 {
			var bad []string
			for _, s := range req {
				if !slices.Contains(rec.Scopes, s) {
					bad = append(bad, s)
				}
			}
			if len(bad) > 0 {
				terr = invalidScope(rec.Scopes, bad)
				return nil
			}
			scopes = req
		}
		tok, exp, err := p.issueAccess(tx, accessRecord{Email: rec.Email, ClientID: clientID, Scopes: scopes, Refresh: hash})
		if err != nil {
			return err
		}
		resp = TokenResponse{AccessToken: tok, ExpiresIn: exp, Scope: strings.Join(scopes, " "), TokenType: "Bearer"}
		if slices.Contains(scopes, ScopeOpenID) {
			resp.IDToken, err = p.idToken(acct, clientID, scopes, "", p.clock.Now())
		}
		return err
	})
	if err != nil {
		return TokenResponse{}, errServer()
	}
	return resp, terr
}

package oauth

import "time"

// clientRecord is an OAuth client; only the secret's digest is kept.
type clientRecord struct {
	ID         string    `json:"id"`
	SecretHash string    `json:"secret_hash"`
	Created    time.Time `json:"created"`
}

// refreshRecord is a refresh token, stored under its digest.
type refreshRecord struct {
	Email    string    `json:"email"`
	ClientID string    `json:"client_id"`
	Scopes   []string  `json:"scopes"`
	Created  time.Time `json:"created"`
}

// accessRecord is an access token, stored under its digest.
type accessRecord struct {
	Email          string    `json:"email"`
	ClientID       string    `json:"client_id"`
	Scopes         []string  `json:"scopes"`
	Expiry         time.Time `json:"expiry"`
	Refresh        string    `json:"refresh,omitempty"` // digest of the refresh token it was minted from
	ServiceAccount string    `json:"service_account,omitempty"`
}

// codeRecord is an authorization code, stored under its digest; Used makes it single-use.
type codeRecord struct {
	ClientID        string    `json:"client_id"`
	RedirectURI     string    `json:"redirect_uri"`
	Email           string    `json:"email"`
	Scopes          []string  `json:"scopes"`
	Challenge       string    `json:"challenge,omitempty"`
	ChallengeMethod string    `json:"challenge_method,omitempty"`
	Nonce           string    `json:"nonce,omitempty"`
	Expiry          time.Time `json:"expiry"`
	Used            bool      `json:"used"`
}

// grantRecord is what an account has granted a client (the scopes of its latest consent).
type grantRecord struct {
	Email    string    `json:"email"`
	ClientID string    `json:"client_id"`
	Scopes   []string  `json:"scopes"`
	Updated  time.Time `json:"updated"`
}

// serviceAccountRecord is an issued service-account key; only the public half is kept.
type serviceAccountRecord struct {
	ClientEmail  string    `json:"client_email"`
	ClientID     string    `json:"client_id"`
	KeyID        string    `json:"key_id"`
	PublicKeyPEM string    `json:"public_key_pem"`
	Created      time.Time `json:"created"`
}

// Consent is how the authorization endpoint answers: grant everything asked (zero value), grant only the listed
// scopes (identity scopes are always granted), or deny.
type Consent struct {
	Grant []string `json:"grant,omitempty"`
	Deny  bool     `json:"deny,omitempty"`
}

// Grant is one account's grant to one client, as the control API lists it.
type Grant struct {
	Email    string   `json:"email"`
	ClientID string   `json:"client_id"`
	Scopes   []string `json:"scopes"`
}

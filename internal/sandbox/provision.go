package sandbox

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/oauth"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// AccountSpec is a request to create an account (control API POST /_sandbox/accounts).
type AccountSpec struct {
	Email string `json:"email"`
	Name  string `json:"name,omitempty"` // display name; derived from the email when empty
	Seed  bool   `json:"seed"`           // provision demo data
}

// ErrBadInput reports a control-API or provisioning request that cannot be honoured as given.
var ErrBadInput = errors.New("bad input")

// EnsureAccount creates the account (with demo data when seed) unless it already exists; an existing account is
// left as it is.
func (s *Server) EnsureAccount(ctx context.Context, email string, seed bool) error {
	_, _, err := s.CreateAccount(ctx, AccountSpec{Email: email, Seed: seed})
	return err
}

// CreateAccount creates an account and runs every API's Provision for it in one transaction. It returns the
// account and whether it was created (false: it already existed and was left unchanged).
func (s *Server) CreateAccount(ctx context.Context, spec AccountSpec) (gapi.Account, bool, error) {
	email := strings.ToLower(strings.TrimSpace(spec.Email))
	if err := validEmail(email); err != nil {
		return gapi.Account{}, false, err
	}
	now := s.clock.Now()
	var acct gapi.Account
	exists := false
	// Most calls (every `gog --sandbox` run) find the account: answer them from a read transaction.
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		acct, exists, err = gapi.LoadAccount(tx, email)
		return err
	})
	if err != nil {
		return acct, false, err
	}
	if exists {
		if len(s.unprovisioned(acct)) == 0 {
			return acct, false, nil
		}
		return acct, false, s.store.Update(ctx, func(tx *store.Tx) error {
			current, ok, err := gapi.LoadAccount(tx, email)
			if err != nil || !ok {
				return err
			}
			acct = current
			missing := s.unprovisioned(acct)
			if acct.Provisioned == nil {
				acct.Provisioned = []string{"calendar"}
			}
			return s.provision(tx, &acct, missing, now)
		})
	}
	created := false
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		existing, ok, err := gapi.LoadAccount(tx, email)
		if err != nil || ok {
			acct = existing
			return err
		}
		acct = newAccount(email, spec.Name, spec.Seed, now)
		all, err := store.List[gapi.Account](tx, gapi.AccountsBucket, "")
		if err != nil {
			return err
		}
		acct.Seq = len(all) + 1
		if err := s.provision(tx, &acct, s.apis, now); err != nil {
			return err
		}
		created = true
		return nil
	})
	return acct, created, err
}

// unprovisioned returns the APIs whose Provision has not run for acct.
func (s *Server) unprovisioned(acct gapi.Account) []gapi.API {
	done := acct.Provisioned
	if done == nil {
		done = []string{"calendar"}
	}
	var out []gapi.API
	for _, a := range s.apis {
		if !slices.Contains(done, a.Name()) {
			out = append(out, a)
		}
	}
	return out
}

// provision runs apis' Provision for acct (with demo data when the account is seeded) and stores the account
// with those APIs recorded.
func (s *Server) provision(tx *store.Tx, acct *gapi.Account, apis []gapi.API, now time.Time) error {
	for _, a := range apis {
		if err := a.Provision(tx, *acct, acct.Seeded, now); err != nil {
			return fmt.Errorf("provision %s for %s: %w", a.Name(), acct.Email, err)
		}
		acct.Provisioned = append(acct.Provisioned, a.Name())
	}
	return store.Put(tx, gapi.AccountsBucket, acct.Email, *acct)
}

// Accounts lists every account, ordered by email.
func (s *Server) Accounts(ctx context.Context) ([]gapi.Account, error) {
	var out []gapi.Account
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		out, err = store.List[gapi.Account](tx, gapi.AccountsBucket, "")
		return err
	})
	return out, err
}

func validEmail(email string) error {
	local, domain, ok := strings.Cut(email, "@")
	if !ok || local == "" || domain == "" || strings.Contains(domain, "@") || !strings.Contains(domain, ".") ||
		strings.IndexFunc(email, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return fmt.Errorf("%w: %q is not an email address", ErrBadInput, email)
	}
	return nil
}

// newAccount derives an account's profile from its email: "ada.lovelace@…" is Ada Lovelace, with a sub that
// is stable for the email (so restarts and reprovisioning keep ids).
func newAccount(email, name string, seeded bool, now time.Time) gapi.Account {
	local, _, _ := strings.Cut(email, "@")
	words := strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '_' || r == '-' || r == '+' })
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	if name == "" {
		name = strings.Join(words, " ")
	}
	given, family, _ := strings.Cut(name, " ")
	h := sha256.Sum256([]byte("sub:" + email))
	sub := new(big.Int).SetBytes(h[:9]).String()
	sub = "1" + (strings.Repeat("0", 20) + sub)[len(sub):] // 21 digits, like Google's
	return gapi.Account{Email: email, Sub: sub, Name: name, GivenName: given, FamilyName: family,
		Picture: "https://lh3.googleusercontent.com/a/default-user=s96-c", Seeded: seeded, Created: now}
}

// CreateClient registers a Desktop OAuth client and returns the client JSON Google's console downloads
// ({"installed":{client_id, client_secret, auth_uri, token_uri, redirect_uris, …}}) pointing at this sandbox.
func (s *Server) CreateClient(ctx context.Context) ([]byte, error) {
	c, err := s.oauth.CreateClient(ctx)
	return c.JSON, err
}

// TokenRequest asks the control API to mint tokens directly.
type TokenRequest struct {
	Email    string   `json:"email"`
	Scopes   []string `json:"scopes"`
	ClientID string   `json:"client_id,omitempty"` // default: the oldest client (created if there is none)
}

// MintTokens issues a refresh and an access token as if the account had consented (control API POST
// /_sandbox/tokens).
func (s *Server) MintTokens(ctx context.Context, req TokenRequest) (oauth.TokenResponse, error) {
	return s.oauth.MintTokens(ctx, strings.ToLower(req.Email), req.Scopes, req.ClientID)
}

// CreateServiceAccountKey issues a service-account key (Google's JSON key format, token_uri pointing here). The
// service account also becomes an (empty) account, so calls it makes without "sub" have data to act on.
func (s *Server) CreateServiceAccountKey(ctx context.Context, name string) ([]byte, error) {
	key, email, err := s.oauth.CreateServiceAccountKey(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadInput, err)
	}
	if _, _, err := s.CreateAccount(ctx, AccountSpec{Email: email, Name: name}); err != nil {
		return nil, err
	}
	return key, nil
}

// SetConsent sets how the authorization endpoint answers (grant all, grant a subset, deny).
func (s *Server) SetConsent(ctx context.Context, c oauth.Consent) error {
	return s.oauth.SetConsent(ctx, c)
}

// AddFault activates a fault and returns it with its id.
func (s *Server) AddFault(ctx context.Context, f Fault) (Fault, error) {
	f.ID, f.Seq = "", 0
	if err := f.validate(); err != nil {
		return Fault{}, fmt.Errorf("%w: %v", ErrBadInput, err)
	}
	return s.faults.add(ctx, f)
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults(ctx context.Context) error {
	_, err := s.faults.remove(ctx, "")
	return err
}

// Requests returns the request log, oldest first.
func (s *Server) Requests() []RequestEntry { return s.log.list() }

// ClearRequests empties the request log.
func (s *Server) ClearRequests() { s.log.clear() }

// Consent is how the authorization endpoint answers: grant all (zero value), grant a subset, or deny.
type Consent = oauth.Consent

// TokenResponse is a token-endpoint answer (and the control API's minted tokens).
type TokenResponse = oauth.TokenResponse

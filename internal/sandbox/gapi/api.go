package gapi

import (
	"time"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// Env is what the sandbox gives an API package when it builds it.
type Env struct {
	Store   *store.Store
	Clock   clock.Clock // the sandbox clock (control-API offset applied); Call.Now is read from it
	BaseURL string      // how clients reach the sandbox
}

// API is one faked Google API. The sandbox builds each API once (see internal/sandbox/apis.go), lets it register
// its handlers, and calls Provision for every account it creates.
type API interface {
	// Name is the discovery name of the API ("calendar").
	Name() string
	// Register adds the API's method handlers to r.
	Register(r *Router)
	// Provision creates the account's baseline data (a primary calendar, a "me" person …) inside the account's
	// creation transaction, plus demo data when seed is true. It must be deterministic for a given account and
	// time, and must not fail when the account has no data of this API yet.
	Provision(tx *store.Tx, acct Account, seed bool, now time.Time) error
}

// Account is a sandbox Google account.
type Account struct {
	Email      string    `json:"email"`
	Sub        string    `json:"sub"` // stable numeric id, as in Google's "sub" claim
	Name       string    `json:"name"`
	GivenName  string    `json:"given_name"`
	FamilyName string    `json:"family_name"`
	Picture    string    `json:"picture"`
	Seeded     bool      `json:"seeded"`
	Created    time.Time `json:"created"`
	Seq        int       `json:"seq"` // 1 for the first account provisioned, 2 for the next …
	// Provisioned names the APIs whose Provision ran for this account, so an API added to the sandbox later is
	// provisioned for accounts created before it (nil: an account from before this field, when only calendar
	// existed).
	Provisioned []string `json:"provisioned,omitempty"`
}

// AccountsBucket is the store bucket holding Account values keyed by email.
const AccountsBucket = "accounts"

// LoadAccount reads an account by email.
func LoadAccount(tx *store.Tx, email string) (Account, bool, error) {
	return store.Get[Account](tx, AccountsBucket, email)
}

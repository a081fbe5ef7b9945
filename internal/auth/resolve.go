package auth

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/transport"
)

// The credential modes, as gog auth status and app.Resolved report them.
const (
	ModeOAuth          = "oauth"
	ModeAccessToken    = "access-token"
	ModeADC            = "adc"
	ModeServiceAccount = "service-account"
)

// Choice is everything that decides which credentials a run uses.
type Choice struct {
	AccessToken       string // --access-token / GOG_ACCESS_TOKEN
	AccessTokenSource string // which of the two gave it, for status
	AuthMode          string // GOG_AUTH_MODE: "" or "auto" (the default chain) or "adc"
	Account           string // --account / GOG_ACCOUNT: an email or an alias
	AccountSource     string // which of the two gave it
	Aliases           map[string]string
	DefaultAccount    string // config default_account (an email or an alias)
	Getenv            func(string) string
}

// Resolution is the credential choice, with why it was made.
type Resolution struct {
	Mode           string   `json:"mode"`
	Account        string   `json:"account,omitempty"`
	Alias          string   `json:"alias,omitempty"`
	Realm          Realm    `json:"realm"`
	Why            string   `json:"why"`
	Granted        []string `json:"granted_scopes,omitempty"`
	ServiceAccount string   `json:"service_account,omitempty"` // the key's address (service-account, ADC key)
	Delegated      bool     `json:"delegated,omitempty"`       // domain-wide delegation to Account
	ADCFile        string   `json:"adc_file,omitempty"`

	Record      *TokenRecord          `json:"-"` // stored OAuth only
	Credentials transport.Credentials `json:"-"`
}

// Resolve decides, in one place, which credentials this run uses:
//
//  1. a direct access token (--access-token / GOG_ACCESS_TOKEN): never stored, never refreshed;
//  2. GOG_AUTH_MODE=adc: Application Default Credentials;
//  3. else the account — --account / GOG_ACCOUNT, through aliases; else config default_account; else the only
//     account stored in this realm — with its service-account key if one is stored for it, else its stored
//     user OAuth.
func (m *Manager) Resolve(ctx context.Context, c Choice) (*Resolution, error) {
	account, alias, why, err := m.pickAccountName(c)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(strings.TrimSpace(c.AuthMode)) {
	case "", "auto":
	case "adc":
		if c.AccessToken == "" {
			return m.resolveADC(c, account, alias)
		}
	default:
		return nil, errs.Usagef("GOG_AUTH_MODE=%q is not a mode gog knows", c.AuthMode).
			WithHint("unset it, or set it to adc (Application Default Credentials)")
	}
	if c.AccessToken != "" {
		return &Resolution{Mode: ModeAccessToken, Account: account, Alias: alias, Realm: m.realm,
			Why:         "an access token was given (" + nonEmpty(c.AccessTokenSource, "--access-token") + "); it is used as is, never refreshed",
			Credentials: staticToken(c.AccessToken)}, nil
	}
	if account == "" {
		account, why, err = m.onlyAccount(ctx)
		if err != nil {
			return nil, err
		}
	}
	res := &Resolution{Account: account, Alias: alias, Realm: m.realm, Why: why}
	sa, err := m.ServiceAccountFor(ctx, account)
	if err != nil {
		return nil, err
	}
	if sa != nil {
		res.Mode, res.ServiceAccount, res.Delegated = ModeServiceAccount, sa.ClientEmail, sa.Delegated
		res.Why += "; a service-account key is stored for it"
		res.Credentials = sa.credentials(m)
		return res, nil
	}
	rec, err := m.Record(ctx, account)
	if err != nil {
		return nil, err
	}
	if rec == nil || rec.RefreshToken == "" {
		return nil, m.notSignedIn(account)
	}
	res.Mode, res.Record, res.Granted = ModeOAuth, rec, rec.Granted
	res.Credentials = m.User(account)
	return res, nil
}

// pickAccountName applies --account / GOG_ACCOUNT and config default_account, through aliases.
func (m *Manager) pickAccountName(c Choice) (account, alias, why string, err error) {
	switch {
	case c.Account != "":
		account, alias, err = resolveAlias(c.Account, c.Aliases, m.opts.Command)
		why = "named by " + nonEmpty(c.AccountSource, "--account")
	case c.DefaultAccount != "":
		account, alias, err = resolveAlias(c.DefaultAccount, c.Aliases, m.opts.Command)
		why = "config default_account"
	}
	if alias != "" {
		why += " (alias " + alias + ")"
	}
	return account, alias, why, err
}

// resolveAlias turns an alias into its email; an email stays as it is.
func resolveAlias(name string, aliases map[string]string, command string) (email, alias string, err error) {
	name = strings.TrimSpace(name)
	if target, ok := aliases[name]; ok {
		return normalizeEmail(target), name, nil
	}
	if strings.Contains(name, "@") {
		return normalizeEmail(name), "", nil
	}
	return "", "", errs.Usagef("%q is neither an email address nor an alias", name).
		WithHint("list aliases with: %s auth alias list", command)
}

// onlyAccount is the account used when none is named: the only one stored in this realm.
func (m *Manager) onlyAccount(ctx context.Context) (string, string, error) {
	users, err := m.Accounts(ctx)
	if err != nil {
		return "", "", err
	}
	sas, err := m.ServiceAccounts(ctx)
	if err != nil {
		return "", "", err
	}
	set := map[string]bool{}
	for _, a := range append(users, sas...) {
		set[a] = true
	}
	all := make([]string, 0, len(set))
	for a := range set {
		all = append(all, a)
	}
	sort.Strings(all)
	switch len(all) {
	case 1:
		return all[0], "the only account signed in", nil
	case 0:
		e := errs.New(errs.Auth, "not signed in%s", m.atRealm())
		if !m.realm.IsGoogle() {
			if n := m.googleAccountCount(ctx); n > 0 {
				e.Message += fmt.Sprintf(" (%d account(s) signed in to Google are never used with another endpoint)", n)
			}
		}
		return "", "", e.WithHint("run: %s auth add EMAIL", m.opts.Command)
	default:
		return "", "", errs.New(errs.Auth, "%d accounts are signed in%s and none is chosen: %s", len(all), m.atRealm(), strings.Join(all, ", ")).
			WithHint("add --account EMAIL, or make one the default: gog config set default_account EMAIL")
	}
}

func (m *Manager) atRealm() string {
	if m.realm.IsGoogle() {
		return ""
	}
	return " at " + string(m.realm)
}

func (m *Manager) googleAccountCount(ctx context.Context) int {
	st, err := m.Store(ctx)
	if err != nil {
		return 0
	}
	all, err := st.Keys()
	if err != nil {
		return 0
	}
	return len(names(all, kindToken, GoogleRealm))
}

func (m *Manager) resolveADC(c Choice, account, alias string) (*Resolution, error) {
	getenv := c.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	creds, saEmail, path, err := m.ADC(getenv, account)
	if err != nil {
		return nil, err
	}
	res := &Resolution{Mode: ModeADC, Account: account, Alias: alias, Realm: m.realm, ADCFile: path,
		ServiceAccount: saEmail, Credentials: creds, Why: "GOG_AUTH_MODE=adc: Application Default Credentials from " + path}
	if saEmail != "" {
		if account == "" {
			res.Account = normalizeEmail(saEmail)
		} else if normalizeEmail(account) != normalizeEmail(saEmail) {
			res.Delegated = true
		}
	}
	return res, nil
}

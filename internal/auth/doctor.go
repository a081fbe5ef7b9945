package auth

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/googleerr"
	"github.com/gogcli/gog/internal/scopes"
)

// Check statuses.
const (
	CheckOK   = "ok"
	CheckWarn = "warn"
	CheckFail = "fail"
	CheckSkip = "skip"
)

// Clock skew thresholds against the token endpoint's Date header. Tokens are used until SafetyMargin before
// expiry, so a clock late by more than that uses expired tokens; a few seconds are normal network delay.
const (
	skewWarn = 30 * time.Second
	skewFail = SafetyMargin
)

// Check is one finding of gog auth doctor.
type Check struct {
	Name    string   `json:"name"`
	Status  string   `json:"status"`
	Detail  string   `json:"detail"`
	Fix     string   `json:"fix,omitempty"`
	Service string   `json:"service,omitempty"`
	Missing []string `json:"missing_scopes,omitempty"`
	Reason  string   `json:"reason,omitempty"` // e.g. invalid_grant

	class errs.Class
}

// DoctorReport is what gog auth doctor prints.
type DoctorReport struct {
	Account string  `json:"account,omitempty"`
	Mode    string  `json:"mode,omitempty"`
	Realm   Realm   `json:"realm"`
	Backend string  `json:"backend,omitempty"`
	OK      bool    `json:"ok"`
	Checks  []Check `json:"checks"`
}

func (r *DoctorReport) add(c Check) {
	if c.Status == CheckFail {
		r.OK = false
	}
	r.Checks = append(r.Checks, c)
}

// Err is nil when every check passed, else an error of the first failure's class (so the exit code says what
// kind of problem it is) naming how many checks failed.
func (r *DoctorReport) Err() error {
	var first *Check
	n := 0
	for i := range r.Checks {
		if r.Checks[i].Status == CheckFail {
			n++
			if first == nil {
				first = &r.Checks[i]
			}
		}
	}
	if first == nil {
		return nil
	}
	class := first.class
	if class == "" {
		class = errs.General
	}
	e := errs.New(class, "gog auth doctor: %d check(s) failed; first: %s: %s", n, first.Name, first.Detail)
	e.Reason = first.Reason
	return e.WithHint("%s", nonEmpty(first.Fix, "see the report above"))
}

// Doctor checks the chosen account's sign-in end to end: secret store, credentials, OAuth client, cached token,
// refresh token (a real refresh), the clock against the token endpoint, and the grant against each service.
// services narrows the scope check; empty means the services signed in for.
func (m *Manager) Doctor(ctx context.Context, c Choice, services []string) *DoctorReport {
	r := &DoctorReport{Realm: m.realm, OK: true}
	st, err := m.Store(ctx)
	if err != nil {
		r.add(failFrom("secret_store", err, ""))
	} else {
		r.Backend = st.Backend()
		r.add(Check{Name: "secret_store", Status: CheckOK, Detail: "reachable (backend: " + st.Backend() + ")"})
	}
	res, err := m.Resolve(ctx, c)
	if err != nil {
		r.add(failFrom("credentials", err, ""))
		return r
	}
	r.Account, r.Mode = res.Account, res.Mode
	r.add(Check{Name: "credentials", Status: CheckOK, Detail: fmt.Sprintf("%s for %s: %s", res.Mode, nonEmpty(res.Account, "(unknown account)"), res.Why)})
	switch res.Mode {
	case ModeOAuth:
		m.doctorOAuth(ctx, r, res, services)
	case ModeAccessToken:
		r.add(Check{Name: "token", Status: CheckSkip, Detail: "a direct access token is used as given; gog neither checks nor refreshes it"})
	default:
		if _, err := res.Credentials.Token(ctx); err != nil {
			r.add(failFrom("token", err, res.Account))
		} else {
			r.add(Check{Name: "token", Status: CheckOK, Detail: "the " + res.Mode + " credentials minted an access token"})
		}
	}
	return r
}

func (m *Manager) doctorOAuth(ctx context.Context, r *DoctorReport, res *Resolution, services []string) {
	rec := res.Record
	if c, err := m.requireClient(ctx, rec.Client); err != nil {
		r.add(failFrom("client", err, res.Account))
	} else {
		r.add(Check{Name: "client", Status: CheckOK, Detail: fmt.Sprintf("OAuth client %q (%s)", c.Name, c.ClientID)})
	}
	now := m.opts.Clock.Now()
	if rec.Fresh(now) {
		r.add(Check{Name: "token_cache", Status: CheckOK, Detail: fmt.Sprintf("cached access token valid for %s", rec.Expiry.Sub(now).Round(time.Second))})
	} else {
		r.add(Check{Name: "token_cache", Status: CheckWarn, Detail: "no fresh cached access token; the next command refreshes it"})
	}
	granted := rec.Granted
	fresh, resp, err := m.User(res.Account).Refresh(ctx)
	if err != nil {
		r.add(failFrom("refresh_token", err, res.Account))
		r.add(Check{Name: "clock", Status: CheckSkip, Detail: "no answer from the token endpoint to compare with"})
	} else {
		granted = fresh.Granted
		r.add(Check{Name: "refresh_token", Status: CheckOK, Detail: "valid: the token endpoint minted a new access token"})
		r.add(m.clockCheck(now, resp.Date))
	}
	want := services
	if len(want) == 0 {
		want = rec.Services
	}
	for _, name := range want {
		r.add(m.scopeCheck(name, rec, granted))
	}
}

func (m *Manager) clockCheck(now, date time.Time) Check {
	if date.IsZero() {
		return Check{Name: "clock", Status: CheckSkip, Detail: "the token endpoint sent no Date header"}
	}
	skew := now.Sub(date)
	abs := skew
	if abs < 0 {
		abs = -abs
	}
	c := Check{Name: "clock", Status: CheckOK, Detail: fmt.Sprintf("within %s of the token endpoint's clock", abs.Round(time.Second))}
	dir := "ahead of"
	if skew < 0 {
		dir = "behind"
	}
	switch {
	case abs > skewFail:
		c.Status, c.class = CheckFail, errs.Config
	case abs > skewWarn:
		c.Status = CheckWarn
	default:
		return c
	}
	c.Detail = fmt.Sprintf("this machine's clock is %s %s the token endpoint's", abs.Round(time.Second), dir)
	c.Fix = "synchronize the system clock (for example: timedatectl set-ntp true, or enable automatic time)"
	return c
}

// scopeCheck compares the grant with what one service needs: its full scopes, or its read-only ones when the
// sign-in asked for read-only.
func (m *Manager) scopeCheck(name string, rec *TokenRecord, granted []string) Check {
	svc, ok := scopes.Lookup(name)
	if !ok {
		return Check{Name: "scopes", Service: name, Status: CheckSkip, Detail: "unknown service " + name}
	}
	want := svc.Full
	if len(scopes.Missing(svc.Full, rec.Requested)) > 0 && len(scopes.Missing(svc.ReadOnly, rec.Requested)) == 0 {
		want = svc.ReadOnly
	}
	missing := scopes.Missing(want, granted)
	if len(missing) == 0 {
		return Check{Name: "scopes", Service: name, Status: CheckOK, Detail: name + ": granted"}
	}
	if len(scopes.Missing(svc.ReadOnly, granted)) == 0 {
		// Read-only is there: reads work, writes need more.
		return Check{Name: "scopes", Service: name, Status: CheckWarn, Missing: missing,
			Detail: name + ": read-only access only; missing " + strings.Join(missing, " "),
			Fix:    fmt.Sprintf("%s auth add %s --services %s --force-consent", m.opts.Command, rec.Email, name)}
	}
	return Check{Name: "scopes", Service: name, Status: CheckFail, Missing: missing, class: errs.Auth,
		Detail: name + ": the grant lacks " + strings.Join(missing, " "),
		Fix:    fmt.Sprintf("%s auth add %s --services %s --force-consent", m.opts.Command, rec.Email, name)}
}

// failFrom turns an error into a failed check with its message, hint and class.
func failFrom(name string, err error, account string) Check {
	e := googleerr.FromError(err, googleerr.HintContext{Account: account})
	return Check{Name: name, Status: CheckFail, Detail: e.Error(), Fix: e.Hint, Reason: e.Reason, class: e.Class}
}

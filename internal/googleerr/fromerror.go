package googleerr

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"time"

	"golang.org/x/oauth2"
	"google.golang.org/api/googleapi"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/transport/redact"
)

// HintContext is what the caller knows that the error does not: it makes hints name the exact command.
type HintContext struct {
	Account string   // the account the call was made for; "" prints EMAIL in hints
	Service string   // gog service of the command: calendar, contacts, youtube, ...; "" = derive from the error
	Granted []string // scopes the stored grant holds; nil when unknown (direct token, ADC, ...)
	// Now turns a retry time Google wrote into a wait; zero reports the absolute time only.
	Now time.Time
	// Command is how the user runs gog against this run's target ("gog --endpoint URL", "gog --sandbox"), so a
	// re-consent hint signs in where the call went; "" means plain "gog" (Google).
	Command string
}

func (hc HintContext) gog() string {
	if hc.Command == "" {
		return "gog"
	}
	return hc.Command
}

func (hc HintContext) account() string {
	if hc.Account == "" {
		return "EMAIL"
	}
	return hc.Account
}

// FromError turns whatever a call returned into a classified *errs.Error with a message and a hint naming what
// to run next. nil stays nil; an *errs.Error already in the chain is returned as it is.
func FromError(err error, hc HintContext) *errs.Error {
	if err == nil {
		return nil
	}
	if e, ok := errs.As(err); ok {
		return e
	}
	var te *TransportError
	facts := Facts{}
	if errors.As(err, &te) {
		facts = te.Facts
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return cancelled(err, facts)
	}
	var ge *googleapi.Error
	if errors.As(err, &ge) {
		return fromAPI(err, ge, hc)
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		return fromOAuth(err, re, hc)
	}
	if te != nil || isNetwork(err) {
		return fromNetwork(err, facts, hc)
	}
	msg := redact.String(err.Error())
	if strings.HasPrefix(msg, "oauth2: ") {
		return &errs.Error{Class: errs.Auth, Message: msg, Err: err,
			Hint: fmt.Sprintf("sign in again: %s auth add %s --force-consent", hc.gog(), hc.account())}
	}
	return &errs.Error{Class: errs.General, Message: msg, Err: err,
		Hint: "run the command again with --debug to see the requests gog made"}
}

func cancelled(err error, f Facts) *errs.Error {
	e := &errs.Error{Class: errs.Cancelled, Message: "cancelled", Err: err, Hint: "run the command again"}
	if errors.Is(err, context.DeadlineExceeded) {
		e.Message = "the deadline passed before Google answered"
	}
	if f.Attempts > 0 && isWrite(f.Method) {
		e.Message += fmt.Sprintf("; the %s may or may not have been applied", f.Method)
		e.Hint = "check whether it was applied before running the command again"
	}
	return e
}

// fromAPI classifies an answer from a Google API as the generated clients report it.
func fromAPI(err error, ge *googleapi.Error, hc HintContext) *errs.Error {
	body := []byte(ge.Body)
	if len(strings.TrimSpace(ge.Body)) == 0 && (ge.Message != "" || len(ge.Errors) > 0) {
		body = synthesizeBody(ge) // an Error built in code rather than read off the wire
	}
	c := Classify(ge.Code, ge.Header, body, hc.Now)
	f := FactsFrom(ge.Header)
	service := firstNonEmpty(hc.Service, ServiceForAPI(c.Service), scopeService(c.AcceptedScopes), ServiceForPath(f.Path),
		ServiceForAPI(c.Domain)) // "youtube.quota", "calendar": domains that name their API
	e := &errs.Error{Class: c.Class, Status: c.Status, Reason: c.Reason, Retryable: c.Retryable, Err: err}
	h := hinter{c: c, f: f, hc: hc, service: service}
	e.Message, e.Hint = h.describe()
	if c.Class == errs.Scope {
		e.GrantLacksScope = grantLacks(hc.Granted, c.AcceptedScopes, service)
	}
	e.Message = redact.String(e.Message)
	return e
}

func synthesizeBody(ge *googleapi.Error) []byte {
	type item struct {
		Reason  string `json:"reason"`
		Message string `json:"message"`
	}
	var items []item
	for _, it := range ge.Errors {
		items = append(items, item{it.Reason, it.Message})
	}
	b, _ := json.Marshal(map[string]any{"error": map[string]any{"code": ge.Code, "message": ge.Message, "errors": items}})
	return b
}

func scopeService(accepted []string) string {
	for _, s := range accepted {
		if svc := ServiceForScope(s); svc != "" {
			return svc
		}
	}
	return ""
}

// fromOAuth classifies a token-endpoint failure (a refresh, mostly).
func fromOAuth(err error, re *oauth2.RetrieveError, hc HintContext) *errs.Error {
	acct := hc.account()
	desc := redact.String(re.ErrorDescription)
	withDesc := func(s string) string {
		if desc != "" {
			return s + " (" + desc + ")"
		}
		return s
	}
	e := &errs.Error{Reason: re.ErrorCode, Err: err}
	if re.Response != nil {
		e.Status = re.Response.StatusCode
	}
	switch {
	case re.ErrorCode == "invalid_grant":
		e.Class, e.Message = errs.Auth, withDesc("refresh token expired or revoked")
		e.Hint = fmt.Sprintf("run: %s auth add %s --force-consent. If the OAuth client's consent screen is in "+
			"Testing mode, Google expires its refresh tokens after 7 days: publish the app to stop that.", hc.gog(), acct)
	case isConfigOAuthCode(re.ErrorCode):
		e.Class, e.Message = errs.Config, withDesc("Google rejected the OAuth client (deleted, disabled, or a wrong secret)")
		e.Hint = "download the Desktop client JSON from the Cloud console again and run: gog auth credentials FILE"
	case re.ErrorCode == "invalid_scope":
		e.Class, e.Message = errs.Auth, withDesc("Google rejected a scope gog asked for")
		e.Hint = fmt.Sprintf("sign in again for the services you need: %s auth add %s --services SERVICE --force-consent", hc.gog(), acct)
	case re.ErrorCode == "" && e.Status == http.StatusTooManyRequests:
		e.Class, e.Retryable, e.Message = errs.RateLimit, true, "the token endpoint is rate limiting"
		e.Hint = "wait a minute and run the command again"
	case re.ErrorCode == "" && e.Status >= 500:
		e.Class, e.Retryable = errs.Server, true
		e.Message = fmt.Sprintf("Google's token endpoint failed (%d %s)", e.Status, http.StatusText(e.Status))
		e.Hint = "run the command again in a few minutes"
	default:
		e.Class, e.Message = errs.Auth, withDesc("Google refused to issue an access token: "+firstNonEmpty(re.ErrorCode, statusText(e.Status)))
		e.Hint = fmt.Sprintf("sign in again: %s auth add %s --force-consent (see: %s auth status)", hc.gog(), acct, hc.gog())
	}
	return e
}

func statusText(code int) string {
	if code == 0 {
		return "no answer"
	}
	return fmt.Sprintf("%d %s", code, http.StatusText(code))
}

func fromNetwork(err error, f Facts, hc HintContext) *errs.Error {
	cause := redact.String(rootMessage(err))
	e := &errs.Error{Class: errs.Network, Retryable: true, Err: err}
	where := ""
	if f.Method != "" {
		where = fmt.Sprintf(" during %s %s", f.Method, f.Path)
	}
	e.Message = fmt.Sprintf("network error%s: %s", where, cause)
	e.Hint = "check the network connection (and HTTPS_PROXY, if one is set), then run the command again"
	var cv *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	if errors.As(err, &cv) || errors.As(err, &ua) {
		e.Retryable = false
		e.Hint = "the server's TLS certificate was not trusted: if a proxy inspects HTTPS, point SSL_CERT_FILE at its CA certificate"
	}
	switch {
	case f.NotRepeated == NotRepeatedWrite:
		e.Message += fmt.Sprintf("; the %s may or may not have been applied, and gog does not repeat a write that could be duplicated", f.Method)
		e.Hint = checkHint(firstNonEmpty(hc.Service, ServiceForPath(f.Path)))
	case f.Attempts > 1:
		e.Message += fmt.Sprintf(" (tried %d times)", f.Attempts)
	}
	return e
}

// rootMessage is the innermost error's text: *url.Error and our own wrappers repeat the URL, which adds noise.
func rootMessage(err error) string {
	var te *TransportError
	if errors.As(err, &te) && te.Err != nil {
		err = te.Err
	}
	return err.Error()
}

func isNetwork(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EPIPE)
}

func isWrite(method string) bool {
	return method != "" && method != http.MethodGet && method != http.MethodHead
}

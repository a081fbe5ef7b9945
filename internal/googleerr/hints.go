package googleerr

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/errs"
)

// hinter builds the message and hint of one classified API answer.
type hinter struct {
	c       Classification
	f       Facts
	hc      HintContext
	service string
}

// describe returns (message, hint). Messages lead with what Google said; hints name the command to run.
func (h hinter) describe() (string, string) {
	c, f := h.c, h.f
	acct := h.hc.account()
	msg := firstNonEmpty(c.Message, statusText(c.Status))
	switch c.Class {
	case errs.Scope:
		return h.scopeMessage(msg), h.scopeHint()
	case errs.Auth:
		return msg, fmt.Sprintf("sign in again: %s auth add %s --force-consent (with --access-token or "+
			"GOG_ACCESS_TOKEN, pass a fresh token instead)", h.hc.gog(), acct)
	case errs.RateLimit:
		return msg + h.waited(), h.retryLater("wait a minute and run the command again; for bulk work, run fewer commands at once")
	case errs.Quota:
		return fmt.Sprintf("quota exhausted: %s: %s", c.Quota, msg), h.quotaHint()
	case errs.APIDisabled:
		api := firstNonEmpty(c.Service, apiForService(h.service), "the API")
		m := fmt.Sprintf("%s is not enabled for the Google Cloud project of gog's OAuth client", api)
		if c.ActivationURL != "" {
			return m, fmt.Sprintf("enable it at %s, wait a few minutes, then run the command again", c.ActivationURL)
		}
		return m, "enable it in the Cloud console (APIs & Services → Library) for that project, then run the command again"
	case errs.Policy:
		return msg, "a Workspace administrator's policy blocks this: ask the admin to allow gog's OAuth client " +
			"(Admin console → Security → API controls), or use another account with --account"
	case errs.Permission:
		return msg, fmt.Sprintf("%s lacks access to this resource: ask its owner to share it with the access the "+
			"command needs, or use another account with --account", acct)
	case errs.NotFound:
		if f.Method == http.MethodDelete && f.Attempts > 1 {
			msg += "; an earlier attempt of this delete got a server error and may already have deleted it"
		}
		return msg, h.notFoundHint()
	case errs.Conflict:
		return msg, "it changed since gog read it: run the command again to work on the current version"
	case errs.Server:
		return h.serverMessage(msg), h.serverHint()
	case errs.Config:
		return msg, "download the Desktop client JSON from the Cloud console again and run: gog auth credentials FILE"
	case errs.Invalid:
		return msg, h.helpHint("check the command's arguments")
	}
	return msg, "run the command again with --debug to see the requests gog made"
}

func (h hinter) scopeMessage(msg string) string {
	switch h.f.ScopeRefresh {
	case ScopeReplayed:
		msg += " (it was refused again with a freshly minted access token, so the grant itself lacks the scope)"
	case ScopeRefreshFailed:
		msg += fmt.Sprintf(" (minting a fresh access token to retry failed: %s)", firstNonEmpty(h.f.RefreshError, "error"))
	}
	if acc := h.c.AcceptedScopes; len(acc) > 0 && len(acc) <= 3 {
		msg += "; the call accepts " + strings.Join(acc, " or ")
	}
	return msg
}

func (h hinter) scopeHint() string {
	var b strings.Builder
	fmt.Fprintf(&b, "run: %s auth add %s", h.hc.gog(), h.hc.account())
	if h.service != "" {
		fmt.Fprintf(&b, " --services %s", h.service)
		if extra := extraScopeFor(h.service, h.c.AcceptedScopes); extra != "" {
			fmt.Fprintf(&b, " --extra-scopes %s", extra)
		}
	} else if len(h.c.AcceptedScopes) > 0 {
		fmt.Fprintf(&b, " --extra-scopes %s", h.c.AcceptedScopes[0])
	} else {
		b.WriteString(" --services SERVICE")
	}
	b.WriteString(" --force-consent")
	return b.String()
}

func (h hinter) waited() string {
	switch h.f.GaveUp {
	case GaveUpWait:
		return fmt.Sprintf(" (Google asked gog to wait until %s, longer than it waits by itself)", h.f.RetryAt.UTC().Format(time.RFC3339))
	case GaveUpAttempts, GaveUpBudget:
		return fmt.Sprintf(" (gog waited and tried %d times)", h.f.Attempts)
	}
	return ""
}

// retryLater says when to come back if anyone said so, else falls back.
func (h hinter) retryLater(fallback string) string {
	at := h.f.RetryAt
	if at.IsZero() {
		at = h.c.RetryAt
	}
	if !at.IsZero() {
		return fmt.Sprintf("run the command again after %s", at.UTC().Format(time.RFC3339))
	}
	if h.c.RetryAfter > 0 {
		return fmt.Sprintf("run the command again in %s", h.c.RetryAfter.Round(time.Second))
	}
	return fallback
}

func (h hinter) quotaHint() string {
	api := firstNonEmpty(h.c.Service, apiForService(h.service))
	where := "the Cloud console (APIs & Services → Quotas) of the OAuth client's project"
	if api != "" {
		where = "https://console.cloud.google.com/apis/api/" + api + "/quotas"
	}
	return "waiting a little will not help: daily quotas reset at midnight Pacific Time; to raise the quota, see " + where
}

func (h hinter) serverMessage(msg string) string {
	f := h.f
	switch {
	case f.NotRepeated == NotRepeatedWrite:
		return fmt.Sprintf("Google answered %s to %s %s: the change may or may not have been applied, and gog does "+
			"not repeat a write that could be duplicated", statusText(h.c.Status), f.Method, f.Path)
	case f.NotRepeated == NotRepeatedBody:
		return msg + " (not retried: the request body could not be sent again)"
	case f.GaveUp == GaveUpWait:
		return msg + h.waited()
	case f.Attempts > 1:
		return fmt.Sprintf("%s (tried %d times)", msg, f.Attempts)
	}
	return msg
}

func (h hinter) serverHint() string {
	if h.f.NotRepeated == NotRepeatedWrite {
		return checkHint(h.service)
	}
	return h.retryLater("run the command again in a few minutes (Google Workspace status: https://www.google.com/appsstatus)")
}

func (h hinter) notFoundHint() string {
	switch h.service {
	case "calendar":
		return "check the calendar and event IDs: gog calendar calendars lists calendars, gog calendar events CAL lists events"
	case "contacts":
		return "check the resource name (people/ID): gog contacts list or gog contacts search QUERY finds it"
	case "youtube":
		return "check the ID: gog youtube search QUERY finds videos, channels and playlists"
	}
	return "check the ID or name you passed"
}

func (h hinter) helpHint(what string) string {
	if h.service != "" {
		return fmt.Sprintf("%s (gog %s --help); add --debug to see the request", what, h.service)
	}
	return what + "; add --debug to see the request"
}

// checkHint tells how to see whether a write that got no clear answer took effect.
func checkHint(service string) string {
	switch service {
	case "calendar":
		return "check whether it was applied (gog calendar events CAL) before running the command again"
	case "contacts":
		return "check whether it was applied (gog contacts search QUERY) before running the command again"
	}
	return "check whether it was applied before running the command again"
}

// apiForService is the API host name of a gog service, used in console links.
func apiForService(service string) string {
	switch service {
	case "calendar":
		return "calendar-json.googleapis.com"
	case "contacts":
		return "people.googleapis.com"
	case "youtube", "gmail", "drive", "tasks", "sheets", "docs", "slides":
		return service + ".googleapis.com"
	}
	return ""
}

// ScopeHint is the re-consent command for a call that accepts any of accepted, for the gog service the call
// belongs to: the same hint a scope 403 gets, for callers (the auth preflight) that know before the call.
func ScopeHint(hc HintContext, service string, accepted []string) string {
	return hinter{c: Classification{AcceptedScopes: accepted}, hc: hc, service: service}.scopeHint()
}

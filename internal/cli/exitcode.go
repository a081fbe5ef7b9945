package cli

import (
	"context"
	"errors"

	"github.com/gogcli/gog/internal/errs"
)

// Exit codes. They are part of gog's contract with scripts: documented in the README and in `gog schema`, and
// mapped from error classes here and nowhere else.
const (
	ExitOK         = 0
	ExitError      = 1
	ExitUsage      = 2
	ExitEmpty      = 3
	ExitAuth       = 4
	ExitNotFound   = 5
	ExitPermission = 6
	ExitRateLimit  = 7
	ExitRetryable  = 8
	ExitConfig     = 10
	ExitCancelled  = 130
)

// ExitCodeDoc pairs an exit code with its meaning, for `gog schema` and the README.
type ExitCodeDoc struct {
	Code    int    `json:"code"`
	Meaning string `json:"meaning"`
}

// ExitCodes documents every exit code.
func ExitCodes() []ExitCodeDoc {
	return []ExitCodeDoc{
		{ExitOK, "success"},
		{ExitError, "error (anything not listed below)"},
		{ExitUsage, "usage: unknown command, bad flag or argument, invalid input"},
		{ExitEmpty, "empty result (only commands that document it, e.g. with --fail-empty)"},
		{ExitAuth, "authentication required: not signed in, token revoked or expired, the grant lacks a scope"},
		{ExitNotFound, "not found"},
		{ExitPermission, "permission denied: scope, sharing, domain policy, API disabled, --readonly"},
		{ExitRateLimit, "rate limited or quota exhausted"},
		{ExitRetryable, "retryable: server or network failure after retries (or a write not safe to retry)"},
		{ExitConfig, "configuration: missing or broken config, client credentials or secret store"},
		{ExitCancelled, "cancelled (Ctrl-C)"},
	}
}

// exitCodeFor maps an error to the process exit code. ctx is the root context: once it is cancelled (Ctrl-C),
// whatever error the interrupted call produced, the answer is 130.
func exitCodeFor(ctx context.Context, err error) int {
	if err == nil {
		return ExitOK
	}
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return ExitCancelled
	}
	return exitCodeForClass(errs.ClassOf(err), err)
}

func exitCodeForClass(c errs.Class, err error) int {
	switch c {
	case errs.Usage:
		return ExitUsage
	case errs.Empty:
		return ExitEmpty
	case errs.Auth:
		return ExitAuth
	case errs.Scope:
		if e, ok := errs.As(err); ok && e.GrantLacksScope {
			return ExitAuth
		}
		return ExitPermission
	case errs.NotFound:
		return ExitNotFound
	case errs.Permission, errs.Policy, errs.APIDisabled:
		return ExitPermission
	case errs.RateLimit, errs.Quota:
		return ExitRateLimit
	case errs.Server, errs.Network:
		return ExitRetryable
	case errs.Config:
		return ExitConfig
	case errs.Cancelled:
		return ExitCancelled
	default:
		return ExitError
	}
}

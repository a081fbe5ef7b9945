// Package authcmd implements `gog auth`: OAuth clients, signing in and out, accounts and aliases, service-account
// keys, token bundles, status and the doctor. Each verb is a thin layer: flags → options → one call into the auth
// core (internal/auth) → the App's printer. Everything about tokens, flows and the store lives in the core.
package authcmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/auth"
	"github.com/gogcli/gog/internal/errs"
)

// New returns the `auth` command group.
func New(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "auth",
		Short: "Sign in, manage accounts, clients and credentials",
		Long: `Sign in to Google and manage what gog signs in with.

  gog auth credentials client.json     store the Desktop OAuth client you downloaded
  gog auth add you@gmail.com           sign in (opens the browser; --manual or --remote over SSH)
  gog auth status                      which account and credentials a command would use, and why
  gog auth doctor                      check the sign-in end to end, with the fix for each problem

Credentials are chosen in this order: --access-token / GOG_ACCESS_TOKEN; GOG_AUTH_MODE=adc; else the account
(--account / GOG_ACCOUNT, an alias, config default_account, or the only one signed in) with its service-account
key if one is stored for it, else its stored sign-in. Sign-ins are kept per endpoint: an account signed in to
Google is not signed in at --endpoint URL, and tokens never cross between them.`,
	}
	cmd.AddCommand(
		newCredentials(a), newAdd(a), newList(a), newRemove(a), newStatus(a), newServices(a),
		newAlias(a), newTokens(a), newServiceAccount(a), newDoctor(a), newWhoami(a),
	)
	return cmd
}

// readInput reads a FILE argument, or stdin for "-".
func readInput(a *app.App, name string) ([]byte, error) {
	if name == "-" {
		b, err := io.ReadAll(io.LimitReader(a.IO.In, 1<<20))
		if err != nil {
			return nil, errs.Wrap(err, errs.Usage, "cannot read stdin: %v", err)
		}
		return b, nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, errs.Wrap(err, errs.Usage, "cannot read %s: %v", name, err).WithHint("check the path, or pass - to read stdin")
	}
	return b, nil
}

// manager returns the run's auth core.
func manager(cmd *cobra.Command, a *app.App) (context.Context, *auth.Manager, error) {
	ctx := cmd.Context()
	m, err := a.Auth(ctx)
	return ctx, m, err
}

// realmLabel names the realm for a person.
func realmLabel(r auth.Realm) string {
	if r.IsGoogle() {
		return "Google"
	}
	return string(r)
}

func join(list []string) string {
	if len(list) == 0 {
		return "-"
	}
	return strings.Join(list, ",")
}

// shortScopes prints scopes without Google's common prefix, for tables.
func shortScopes(list []string) string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strings.TrimPrefix(s, "https://www.googleapis.com/auth/")
	}
	return join(out)
}

func note(a *app.App, format string, args ...any) {
	fmt.Fprintf(a.IO.ErrOut, format+"\n", args...)
}

package authcmd

import (
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/auth"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/googleerr"
	"github.com/gogcli/gog/internal/output"
)

// AccountRow is one account in `gog auth list`.
type AccountRow struct {
	Email          string    `json:"email"`
	Mode           string    `json:"mode"` // oauth or service-account
	Default        bool      `json:"default"`
	Aliases        []string  `json:"aliases,omitempty"`
	Client         string    `json:"client,omitempty"`
	ServiceAccount string    `json:"service_account,omitempty"`
	Services       []string  `json:"services"`
	Granted        []string  `json:"granted_scopes,omitempty"`
	TokenExpiry    time.Time `json:"access_token_expiry,omitzero"`
	TokenFresh     bool      `json:"access_token_fresh"`
	// Check is set with --check: "valid", "revoked" (expired or revoked: invalid_grant) or "error".
	Check      string `json:"check,omitempty"`
	CheckError string `json:"check_error,omitempty"`
	CheckHint  string `json:"check_hint,omitempty"`
}

func newList(a *app.App) *cobra.Command {
	var check bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the signed-in accounts (--check refreshes each to prove it still works)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runList(cmd, a, check)
		},
	}
	cmd.Flags().BoolVar(&check, "check", false, "make a real token refresh per account and report valid, revoked or error")
	return cmd
}

func runList(cmd *cobra.Command, a *app.App, check bool) error {
	ctx, m, err := manager(cmd, a)
	if err != nil {
		return err
	}
	users, err := m.Accounts(ctx)
	if err != nil {
		return err
	}
	sas, err := m.ServiceAccounts(ctx)
	if err != nil {
		return err
	}
	choice := a.AuthChoice()
	def := strings.ToLower(choice.DefaultAccount)
	if e, ok := choice.Aliases[choice.DefaultAccount]; ok {
		def = strings.ToLower(e)
	}
	aliases := map[string][]string{}
	for name, email := range choice.Aliases {
		aliases[strings.ToLower(email)] = append(aliases[strings.ToLower(email)], name)
	}
	now := a.Clock.Now()
	rows := []AccountRow{}
	failed := 0
	for _, email := range users {
		rec, err := m.Record(ctx, email)
		if err != nil || rec == nil {
			return err
		}
		row := AccountRow{Email: email, Mode: auth.ModeOAuth, Client: rec.Client, Services: rec.Services, Granted: rec.Granted,
			TokenExpiry: rec.Expiry, TokenFresh: rec.Fresh(now)}
		if check {
			fresh, _, err := m.User(email).Refresh(ctx)
			row.setCheck(err, email)
			if err == nil {
				row.TokenExpiry, row.TokenFresh, row.Granted = fresh.Expiry, true, fresh.Granted
			} else {
				failed++
			}
		}
		rows = append(rows, row)
	}
	for _, email := range sas {
		sa, err := m.ServiceAccountFor(ctx, email)
		if err != nil || sa == nil {
			return err
		}
		row := AccountRow{Email: email, Mode: auth.ModeServiceAccount, ServiceAccount: sa.ClientEmail, Services: sa.Services}
		if check {
			res, err := m.Resolve(ctx, auth.Choice{Account: email})
			if err == nil {
				_, err = res.Credentials.Token(ctx)
			}
			row.setCheck(err, email)
			if err != nil {
				failed++
			}
		}
		rows = append(rows, row)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Email < rows[j].Email })
	t := &output.Table{Header: []string{"ACCOUNT", "MODE", "DEFAULT", "ALIASES", "SERVICES", "TOKEN"}}
	if check {
		t.Header = append(t.Header, "CHECK")
	}
	for i := range rows {
		r := &rows[i]
		r.Default = r.Email == def
		r.Aliases = aliases[r.Email]
		sort.Strings(r.Aliases)
		cells := []string{r.Email, r.Mode, yes(r.Default), join(r.Aliases), join(r.Services), tokenState(r, now)}
		if check {
			cells = append(cells, r.Check)
		}
		t.AddRow(cells...)
	}
	if err := a.Printer().List("accounts", rows, "", t); err != nil {
		return err
	}
	if len(rows) == 0 && a.Printer().Format != output.FormatJSON {
		note(a, "No account is signed in%s. Run: %s auth add EMAIL", atRealm(m.Realm()), m.Command())
	}
	if failed > 0 {
		return errs.New(errs.Auth, "%d of %d account(s) failed the check", failed, len(rows)).
			WithHint("for each, run the command in its check_hint (gog auth list --check --json shows them)")
	}
	return nil
}

func (r *AccountRow) setCheck(err error, email string) {
	if err == nil {
		r.Check = "valid"
		return
	}
	e := googleerr.FromError(err, googleerr.HintContext{Account: email})
	r.Check, r.CheckError, r.CheckHint = "error", e.Error(), e.Hint
	if e.Reason == "invalid_grant" {
		r.Check = "revoked"
	}
}

func tokenState(r *AccountRow, now time.Time) string {
	switch {
	case r.Mode != auth.ModeOAuth:
		return "minted per run"
	case r.TokenFresh:
		return "valid " + r.TokenExpiry.Sub(now).Round(time.Minute).String()
	case r.TokenExpiry.IsZero():
		return "none cached"
	}
	return "expired (refreshes on use)"
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func atRealm(r auth.Realm) string {
	if r.IsGoogle() {
		return ""
	}
	return " at " + string(r)
}

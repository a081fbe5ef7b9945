package authcmd

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/auth"
	"github.com/gogcli/gog/internal/output"
)

// Status is `gog auth status`: which credentials a command would use now, and why.
type Status struct {
	auth.Resolution
	Backend      string    `json:"secret_store,omitempty"`
	Client       string    `json:"client,omitempty"`
	Services     []string  `json:"services,omitempty"`
	TokenExpiry  time.Time `json:"access_token_expiry,omitzero"`
	TokenFresh   bool      `json:"access_token_fresh"`
	RefreshToken bool      `json:"refresh_token_stored"`
	SignedInAt   time.Time `json:"signed_in_at,omitzero"`
	SafetyMargin string    `json:"safety_margin"`
}

func newStatus(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Show which account and credentials commands use, and why",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, m, err := manager(cmd, a)
			if err != nil {
				return err
			}
			res, err := m.Resolve(ctx, a.AuthChoice())
			if err != nil {
				return err
			}
			s := Status{Resolution: *res, SafetyMargin: auth.SafetyMargin.String()}
			if res.Mode == auth.ModeOAuth || res.Mode == auth.ModeServiceAccount {
				if st, err := m.Store(ctx); err == nil {
					s.Backend = st.Backend()
				}
			}
			if rec := res.Record; rec != nil {
				s.Client, s.Services, s.TokenExpiry = rec.Client, rec.Services, rec.Expiry
				s.TokenFresh, s.RefreshToken, s.SignedInAt = rec.Fresh(a.Clock.Now()), rec.RefreshToken != "", rec.SignedInAt
			}
			t := &output.Table{Header: []string{"FIELD", "VALUE"}}
			t.AddRow("account", orDash(s.Account))
			t.AddRow("mode", s.Mode)
			t.AddRow("why", s.Why)
			t.AddRow("realm", realmLabel(s.Realm))
			if s.Alias != "" {
				t.AddRow("alias", s.Alias)
			}
			if s.ServiceAccount != "" {
				t.AddRow("service account", s.ServiceAccount)
				t.AddRow("delegated", yesNo(s.Delegated))
			}
			if s.ADCFile != "" {
				t.AddRow("adc file", s.ADCFile)
			}
			if s.Backend != "" {
				t.AddRow("secret store", s.Backend)
			}
			if res.Record != nil {
				t.AddRow("client", s.Client)
				t.AddRow("services", join(s.Services))
				t.AddRow("granted scopes", shortScopes(s.Granted))
				state := "expired (the next command refreshes it)"
				if s.TokenFresh {
					state = "valid until " + s.TokenExpiry.Local().Format(time.RFC3339)
				}
				t.AddRow("access token", state)
			}
			return a.Printer().Resource(s, t)
		},
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

package cli

import (
	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/googleerr"
)

// classifyGoogle turns an error from a Google call into an *errs.Error with a hint for this account and service.
func classifyGoogle(a *app.App, cmd *cobra.Command, err error) *errs.Error {
	hc := googleerr.HintContext{Account: a.Flags.Account, Command: a.GogCommand(), Now: a.Clock.Now()}
	if conn := a.CurrentConnection(); conn != nil {
		hc.Account = conn.Account
		hc.Granted = conn.Granted
	}
	for c := cmd; c != nil; c = c.Parent() {
		if s := c.Annotations[app.ServiceAnnotation]; s != "" {
			hc.Service = s
			break
		}
	}
	if hc.Account == "" {
		hc.Account = "EMAIL"
	}
	return googleerr.FromError(err, hc)
}

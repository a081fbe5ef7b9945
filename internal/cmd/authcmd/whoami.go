package authcmd

import (
	"fmt"
	"io"
	"net/http"

	"github.com/spf13/cobra"
	"google.golang.org/api/googleapi"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/auth"
	"github.com/gogcli/gog/internal/output"
)

func newWhoami(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "whoami",
		Short: "Ask Google who the credentials belong to (an authenticated call, like any command)",
		Long: `Call the OpenID userinfo endpoint with the credentials commands would use, through the same transport
(cached token, refresh, retries, --debug) as every API call. Useful to prove a sign-in works in a script.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			conn, err := a.Connect(ctx)
			if err != nil {
				return err
			}
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, conn.Endpoints.UserinfoURL(), nil)
			if err != nil {
				return err
			}
			resp, err := conn.Clients.HTTP.Do(req)
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			if err := googleapi.CheckResponse(resp); err != nil {
				return err
			}
			body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
			if err != nil {
				return err
			}
			info, err := auth.ParseUserInfo(body)
			if err != nil {
				return fmt.Errorf("reading userinfo: %w", err)
			}
			p := a.Printer()
			if p.Format == output.FormatJSON {
				return p.JSON(info)
			}
			_, err = fmt.Fprintln(a.IO.Out, info.Email)
			return err
		},
	}
}

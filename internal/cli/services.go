package cli

import (
	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/authcmd"
	"github.com/gogcli/gog/internal/cmd/calendar"
	"github.com/gogcli/gog/internal/cmd/contacts"
	"github.com/gogcli/gog/internal/cmd/people"
	"github.com/gogcli/gog/internal/cmd/sandboxcmd"
	"github.com/gogcli/gog/internal/cmd/youtube"
)

// serviceCommands returns the top-level command of every service and of auth and the sandbox.
func serviceCommands(a *app.App) []*cobra.Command {
	return []*cobra.Command{authcmd.New(a), sandboxcmd.New(a), calendar.New(a), contacts.New(a), people.New(a), youtube.New(a)}
}

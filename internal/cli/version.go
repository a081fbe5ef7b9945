package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/output"
)

func newVersionCmd(a *app.App) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print gog's version, commit and Go version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p := a.Printer()
			if p.Format == output.FormatJSON {
				return p.JSON(a.Version)
			}
			_, err := fmt.Fprintf(a.IO.Out, "gog %s (commit %s, %s)\n", a.Version.Version, a.Version.Commit, a.Version.Go)
			return err
		},
	}
}

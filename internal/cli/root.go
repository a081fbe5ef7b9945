// Package cli is gog's front door: it builds the command tree and the App for one run, applies global flags and
// their environment variables, runs the command under a context that Ctrl-C cancels, and turns whatever error
// comes back into a message (or, with --json, one JSON object) on stderr and an exit code — in one place.
package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/configcmd"
	"github.com/gogcli/gog/internal/errs"
)

// newRoot builds the whole command tree for one App.
func newRoot(a *app.App) *cobra.Command {
	root := &cobra.Command{
		Use:   "gog",
		Short: "Google Workspace in the terminal",
		Long: `gog reads and changes your Gmail, Calendar, Contacts, Drive, Tasks, Sheets, Docs and YouTube
from the terminal, from scripts and from AI agents.

Try it without a Google account:  gog --sandbox calendar events
Sign in to Google:                gog auth credentials client.json && gog auth add you@gmail.com`,
		Version:       a.Version.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if err := applyEnv(cmd, a.Getenv); err != nil {
				return err
			}
			if !cmd.Flags().Changed("color") {
				if c := a.Setting("color"); c != "" && a.Getenv("NO_COLOR") == "" {
					a.Flags.Color = c
				}
			}
			return finishGlobals(a)
		},
	}
	root.SetVersionTemplate(fmt.Sprintf("gog %s (commit %s, %s)\n", a.Version.Version, a.Version.Commit, a.Version.Go))
	root.SetOut(a.IO.Out)
	root.SetErr(a.IO.ErrOut)
	root.SetIn(a.IO.In)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return errs.Wrap(parseError{err}, errs.Usage, "%v", err).WithHint("run '%s --help' for usage", c.CommandPath())
	})
	addGlobalFlags(root, a)

	root.AddCommand(
		newVersionCmd(a),
		newSchemaCmd(a),
		configcmd.New(a),
	)
	for _, c := range serviceCommands(a) {
		root.AddCommand(c)
	}
	root.InitDefaultCompletionCmd()
	finishTree(root)
	return root
}

// finishTree makes every command in the tree behave the same way on bad input: a group command given an
// unknown subcommand and any positional-argument mistake are usage errors (exit 2), never a silent help page
// with exit 0.
func finishTree(c *cobra.Command) {
	if c.HasSubCommands() && c.Run == nil && c.RunE == nil {
		group := c
		if c.SuggestionsMinimumDistance <= 0 {
			c.SuggestionsMinimumDistance = 2
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			e := errs.Usagef("unknown command %q for %q", args[0], group.CommandPath())
			if s := group.SuggestionsFor(args[0]); len(s) > 0 {
				return e.WithHint("did you mean %s? Run '%s --help' for the commands", strings.Join(s, " or "), group.CommandPath())
			}
			return e.WithHint("run '%s --help' for the commands", group.CommandPath())
		}
	} else if validate := c.Args; validate != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := validate(cmd, args); err != nil {
				return errs.Wrap(parseError{err}, errs.Usage, "%v", err).WithHint("run '%s --help' for usage", cmd.CommandPath())
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		finishTree(sub)
	}
}

package youtube

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"
	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdutil"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

// PlaylistsListOptions are the flags of `gog youtube playlists list`.
type PlaylistsListOptions struct {
	Channel  string
	Mine     bool
	PartsArg string
	Parts    string
	Paging   cmdutil.Paging
}

// NewCmdPlaylistsList returns `gog youtube playlists list`; runF replaces the run function in flag tests.
func NewCmdPlaylistsList(a *app.App, runF func(context.Context, *PlaylistsListOptions) error) *cobra.Command {
	opts := &PlaylistsListOptions{}
	spec := playlistParts()
	cmd := &cobra.Command{
		Use:   "list [--channel ID | --mine]",
		Short: "List a channel's playlists (default: yours, private ones included)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Channel != "" && opts.Mine {
				return errs.Usagef("give --channel or --mine, not both")
			}
			opts.Mine = opts.Channel == ""
			if err := opts.Paging.Validate(maxPerPage); err != nil {
				return err
			}
			var err error
			if opts.Parts, err = spec.resolve(opts.PartsArg); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return playlistsListRun(cmd.Context(), a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Channel, "channel", "", "the channel `ID` (UC…) whose public playlists to list")
	f.BoolVar(&opts.Mine, "mine", false, "your own playlists (the default)")
	f.StringVar(&opts.PartsArg, "parts", "", spec.doc())
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "playlists per page (default 5, at most 50)")
	return cmd
}

func playlistsListRun(ctx context.Context, a *app.App, opts *PlaylistsListOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	lists, next, err := cmdutil.Collect(&opts.Paging, func(token string) ([]*youtube.Playlist, string, error) {
		call := svc.Playlists.List([]string{opts.Parts})
		if opts.Mine {
			call = call.Mine(true)
		} else {
			call = call.ChannelId(opts.Channel)
		}
		call = cmdutil.Paged(call, opts.Paging.Max, token)
		resp, err := call.Context(ctx).Do()
		if err != nil {
			return nil, "", err
		}
		return resp.Items, resp.NextPageToken, nil
	})
	if err != nil {
		return err
	}
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "playlists", lists, next, playlistsTable(lists), "playlists")
}

// playlistsTable shows ID, TITLE, ITEMS, PRIVACY, PUBLISHED.
func playlistsTable(lists []*youtube.Playlist) *output.Table {
	t := &output.Table{Header: []string{"ID", "TITLE", "ITEMS", "PRIVACY", "PUBLISHED"}}
	for _, p := range lists {
		row := []string{p.Id, "", "", "", ""}
		if s := p.Snippet; s != nil {
			row[1], row[4] = s.Title, day(s.PublishedAt)
		}
		if c := p.ContentDetails; c != nil {
			row[2] = strconv.FormatInt(c.ItemCount, 10)
		}
		if s := p.Status; s != nil {
			row[3] = s.PrivacyStatus
		}
		t.AddRow(row...)
	}
	return t
}

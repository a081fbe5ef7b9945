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

// PlaylistItemsListOptions are the arguments and flags of `gog youtube playlist-items list`.
type PlaylistItemsListOptions struct {
	Playlist string
	PartsArg string
	Parts    string
	Paging   cmdutil.Paging
}

// NewCmdPlaylistItemsList returns `gog youtube playlist-items list`; runF replaces the run function in flag
// tests.
func NewCmdPlaylistItemsList(a *app.App, runF func(context.Context, *PlaylistItemsListOptions) error) *cobra.Command {
	opts := &PlaylistItemsListOptions{}
	spec := playlistItemParts()
	cmd := &cobra.Command{
		Use:   "list PLAYLIST",
		Short: "List the videos in a playlist, in playlist order",
		Long: `List the videos in a playlist, in playlist order. PLAYLIST is a playlist id (PL…); a channel's uploads
are the playlist named in its contentDetails.relatedPlaylists.uploads (UU…, see gog youtube channels list).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Playlist = args[0]; opts.Playlist == "" {
				return errs.Usagef("PLAYLIST must not be empty")
			}
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
			return playlistItemsListRun(cmd.Context(), a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.PartsArg, "parts", "", spec.doc())
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "items per page (default 5, at most 50)")
	return cmd
}

func playlistItemsListRun(ctx context.Context, a *app.App, opts *PlaylistItemsListOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	items, next, err := cmdutil.Collect(&opts.Paging, func(token string) ([]*youtube.PlaylistItem, string, error) {
		call := svc.PlaylistItems.List([]string{opts.Parts}).PlaylistId(opts.Playlist)
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
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "playlistItems", items, next, playlistItemsTable(items), "playlist items")
}

// playlistItemsTable shows POSITION, VIDEO, TITLE, CHANNEL (the video's), PUBLISHED (the video's).
func playlistItemsTable(items []*youtube.PlaylistItem) *output.Table {
	t := &output.Table{Header: []string{"POSITION", "VIDEO", "TITLE", "CHANNEL", "PUBLISHED"}}
	for _, it := range items {
		row := []string{"", "", "", "", ""}
		if s := it.Snippet; s != nil {
			row[0], row[2], row[3] = strconv.FormatInt(s.Position, 10), oneLine(s.Title, 60), s.VideoOwnerChannelTitle
			if s.ResourceId != nil {
				row[1] = s.ResourceId.VideoId
			}
		}
		if c := it.ContentDetails; c != nil {
			row[1], row[4] = c.VideoId, day(c.VideoPublishedAt)
		}
		t.AddRow(row...)
	}
	return t
}

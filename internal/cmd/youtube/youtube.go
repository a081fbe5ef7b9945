// Package youtube implements `gog youtube` (alias `yt`): videos (by id, the mostPopular chart, your ratings),
// channels, playlists and their items, search and comment threads — the read side of the YouTube Data API v3.
//
// Each verb is one file with an options struct, NewCmdX(app, runF) (runF lets flag tests capture the parsed
// options) and an xRun function that talks to Google through app.Google and prints through app.Printer.
// YouTube returns only the resource parts a request names, so every list command has a --parts flag with a
// useful default and "all" (every part a non-owner may read; parts.go). Lists and parts travel as one
// comma-separated value (part=a,b), the form YouTube documents, rather than the Go client's repeated parameters,
// so what gog sends reads the same in --debug, in the sandbox's request log and in YouTube's docs.
package youtube

import (
	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
)

// New returns the `youtube` command group.
func New(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:         "youtube",
		Aliases:     []string{"yt"},
		Short:       "YouTube: videos, channels, playlists, search, comments",
		Annotations: map[string]string{app.ServiceAnnotation: "youtube"},
	}
	cmd.AddCommand(
		group("videos", "Videos: by id, the most popular chart, or the ones you rated", NewCmdVideosList(a, nil)),
		group("channels", "Channels: yours, by id or by @handle", NewCmdChannelsList(a, nil)),
		group("playlists", "Playlists of a channel (default: yours)", NewCmdPlaylistsList(a, nil)),
		group("playlist-items", "The videos in a playlist", NewCmdPlaylistItemsList(a, nil)),
		NewCmdSearch(a, nil),
		group("comments", "Comment threads on a video (needs the youtube.force-ssl scope)", NewCmdCommentsList(a, nil)),
	)
	return cmd
}

// group is a noun command holding its verbs (`videos list`).
func group(use, short string, verbs ...*cobra.Command) *cobra.Command {
	cmd := &cobra.Command{Use: use, Short: short}
	cmd.AddCommand(verbs...)
	return cmd
}

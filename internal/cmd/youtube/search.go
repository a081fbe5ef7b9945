package youtube

import (
	"context"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdutil"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

// searchOrders are search.list's orders.
func searchOrders() []string {
	return []string{"relevance", "date", "rating", "title", "videoCount", "viewCount"}
}

// SearchOptions are the arguments and flags of `gog youtube search`.
type SearchOptions struct {
	Query   string
	Types   []string
	Channel string
	Order   string
	Paging  cmdutil.Paging
}

// NewCmdSearch returns `gog youtube search`; runF replaces the run function in flag tests.
func NewCmdSearch(a *app.App, runF func(context.Context, *SearchOptions) error) *cobra.Command {
	opts := &SearchOptions{}
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search YouTube for videos, channels and playlists",
		Long: `Search YouTube. Results are search results, not full resources: each names its kind and id
(id.videoId, id.channelId or id.playlistId) with a snippet; fetch details with videos list --id, channels list
--id or playlist-items list. An empty QUERY ("") with --channel lists that channel's content.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = args[0]
			for _, t := range opts.Types {
				if t != "video" && t != "channel" && t != "playlist" {
					return errs.Usagef("--type must be video, channel or playlist, not %q", t)
				}
			}
			if opts.Order != "" && !slices.Contains(searchOrders(), opts.Order) {
				return errs.Usagef("--order must be one of %s, not %q", strings.Join(searchOrders(), ", "), opts.Order)
			}
			if err := opts.Paging.Validate(maxPerPage); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return searchRun(cmd.Context(), a, opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.Types, "type", nil, "only these `KINDS`: video, channel, playlist (comma-separated)")
	f.StringVar(&opts.Channel, "channel", "", "only results from this channel `ID`")
	f.StringVar(&opts.Order, "order", "", "`ORDER`: "+strings.Join(searchOrders(), ", ")+" (default relevance)")
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "results per page (default 5, at most 50)")
	return cmd
}

func searchRun(ctx context.Context, a *app.App, opts *SearchOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	results, next, err := cmdutil.Collect(&opts.Paging, func(token string) ([]*youtube.SearchResult, string, error) {
		call := svc.Search.List([]string{"snippet"}).Q(opts.Query)
		if len(opts.Types) > 0 {
			call = call.Type(strings.Join(opts.Types, ","))
		}
		if opts.Channel != "" {
			call = call.ChannelId(opts.Channel)
		}
		if opts.Order != "" {
			call = call.Order(opts.Order)
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
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "results", results, next, searchTable(results), "results")
}

// searchTable shows KIND, ID, TITLE, CHANNEL, PUBLISHED.
func searchTable(results []*youtube.SearchResult) *output.Table {
	t := &output.Table{Header: []string{"KIND", "ID", "TITLE", "CHANNEL", "PUBLISHED"}}
	for _, r := range results {
		row := []string{"", "", "", "", ""}
		if id := r.Id; id != nil {
			row[0] = strings.TrimPrefix(id.Kind, "youtube#")
			row[1] = firstNonEmpty(id.VideoId, id.ChannelId, id.PlaylistId)
		}
		if s := r.Snippet; s != nil {
			row[2], row[3], row[4] = oneLine(s.Title, 60), s.ChannelTitle, day(s.PublishedAt)
		}
		t.AddRow(row...)
	}
	return t
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

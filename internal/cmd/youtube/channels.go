package youtube

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdutil"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

// ChannelsListOptions are the flags of `gog youtube channels list`.
type ChannelsListOptions struct {
	IDs      []string
	Mine     bool
	Handle   string
	PartsArg string
	Parts    string
	Paging   cmdutil.Paging
}

// NewCmdChannelsList returns `gog youtube channels list`; runF replaces the run function in flag tests.
func NewCmdChannelsList(a *app.App, runF func(context.Context, *ChannelsListOptions) error) *cobra.Command {
	opts := &ChannelsListOptions{}
	spec := channelParts()
	cmd := &cobra.Command{
		Use:   "list (--id ID,... | --mine | --handle @NAME)",
		Short: "List channels: yours, by id, or by @handle",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n := 0
			for _, set := range []bool{len(opts.IDs) > 0, opts.Mine, opts.Handle != ""} {
				if set {
					n++
				}
			}
			if n != 1 {
				return errs.Usagef("give exactly one of --id, --mine or --handle").
					WithHint("e.g. gog youtube channels list --handle @GoogleDevelopers")
			}
			if opts.Handle != "" && strings.TrimPrefix(opts.Handle, "@") == "" {
				return errs.Usagef("--handle needs a name, e.g. @GoogleDevelopers")
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
			return channelsListRun(cmd.Context(), a, opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.IDs, "id", nil, "channel `IDS` (UC…, comma-separated or repeated)")
	f.BoolVar(&opts.Mine, "mine", false, "the signed-in account's channel")
	f.StringVar(&opts.Handle, "handle", "", "a channel's `@HANDLE` (the @ is optional)")
	f.StringVar(&opts.PartsArg, "parts", "", spec.doc())
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "channels per page (default 5, at most 50)")
	return cmd
}

func channelsListRun(ctx context.Context, a *app.App, opts *ChannelsListOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	channels, next, err := cmdutil.Collect(&opts.Paging, func(token string) ([]*youtube.Channel, string, error) {
		call := svc.Channels.List([]string{opts.Parts})
		switch {
		case len(opts.IDs) > 0:
			call = call.Id(strings.Join(opts.IDs, ","))
		case opts.Mine:
			call = call.Mine(true)
		default:
			call = call.ForHandle(opts.Handle)
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
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "channels", channels, next, channelsTable(channels), "channels")
}

// channelsTable shows ID, TITLE, HANDLE, SUBSCRIBERS, VIDEOS, VIEWS.
func channelsTable(channels []*youtube.Channel) *output.Table {
	t := &output.Table{Header: []string{"ID", "TITLE", "HANDLE", "SUBSCRIBERS", "VIDEOS", "VIEWS"}}
	for _, c := range channels {
		row := []string{c.Id, "", "", "", "", ""}
		if s := c.Snippet; s != nil {
			row[1], row[2] = s.Title, s.CustomUrl
		}
		if s := c.Statistics; s != nil {
			if !s.HiddenSubscriberCount {
				row[3] = count(s.SubscriberCount)
			}
			row[4], row[5] = count(s.VideoCount), count(s.ViewCount)
		}
		t.AddRow(row...)
	}
	return t
}

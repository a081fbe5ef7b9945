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

// maxPerPage is the cap on maxResults of YouTube's list methods (commentThreads: 100).
const maxPerPage = 50

// VideosListOptions are the flags of `gog youtube videos list`.
type VideosListOptions struct {
	IDs      []string
	Chart    string
	Region   string
	Category string
	MyRating string
	PartsArg string // --parts as given
	Parts    string // the part parameter to send
	Paging   cmdutil.Paging
}

// NewCmdVideosList returns `gog youtube videos list`; runF replaces the run function in flag tests.
func NewCmdVideosList(a *app.App, runF func(context.Context, *VideosListOptions) error) *cobra.Command {
	opts := &VideosListOptions{}
	spec := videoParts()
	cmd := &cobra.Command{
		Use:   "list (--id ID,... | --chart mostPopular [--region CC] | --my-rating like|dislike)",
		Short: "List videos by id, from the most popular chart, or the ones you liked or disliked",
		Long: `List videos. Give exactly one of:
  --id ID,...            the videos named (unknown and private ones are left out)
  --chart mostPopular    the most popular videos of --region (default US), optionally of one --category
  --my-rating like       the videos you liked (or dislike)

Without --parts the snippet, contentDetails and statistics parts are fetched. --parts all fetches every part
anyone may read; the owner-only parts fileDetails, processingDetails and suggestions must be named, and work
only for your own videos.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.validate(spec); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return videosListRun(cmd.Context(), a, opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.IDs, "id", nil, "video `IDS` (comma-separated or repeated)")
	f.StringVar(&opts.Chart, "chart", "", "a chart: `mostPopular`")
	f.StringVar(&opts.Region, "region", "", "the chart's region, an ISO 3166-1 `CODE` such as US or DE (default US)")
	f.StringVar(&opts.Category, "category", "", "only the chart's videos in this video category `ID` (e.g. 10 = Music)")
	f.StringVar(&opts.MyRating, "my-rating", "", "the videos you rated: `like` or dislike")
	f.StringVar(&opts.PartsArg, "parts", "", spec.doc())
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "videos per page (default 5, at most 50); not used with --id")
	return cmd
}

func (o *VideosListOptions) validate(spec partsSpec) error {
	filters := 0
	for _, set := range []bool{len(o.IDs) > 0, o.Chart != "", o.MyRating != ""} {
		if set {
			filters++
		}
	}
	if filters != 1 {
		return errs.Usagef("give exactly one of --id, --chart or --my-rating").
			WithHint("e.g. gog youtube videos list --chart mostPopular --region DE")
	}
	if o.Chart != "" && o.Chart != "mostPopular" {
		return errs.Usagef("unknown chart %q", o.Chart).WithHint("the only chart is mostPopular: --chart mostPopular")
	}
	if (o.Region != "" || o.Category != "") && o.Chart == "" {
		return errs.Usagef("--region and --category select a chart's videos; they need --chart mostPopular")
	}
	if o.MyRating != "" && o.MyRating != "like" && o.MyRating != "dislike" {
		return errs.Usagef("--my-rating must be like or dislike, not %q", o.MyRating)
	}
	if len(o.IDs) > 0 && (o.Paging.Page != "" || o.Paging.AllPages) {
		return errs.Usagef("--page and --all-pages page through a chart or your ratings, not a list of ids")
	}
	if len(o.IDs) > maxPerPage {
		return errs.Usagef("at most %d video ids at a time (got %d)", maxPerPage, len(o.IDs))
	}
	if err := o.Paging.Validate(maxPerPage); err != nil {
		return err
	}
	var err error
	o.Parts, err = spec.resolve(o.PartsArg)
	return err
}

func videosListRun(ctx context.Context, a *app.App, opts *VideosListOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	videos, next, err := cmdutil.Collect(&opts.Paging, func(token string) ([]*youtube.Video, string, error) {
		call := svc.Videos.List([]string{opts.Parts})
		switch {
		case len(opts.IDs) > 0:
			call = call.Id(strings.Join(opts.IDs, ","))
		case opts.Chart != "":
			call = call.Chart(opts.Chart)
			if opts.Region != "" {
				call = call.RegionCode(opts.Region)
			}
			if opts.Category != "" {
				call = call.VideoCategoryId(opts.Category)
			}
		default:
			call = call.MyRating(opts.MyRating)
		}
		if opts.Paging.Max > 0 && len(opts.IDs) == 0 {
			call = call.MaxResults(opts.Paging.Max)
		}
		if token != "" {
			call = call.PageToken(token)
		}
		resp, err := call.Context(ctx).Do()
		if err != nil {
			return nil, "", err
		}
		return resp.Items, resp.NextPageToken, nil
	})
	if err != nil {
		return err
	}
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "videos", videos, next, videosTable(videos), "videos")
}

// service returns the YouTube client of this run's account.
func service(ctx context.Context, a *app.App) (*youtube.Service, error) {
	g, err := a.Google(ctx)
	if err != nil {
		return nil, err
	}
	return g.YouTube(ctx)
}

// videosTable shows ID, TITLE, CHANNEL, PUBLISHED, DURATION, VIEWS; cells of parts not fetched stay empty.
func videosTable(videos []*youtube.Video) *output.Table {
	t := &output.Table{Header: []string{"ID", "TITLE", "CHANNEL", "PUBLISHED", "DURATION", "VIEWS"}}
	for _, v := range videos {
		row := []string{v.Id, "", "", "", "", ""}
		if s := v.Snippet; s != nil {
			row[1], row[2], row[3] = oneLine(s.Title, 60), s.ChannelTitle, day(s.PublishedAt)
		}
		if c := v.ContentDetails; c != nil {
			row[4] = duration(c.Duration)
		}
		if s := v.Statistics; s != nil {
			row[5] = count(s.ViewCount)
		}
		t.AddRow(row...)
	}
	return t
}

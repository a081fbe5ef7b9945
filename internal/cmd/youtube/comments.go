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

// maxThreadsPerPage is commentThreads.list's cap on maxResults.
const maxThreadsPerPage = 100

// CommentsListOptions are the arguments and flags of `gog youtube comments list`.
type CommentsListOptions struct {
	Video    string
	Order    string
	PartsArg string
	Parts    string
	Paging   cmdutil.Paging
}

// NewCmdCommentsList returns `gog youtube comments list`; runF replaces the run function in flag tests.
func NewCmdCommentsList(a *app.App, runF func(context.Context, *CommentsListOptions) error) *cobra.Command {
	opts := &CommentsListOptions{}
	spec := threadParts()
	cmd := &cobra.Command{
		Use:   "list VIDEO",
		Short: "List the comment threads on a video",
		Long: `List the comment threads on a video (its top-level comments; --parts snippet,replies adds replies).

YouTube serves comments only to grants with the youtube.force-ssl scope, which gog's youtube service does not
ask for by default. Add it once with:
  gog auth add EMAIL --services youtube --extra-scopes https://www.googleapis.com/auth/youtube.force-ssl --force-consent`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Video = args[0]; opts.Video == "" {
				return errs.Usagef("VIDEO must not be empty")
			}
			if opts.Order != "" && opts.Order != "time" && opts.Order != "relevance" {
				return errs.Usagef("--order must be time or relevance, not %q", opts.Order)
			}
			if err := opts.Paging.Validate(maxThreadsPerPage); err != nil {
				return err
			}
			var err error
			if opts.Parts, err = spec.resolve(opts.PartsArg); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return commentsListRun(cmd.Context(), a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Order, "order", "", "`ORDER`: time (newest first, the default) or relevance")
	f.StringVar(&opts.PartsArg, "parts", "", spec.doc())
	cmdutil.AddPagingFlags(cmd, &opts.Paging, "threads per page (default 20, at most 100)")
	return cmd
}

func commentsListRun(ctx context.Context, a *app.App, opts *CommentsListOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	threads, next, err := cmdutil.Collect(&opts.Paging, func(token string) ([]*youtube.CommentThread, string, error) {
		call := svc.CommentThreads.List([]string{opts.Parts}).VideoId(opts.Video)
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
	return cmdutil.PrintList(a.Printer(), &opts.Paging, "commentThreads", threads, next, threadsTable(threads), "comment threads")
}

// threadsTable shows AUTHOR, PUBLISHED, LIKES, REPLIES, TEXT, ID.
func threadsTable(threads []*youtube.CommentThread) *output.Table {
	t := &output.Table{Header: []string{"AUTHOR", "PUBLISHED", "LIKES", "REPLIES", "TEXT", "ID"}}
	for _, th := range threads {
		row := []string{"", "", "", "", "", th.Id}
		if s := th.Snippet; s != nil {
			row[3] = strconv.FormatInt(s.TotalReplyCount, 10)
			if c := s.TopLevelComment; c != nil && c.Snippet != nil {
				row[0], row[1] = c.Snippet.AuthorDisplayName, day(c.Snippet.PublishedAt)
				row[2], row[4] = strconv.FormatInt(c.Snippet.LikeCount, 10), oneLine(c.Snippet.TextOriginal, 80)
			}
		}
		t.AddRow(row...)
	}
	return t
}

package youtube

import (
	"context"
	"slices"
	"testing"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

// parse runs a command's flag parsing only; the command's runF captures the options.
func parse(t *testing.T, build func(*app.App) *cobra.Command, args ...string) error {
	t.Helper()
	ios, _, _, _ := output.Test()
	cmd := build(app.New(ios, func(string) string { return "" }))
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	return cmd.Execute()
}

func parseVideos(t *testing.T, args ...string) (*VideosListOptions, error) {
	t.Helper()
	var got *VideosListOptions
	err := parse(t, func(a *app.App) *cobra.Command {
		return NewCmdVideosList(a, func(_ context.Context, o *VideosListOptions) error { got = o; return nil })
	}, args...)
	return got, err
}

func wantUsage(t *testing.T, err error, args []string) {
	t.Helper()
	if errs.ClassOf(err) != errs.Usage {
		t.Errorf("%v: want a usage error, got %v", args, err)
	}
}

func TestVideosListFlagsBecomeOptions(t *testing.T) {
	t.Parallel()
	o, err := parseVideos(t, "--id", "a,b", "--id", "c")
	if err != nil || !slices.Equal(o.IDs, []string{"a", "b", "c"}) || o.Parts != "snippet,contentDetails,statistics" {
		t.Fatalf("options %+v, err %v", o, err)
	}
	o, err = parseVideos(t, "--chart", "mostPopular", "--region", "DE", "--category", "10", "--max", "50", "--page", "tok",
		"--parts", "snippet, statistics,snippet")
	if err != nil || o.Chart != "mostPopular" || o.Region != "DE" || o.Category != "10" || o.Paging.Max != 50 ||
		o.Paging.Page != "tok" || o.Parts != "snippet,statistics" {
		t.Fatalf("options %+v, err %v", o, err)
	}
	o, err = parseVideos(t, "--my-rating", "dislike", "--parts", "fileDetails")
	if err != nil || o.MyRating != "dislike" || o.Parts != "fileDetails" {
		t.Fatalf("owner-only parts may be named: %+v, %v", o, err)
	}
}

func TestVideosListPartsAllIsEveryPartANonOwnerMayRead(t *testing.T) {
	t.Parallel()
	o, err := parseVideos(t, "--chart", "mostPopular", "--parts", "all")
	want := "contentDetails,id,liveStreamingDetails,localizations,paidProductPlacementDetails,player,recordingDetails," +
		"snippet,statistics,status,topicDetails"
	if err != nil || o.Parts != want {
		t.Fatalf("--parts all = %q (%v), want %q", o.Parts, err, want)
	}
}

func TestVideosListRefusesContradictoryOrUnknownFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{},
		{"--id", "a", "--chart", "mostPopular"},
		{"--chart", "mostPopular", "--my-rating", "like"},
		{"--chart", "trending"},
		{"--id", "a", "--region", "DE"},
		{"--my-rating", "love"},
		{"--chart", "mostPopular", "--parts", "all,snippet"},
		{"--chart", "mostPopular", "--parts", "snippet,bogus"},
		{"--chart", "mostPopular", "--max", "51"},
		{"--id", "a", "--all-pages"},
		{"--chart", "mostPopular", "--page", "t", "--all-pages"},
	} {
		_, err := parseVideos(t, args...)
		wantUsage(t, err, args)
	}
}

func TestChannelsListNeedsExactlyOneSelector(t *testing.T) {
	t.Parallel()
	var got *ChannelsListOptions
	build := func(a *app.App) *cobra.Command {
		return NewCmdChannelsList(a, func(_ context.Context, o *ChannelsListOptions) error { got = o; return nil })
	}
	if err := parse(t, build, "--handle", "@lovelacelabs", "--parts", "all"); err != nil || got.Handle != "@lovelacelabs" ||
		got.Parts != "brandingSettings,contentDetails,id,localizations,snippet,statistics,status,topicDetails" {
		t.Fatalf("%+v %v", got, err)
	}
	for _, args := range [][]string{{}, {"--mine", "--handle", "@x"}, {"--id", "UC1", "--mine"}, {"--handle", "@"}, {"--mine", "--parts", "nope"}} {
		wantUsage(t, parse(t, build, args...), args)
	}
}

func TestPlaylistsListDefaultsToMine(t *testing.T) {
	t.Parallel()
	var got *PlaylistsListOptions
	build := func(a *app.App) *cobra.Command {
		return NewCmdPlaylistsList(a, func(_ context.Context, o *PlaylistsListOptions) error { got = o; return nil })
	}
	if err := parse(t, build); err != nil || !got.Mine || got.Parts != "snippet,contentDetails,status" {
		t.Fatalf("%+v %v", got, err)
	}
	if err := parse(t, build, "--channel", "UC1"); err != nil || got.Mine || got.Channel != "UC1" {
		t.Fatalf("%+v %v", got, err)
	}
	wantUsage(t, parse(t, build, "--channel", "UC1", "--mine"), nil)
}

func TestPlaylistItemsSearchAndCommentsValidateTheirArgument(t *testing.T) {
	t.Parallel()
	items := func(a *app.App) *cobra.Command {
		return NewCmdPlaylistItemsList(a, func(context.Context, *PlaylistItemsListOptions) error { return nil })
	}
	search := func(a *app.App) *cobra.Command {
		return NewCmdSearch(a, func(context.Context, *SearchOptions) error { return nil })
	}
	var comments *CommentsListOptions
	threads := func(a *app.App) *cobra.Command {
		return NewCmdCommentsList(a, func(_ context.Context, o *CommentsListOptions) error { comments = o; return nil })
	}
	// A wrong argument count is refused by cobra here; the root command turns it into a usage error (exit 2).
	for _, c := range []struct {
		build func(*app.App) *cobra.Command
		args  []string
	}{{items, nil}, {items, []string{"PL1", "PL2"}}, {search, nil}, {threads, nil}} {
		if parse(t, c.build, c.args...) == nil {
			t.Errorf("%v: accepted", c.args)
		}
	}
	for _, c := range []struct {
		build func(*app.App) *cobra.Command
		args  []string
	}{
		{items, []string{""}}, {search, []string{"q", "--type", "short"}}, {search, []string{"q", "--order", "loudest"}},
		{threads, []string{"v", "--max", "101"}}, {threads, []string{"v", "--order", "new"}},
	} {
		wantUsage(t, parse(t, c.build, c.args...), c.args)
	}
	if err := parse(t, search, "q", "--type", "video,channel", "--order", "viewCount"); err != nil {
		t.Fatal(err)
	}
	if err := parse(t, threads, "vid", "--max", "100", "--parts", "all"); err != nil || comments.Video != "vid" ||
		comments.Parts != "id,replies,snippet" {
		t.Fatalf("%+v %v", comments, err)
	}
}

func TestDurationsAreShownAsClocks(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"PT3M40S": "3:40", "PT1H1M": "1:01:00", "PT58S": "0:58", "P1DT2H": "26:00:00", "": ""} {
		if got := duration(in); got != want {
			t.Errorf("duration(%q) = %q, want %q", in, got, want)
		}
	}
}

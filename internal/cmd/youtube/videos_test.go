package youtube_test

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
	"github.com/gogcli/gog/internal/sandbox"
)

type videoList struct {
	Videos        []*youtube.Video `json:"videos"`
	NextPageToken string           `json:"nextPageToken"`
}

// query returns the query of the only request made to path, failing the test unless there was exactly one.
func query(t *testing.T, env *cmdtest.Env, path string) url.Values {
	t.Helper()
	var found []url.Values
	for _, r := range env.Requests() {
		if r.Path == path {
			q, _ := url.ParseQuery(r.Query)
			found = append(found, q)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one request to %s, got %v", path, env.Paths())
	}
	return found[0]
}

func TestVideosListChartPrintsDemoVideosWithTheDefaultParts(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var got videoList
	env.JSON(&got, "youtube", "videos", "list", "--chart", "mostPopular")
	if len(got.Videos) != 5 || got.Videos[0].Snippet == nil || got.Videos[0].Statistics == nil || got.Videos[0].Status != nil ||
		got.NextPageToken == "" {
		t.Fatalf("chart page: %+v", got)
	}
	q := query(t, env, "/youtube/v3/videos")
	if q.Get("part") != "snippet,contentDetails,statistics" || q.Get("chart") != "mostPopular" || q.Has("regionCode") || len(q["part"]) != 1 {
		t.Errorf("videos.list query: %v", q)
	}
	env.SB.ClearRequests()
	r := env.Must("yt", "videos", "list", "--chart", "mostPopular", "--region", "JP", "--max", "2")
	lines := strings.Split(strings.TrimSpace(r.Stdout), "\n")
	if lines[0] != "ID\tTITLE\tCHANNEL\tPUBLISHED\tDURATION\tVIEWS" || len(lines) != 3 || !strings.Contains(r.Stderr, "--page ") {
		t.Fatalf("plain output:\n%s\nstderr: %s", r.Stdout, r.Stderr)
	}
	if q := query(t, env, "/youtube/v3/videos"); q.Get("regionCode") != "JP" || q.Get("maxResults") != "2" {
		t.Errorf("query: %v", q)
	}
}

func TestVideosListPartsAllSendsExactlyTheNonOwnerParts(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var got videoList
	env.JSON(&got, "yt", "videos", "list", "--chart", "mostPopular", "--parts", "all")
	want := "contentDetails,id,liveStreamingDetails,localizations,paidProductPlacementDetails,player,recordingDetails," +
		"snippet,statistics,status,topicDetails"
	if q := query(t, env, "/youtube/v3/videos"); !slices.Equal(q["part"], []string{want}) {
		t.Fatalf("part = %q, want %q", q["part"], want)
	}
	if v := got.Videos[0]; v.Player == nil || v.TopicDetails == nil || v.Status == nil || v.FileDetails != nil {
		t.Errorf("parts all: %+v", v)
	}
}

func TestVideosListByIDAndByRatingAllPagesAndEmptyResults(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var likes videoList
	env.JSON(&likes, "yt", "videos", "list", "--my-rating", "like", "--max", "3", "--all-pages")
	if len(likes.Videos) != 4 || likes.NextPageToken != "" {
		t.Fatalf("--all-pages of likes: %d videos, next %q", len(likes.Videos), likes.NextPageToken)
	}
	if n := len(env.Requests()); n != 2 {
		t.Errorf("4 likes in pages of 3 are 2 requests, got %v", env.Paths())
	}
	env.SB.ClearRequests()
	var byID videoList
	env.JSON(&byID, "yt", "videos", "list", "--id", likes.Videos[2].Id+","+likes.Videos[0].Id, "--max", "1")
	if len(byID.Videos) != 2 || byID.Videos[0].Id != likes.Videos[2].Id {
		t.Fatalf("--id keeps the order given: %+v", byID.Videos)
	}
	if q := query(t, env, "/youtube/v3/videos"); q.Get("id") != likes.Videos[2].Id+","+likes.Videos[0].Id || q.Has("maxResults") {
		t.Errorf("id query: %v", q)
	}
	r := env.Run("--json", "yt", "videos", "list", "--chart", "mostPopular", "--region", "AQ")
	if r.Code != 0 || !strings.Contains(r.Stdout, `"videos": []`) {
		t.Fatalf("empty chart: exit %d %s", r.Code, r.Stdout)
	}
	if r := env.Run("yt", "videos", "list", "--id", "nope", "--fail-empty"); r.Code != 3 {
		t.Fatalf("--fail-empty: exit %d", r.Code)
	}
}

func TestVideosListUsageErrorsExitTwoAndSendNothing(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	for _, args := range [][]string{
		{"yt", "videos", "list"},
		{"yt", "videos", "list", "--chart", "mostPopular", "--parts", "all,snippet"},
		{"yt", "videos", "list", "--id", "x", "--my-rating", "like"},
		{"yt", "search"},
	} {
		if r := env.Run(args...); r.Code != 2 || !strings.Contains(r.Stderr, "Hint:") {
			t.Errorf("%v: exit %d, stderr %s", args, r.Code, r.Stderr)
		}
	}
	if n := len(env.Requests()); n != 0 {
		t.Fatalf("usage errors sent %v", env.Paths())
	}
}

func TestOwnerOnlyPartsWorkOnYourVideosAndArePermissionDeniedOnOthers(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Run("--json", "yt", "videos", "list", "--chart", "mostPopular", "--parts", "snippet,fileDetails")
	if r.Code != 6 {
		t.Fatalf("exit %d, want 6: %s", r.Code, r.Stderr)
	}
	if obj := r.ErrorObject(t); obj["status"] != float64(403) || obj["reason"] != "forbidden" || obj["hint"] == "" {
		t.Errorf("error object: %v", obj)
	}
	var items struct {
		Items []*youtube.PlaylistItem `json:"playlistItems"`
	}
	env.JSON(&items, "yt", "playlist-items", "list", uploadsOf(t, env))
	var own videoList
	env.JSON(&own, "yt", "videos", "list", "--id", items.Items[0].ContentDetails.VideoId, "--parts", "fileDetails,processingDetails")
	if len(own.Videos) != 1 || own.Videos[0].FileDetails == nil || own.Videos[0].ProcessingDetails == nil {
		t.Fatalf("own video: %+v", own.Videos)
	}
}

func TestAScope403OnVideosListIsRecoveredByTheTransport(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	env.SB.AddFault(sandbox.Fault{Method: "GET", PathPrefix: "/youtube/v3/videos", Preset: "insufficient_scope", Times: 1})
	env.Must("yt", "videos", "list", "--chart", "mostPopular")
	var log []string
	for _, r := range env.Requests() {
		log = append(log, r.Method+" "+r.Path+" "+strconv.Itoa(r.Status))
	}
	want := []string{"GET /youtube/v3/videos 403", "POST /token 200", "GET /youtube/v3/videos 200"}
	if !slices.Equal(log, want) {
		t.Fatalf("request log %q, want %q", log, want)
	}
}

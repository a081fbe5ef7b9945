package youtube_test

import (
	"strings"
	"testing"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
)

// uploadsOf returns the signed-in account's uploads playlist id, read with channels list --mine.
func uploadsOf(t *testing.T, env *cmdtest.Env) string {
	t.Helper()
	var got struct {
		Channels []*youtube.Channel `json:"channels"`
	}
	env.JSON(&got, "yt", "channels", "list", "--mine")
	if len(got.Channels) != 1 || got.Channels[0].ContentDetails == nil {
		t.Fatalf("channels --mine: %+v", got)
	}
	return got.Channels[0].ContentDetails.RelatedPlaylists.Uploads
}

func TestChannelsListMineAndByHandle(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Must("yt", "channels", "list", "--mine")
	if lines := strings.Split(strings.TrimSpace(r.Stdout), "\n"); len(lines) != 2 || lines[0] != "ID\tTITLE\tHANDLE\tSUBSCRIBERS\tVIDEOS\tVIEWS" ||
		!strings.Contains(lines[1], "\t@you\t") {
		t.Fatalf("channels --mine:\n%s", r.Stdout)
	}
	if q := query(t, env, "/youtube/v3/channels"); q.Get("mine") != "true" || q.Get("part") != "snippet,contentDetails,statistics" {
		t.Errorf("query %v", q)
	}
	env.SB.ClearRequests()
	var got struct {
		Channels []*youtube.Channel `json:"channels"`
	}
	env.JSON(&got, "yt", "channels", "list", "--handle", "@LovelaceLabs")
	if len(got.Channels) != 1 || got.Channels[0].Snippet.Title != "Lovelace Labs" {
		t.Fatalf("--handle: %+v", got)
	}
	if q := query(t, env, "/youtube/v3/channels"); q.Get("forHandle") != "@LovelaceLabs" {
		t.Errorf("query %v", q)
	}
	if r := env.Run("--json", "yt", "channels", "list", "--handle", "@nobody"); r.Code != 0 || !strings.Contains(r.Stdout, `"channels": []`) {
		t.Fatalf("no such handle: exit %d %s", r.Code, r.Stdout)
	}
}

func TestPlaylistsListDefaultsToYoursAndItemsListTheirVideos(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Must("yt", "playlists", "list")
	if !strings.Contains(r.Stdout, "gog tutorials") || !strings.Contains(r.Stdout, "private") {
		t.Fatalf("playlists:\n%s", r.Stdout)
	}
	if q := query(t, env, "/youtube/v3/playlists"); q.Get("mine") != "true" {
		t.Errorf("query %v", q)
	}
	uploads := uploadsOf(t, env)
	env.SB.ClearRequests()
	var items struct {
		Items []*youtube.PlaylistItem `json:"playlistItems"`
		Next  string                  `json:"nextPageToken"`
	}
	env.JSON(&items, "yt", "playlist-items", "list", uploads, "--max", "2")
	if len(items.Items) != 2 || items.Next == "" || items.Items[0].Snippet.Position != 0 || items.Items[1].Snippet.Position != 1 {
		t.Fatalf("items: %+v", items)
	}
	if q := query(t, env, "/youtube/v3/playlistItems"); q.Get("playlistId") != uploads || q.Get("maxResults") != "2" {
		t.Errorf("query %v", q)
	}
	r = env.Run("--json", "yt", "playlist-items", "list", "PLnope")
	if r.Code != 5 {
		t.Fatalf("unknown playlist: exit %d %s", r.Code, r.Stderr)
	}
	if obj := r.ErrorObject(t); obj["reason"] != "playlistNotFound" {
		t.Errorf("error object %v", obj)
	}
}

func TestSearchSendsTheQueryAndTypeAndPrintsResults(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Must("yt", "search", "shell pipeline", "--type", "video")
	lines := strings.Split(strings.TrimSpace(r.Stdout), "\n")
	if lines[0] != "KIND\tID\tTITLE\tCHANNEL\tPUBLISHED" || len(lines) < 2 || !strings.HasPrefix(lines[1], "video\t") ||
		!strings.Contains(lines[1], "How a shell pipeline really works") {
		t.Fatalf("search:\n%s", r.Stdout)
	}
	if q := query(t, env, "/youtube/v3/search"); q.Get("q") != "shell pipeline" || q.Get("type") != "video" || q.Get("part") != "snippet" {
		t.Errorf("query %v", q)
	}
	var got struct {
		Results []*youtube.SearchResult `json:"results"`
	}
	env.JSON(&got, "yt", "search", "", "--type", "channel", "--order", "videoCount", "--max", "50")
	if len(got.Results) < 5 || got.Results[0].Id.ChannelId == "" {
		t.Fatalf("channels by video count: %+v", got.Results)
	}
}

package youtube_test

import (
	"strings"
	"testing"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
)

const forceSSL = "https://www.googleapis.com/auth/youtube.force-ssl"

// The default sign-in (--services all) asks for youtube.readonly only; comments need youtube.force-ssl. The
// preflight refuses before anything is sent, with the exact command that fixes it; after that command,
// comments list works.
func TestCommentsListNeedsForceSSLAndSaysHowToAddIt(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	var found struct {
		Results []*youtube.SearchResult `json:"results"`
	}
	env.JSON(&found, "yt", "search", "shell pipeline", "--type", "video", "--max", "1")
	video := found.Results[0].Id.VideoId
	env.SB.ClearRequests()

	r := env.Run("--json", "yt", "comments", "list", video)
	if r.Code != 4 {
		t.Fatalf("exit %d, want 4: %s", r.Code, r.Stderr)
	}
	hint, _ := r.ErrorObject(t)["hint"].(string)
	want := "auth add " + cmdtest.Account + " --services youtube --extra-scopes " + forceSSL + " --force-consent"
	if !strings.HasPrefix(hint, "run: gog ") || !strings.HasSuffix(hint, want) {
		t.Fatalf("hint %q, want it to end in %q", hint, want)
	}
	for _, p := range env.Paths() {
		if strings.HasPrefix(p, "GET /youtube/v3/commentThreads") {
			t.Fatalf("the preflight should have refused before sending: %v", env.Paths())
		}
	}

	env.Must("auth", "add", cmdtest.Account, "--services", "youtube", "--extra-scopes", forceSSL, "--force-consent", "--no-input")
	env.SB.ClearRequests()
	var got struct {
		Threads []*youtube.CommentThread `json:"commentThreads"`
	}
	env.JSON(&got, "yt", "comments", "list", video, "--parts", "snippet,replies")
	if len(got.Threads) != 3 || got.Threads[0].Snippet.TopLevelComment == nil {
		t.Fatalf("threads: %+v", got.Threads)
	}
	if q := query(t, env, "/youtube/v3/commentThreads"); q.Get("videoId") != video || q.Get("part") != "snippet,replies" {
		t.Errorf("query %v", q)
	}
	r = env.Must("yt", "comments", "list", video, "--order", "relevance", "--max", "1")
	if lines := strings.Split(strings.TrimSpace(r.Stdout), "\n"); len(lines) != 2 || lines[0] != "AUTHOR\tPUBLISHED\tLIKES\tREPLIES\tTEXT\tID" ||
		!strings.Contains(lines[1], "\t412\t2\t") {
		t.Fatalf("table:\n%s", r.Stdout)
	}
}

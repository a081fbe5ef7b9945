package e2e

import (
	"net/url"
	"strings"
	"testing"
)

// videosPartsAll is what `videos list --parts all` must ask for: every part a non-owner may read, never the
// owner-only fileDetails, processingDetails or suggestions.
const videosPartsAll = "contentDetails,id,liveStreamingDetails,localizations,paidProductPlacementDetails,player," +
	"recordingDetails,snippet,statistics,status,topicDetails"

func TestYouTubeVideosPartsAllSendsExactlyTheNonOwnerPartsToAServedSandbox(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	s := serve(t, h)
	signInServed(t, h, s)
	control(t, "DELETE", s.URL+"/_sandbox/requests", "")
	r := h.must("--endpoint", s.URL, "--json", "yt", "videos", "list", "--chart", "mostPopular", "--parts", "all")
	if !strings.Contains(r.stdout, `"topicDetails"`) || strings.Contains(r.stdout, `"fileDetails"`) {
		t.Fatalf("videos list --parts all:\n%s", r.stdout)
	}
	log := control(t, "GET", s.URL+"/_sandbox/requests", "")
	var parts [][]string
	for _, e := range log["requests"].([]any) {
		req := e.(map[string]any)
		if req["path"] == "/youtube/v3/videos" {
			q, err := url.ParseQuery(req["query"].(string))
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, q["part"])
		}
	}
	if len(parts) != 1 || len(parts[0]) != 1 || parts[0][0] != videosPartsAll {
		t.Fatalf("part parameters sent: %q, want exactly [%q]", parts, videosPartsAll)
	}
}

func TestFreshHomeSandboxYouTubeMostPopularPrintsDemoVideos(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	delete(h.env, "GOG_KEYRING_BACKEND")
	delete(h.env, "GOG_KEYRING_PASSWORD")
	r := h.must("--sandbox", "yt", "videos", "list", "--chart", "mostPopular")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if lines[0] != "ID\tTITLE\tCHANNEL\tPUBLISHED\tDURATION\tVIEWS" || len(lines) != 6 ||
		!strings.Contains(r.stdout, "Debugging Blues (Official Video)") {
		t.Fatalf("gog --sandbox yt videos list --chart mostPopular:\n%s\nstderr: %s", r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "--page ") {
		t.Errorf("the next page token should be a hint on stderr: %q", r.stderr)
	}
}

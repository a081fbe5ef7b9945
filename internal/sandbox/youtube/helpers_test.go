package youtube_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"testing"

	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"
	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

const (
	scopeRO  = "https://www.googleapis.com/auth/youtube.readonly"
	scopeSSL = "https://www.googleapis.com/auth/youtube.force-ssl"
)

// newService starts a sandbox and returns a YouTube client for its seeded account with youtube.readonly.
func newService(t *testing.T) (*sandboxtest.Sandbox, *youtube.Service) {
	t.Helper()
	sb := sandboxtest.New(t)
	return sb, serviceFor(t, sb, sandboxtest.Account, scopeRO)
}

func serviceFor(t *testing.T, sb *sandboxtest.Sandbox, email string, scopes ...string) *youtube.Service {
	t.Helper()
	tok := sb.MintToken(email, scopes...)
	svc, err := youtube.NewService(context.Background(), option.WithEndpoint(sb.URL+"/"),
		option.WithHTTPClient(sb.BearerClient(tok.AccessToken)))
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// googleErr asserts err is Google's error with the given code and errors[0].reason.
func googleErr(t *testing.T, err error, code int, reason string) *googleapi.Error {
	t.Helper()
	var ge *googleapi.Error
	if !errors.As(err, &ge) {
		t.Fatalf("want a %d %s, got %v", code, reason, err)
	}
	if ge.Code != code || len(ge.Errors) == 0 || ge.Errors[0].Reason != reason {
		t.Fatalf("want a %d %s, got %d %+v (%s)", code, reason, ge.Code, ge.Errors, ge.Message)
	}
	return ge
}

// rawGet sends a GET with the token and decodes the JSON answer, for what the typed client hides (absent
// fields, exact keys).
func rawGet(t *testing.T, sb *sandboxtest.Sandbox, token, pathQuery string) (int, map[string]any) {
	t.Helper()
	resp, err := sb.BearerClient(token).Get(sb.URL + pathQuery)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s: not JSON: %s", pathQuery, raw)
	}
	return resp.StatusCode, out
}

// popular returns the mostPopular chart of a region (every page).
func popular(t *testing.T, svc *youtube.Service, region string) []*youtube.Video {
	t.Helper()
	var all []*youtube.Video
	err := svc.Videos.List([]string{"snippet", "statistics"}).Chart("mostPopular").RegionCode(region).MaxResults(50).
		Pages(context.Background(), func(r *youtube.VideoListResponse) error {
			all = append(all, r.Items...)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// mine returns the caller's own channel.
func mine(t *testing.T, svc *youtube.Service) *youtube.Channel {
	t.Helper()
	r, err := svc.Channels.List([]string{"snippet", "contentDetails", "statistics"}).Mine(true).Do()
	if err != nil || len(r.Items) != 1 {
		t.Fatalf("channels mine: %v %+v", err, r)
	}
	return r.Items[0]
}

// uploads returns the caller's uploads as playlist items (newest first).
func uploads(t *testing.T, svc *youtube.Service) []*youtube.PlaylistItem {
	t.Helper()
	ch := mine(t, svc)
	r, err := svc.PlaylistItems.List([]string{"snippet", "contentDetails", "status"}).
		PlaylistId(ch.ContentDetails.RelatedPlaylists.Uploads).MaxResults(50).Do()
	if err != nil {
		t.Fatal(err)
	}
	return r.Items
}

func titles(vs []*youtube.Video) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Snippet.Title)
	}
	return out
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// searchVideo returns the id of the one video a search finds first.
func searchVideo(t *testing.T, svc *youtube.Service, q string) string {
	t.Helper()
	r, err := svc.Search.List([]string{"id"}).Q(q).Type("video").Do()
	if err != nil || len(r.Items) == 0 {
		t.Fatalf("search %q: %v", q, err)
	}
	return r.Items[0].Id.VideoId
}

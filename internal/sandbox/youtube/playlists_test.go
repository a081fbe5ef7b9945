package youtube_test

import (
	"testing"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestPlaylistsMineIncludesPrivateOnesOthersSeePublicOnly(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	own, err := svc.Playlists.List([]string{"snippet", "status", "contentDetails"}).Mine(true).Do()
	if err != nil || len(own.Items) != 2 {
		t.Fatalf("mine: %v %+v", err, own)
	}
	for _, p := range own.Items {
		if p.ContentDetails.ItemCount != 3 {
			t.Errorf("%q has %d items, want 3", p.Snippet.Title, p.ContentDetails.ItemCount)
		}
	}
	sb.CreateAccount("ada@example.com", false)
	other := serviceFor(t, sb, "ada@example.com", scopeRO)
	seen, err := other.Playlists.List([]string{"status"}).ChannelId(own.Items[0].Snippet.ChannelId).Do()
	if err != nil || len(seen.Items) != 1 || seen.Items[0].Status.PrivacyStatus != "public" {
		t.Fatalf("someone else listing the channel's playlists: %v %+v", err, seen)
	}
	_, err = svc.Playlists.List([]string{"id"}).Do()
	googleErr(t, err, 400, "missingRequiredParameter")
}

func TestPlaylistItemsComeInPositionOrderAndHidePrivateVideosFromOthers(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	items := uploads(t, svc)
	if len(items) != 4 || items[0].Snippet.Position != 0 || items[3].Snippet.Position != 3 {
		t.Fatalf("uploads: %+v", items)
	}
	if items[0].Snippet.PublishedAt < items[1].Snippet.PublishedAt && items[0].ContentDetails.VideoPublishedAt < items[1].ContentDetails.VideoPublishedAt {
		t.Error("uploads are not newest first")
	}
	uploadsID := items[0].Snippet.PlaylistId
	sb.CreateAccount("ada@example.com", false)
	other := serviceFor(t, sb, "ada@example.com", scopeRO)
	seen, err := other.PlaylistItems.List([]string{"snippet", "status"}).PlaylistId(uploadsID).MaxResults(50).Do()
	if err != nil || len(seen.Items) != 4 {
		t.Fatalf("others listing the uploads: %v %+v", err, seen)
	}
	private := 0
	for _, it := range seen.Items {
		if it.Status.PrivacyStatus == "private" {
			private++
			if it.Snippet.Title != "Private video" {
				t.Errorf("a private video shows its title to others: %q", it.Snippet.Title)
			}
		}
	}
	if private != 1 {
		t.Errorf("%d private items, want 1", private)
	}
	page, err := svc.PlaylistItems.List([]string{"id"}).PlaylistId(uploadsID).MaxResults(2).Do()
	if err != nil || len(page.Items) != 2 || page.NextPageToken == "" || page.PageInfo.TotalResults != 4 {
		t.Fatalf("paging: %v %+v", err, page)
	}
	byID, err := svc.PlaylistItems.List([]string{"snippet"}).Id(items[1].Id).Do()
	if err != nil || len(byID.Items) != 1 || byID.Items[0].Id != items[1].Id {
		t.Fatalf("by id: %v %+v", err, byID)
	}
	_, err = svc.PlaylistItems.List([]string{"id"}).PlaylistId("PLnope").Do()
	googleErr(t, err, 404, "playlistNotFound")
	_, err = svc.PlaylistItems.List([]string{"id"}).PlaylistId(uploadsID).MaxResults(0).Do()
	if err != nil {
		t.Fatalf("maxResults=0 is allowed on playlistItems: %v", err)
	}
	tok := sb.MintToken(sandboxtest.Account, scopeRO).AccessToken
	if code, body := rawGet(t, sb, tok, "/youtube/v3/playlistItems?part=id&playlistId="+uploadsID+"&maxResults=0"); code != 200 ||
		mustJSON(body["pageInfo"]) != `{"resultsPerPage":0,"totalResults":4}` {
		t.Errorf("maxResults=0: %d %v", code, body)
	}
}

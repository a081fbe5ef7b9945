package youtube_test

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestVideosListValidatesPartLikeYouTube(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	tok := sb.MintToken(sandboxtest.Account, scopeRO).AccessToken
	code, body := rawGet(t, sb, tok, "/youtube/v3/videos?chart=mostPopular")
	if code != 400 || !strings.Contains(mustJSON(body), `"message":"Required parameter: part"`) {
		t.Errorf("no part: %d %v", code, body)
	}
	code, body = rawGet(t, sb, tok, "/youtube/v3/videos?chart=mostPopular&part=snippet,bogus")
	if got := mustJSON(body); code != 400 || !strings.Contains(got, `"reason":"unknownPart"`) ||
		!strings.Contains(got, `"domain":"youtube.part"`) || !strings.Contains(got, `"message":"'bogus'"`) {
		t.Errorf("unknown part: %d %s", code, got)
	}
}

func TestVideosListNeedsExactlyOneFilter(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	_, err := svc.Videos.List([]string{"snippet"}).Do()
	ge := googleErr(t, err, 400, "missingRequiredParameter")
	if ge.Message != "No filter selected. Expected one of: chart, id, myRating" {
		t.Errorf("message %q", ge.Message)
	}
	_, err = svc.Videos.List([]string{"snippet"}).Chart("mostPopular").Id("abc").Do()
	ge = googleErr(t, err, 400, "incompatibleParameters")
	if !strings.Contains(ge.Message, "chart, id") {
		t.Errorf("message %q", ge.Message)
	}
}

func TestMostPopularIsPerRegionMostViewedFirst(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	us, jp := popular(t, svc, "US"), popular(t, svc, "JP")
	if len(us) < 6 || len(jp) < 3 {
		t.Fatalf("US chart %d videos, JP %d", len(us), len(jp))
	}
	if !sort.SliceIsSorted(us, func(i, j int) bool { return us[i].Statistics.ViewCount > us[j].Statistics.ViewCount }) {
		t.Error("US chart not ordered by views")
	}
	if slices.Equal(titles(us), titles(jp)) {
		t.Error("regions share one chart")
	}
	def, err := svc.Videos.List([]string{"id"}).Chart("mostPopular").MaxResults(50).Do()
	if err != nil || len(def.Items) != len(us) {
		t.Errorf("no regionCode should be the US chart: %v %d vs %d", err, len(def.Items), len(us))
	}
	music, err := svc.Videos.List([]string{"snippet"}).Chart("mostPopular").VideoCategoryId("10").Do()
	if err != nil || len(music.Items) == 0 {
		t.Fatalf("music chart: %v", err)
	}
	for _, v := range music.Items {
		if v.Snippet.CategoryId != "10" {
			t.Errorf("category filter let %q (%s) through", v.Snippet.Title, v.Snippet.CategoryId)
		}
	}
}

func TestVideoPagesCarryPageInfoAndBothTokens(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	first, err := svc.Videos.List([]string{"id"}).Chart("mostPopular").Do()
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Items) != 5 || first.PageInfo.ResultsPerPage != 5 || first.PageInfo.TotalResults <= 5 ||
		first.NextPageToken == "" || first.PrevPageToken != "" {
		t.Fatalf("first page: %d items, %+v, next %q prev %q", len(first.Items), first.PageInfo, first.NextPageToken, first.PrevPageToken)
	}
	second, err := svc.Videos.List([]string{"id"}).Chart("mostPopular").PageToken(first.NextPageToken).Do()
	if err != nil || second.PrevPageToken == "" || second.Items[0].Id == first.Items[0].Id {
		t.Fatalf("second page: %v %+v", err, second)
	}
	back, err := svc.Videos.List([]string{"id"}).Chart("mostPopular").PageToken(second.PrevPageToken).Do()
	if err != nil || back.Items[0].Id != first.Items[0].Id {
		t.Fatalf("prevPageToken does not lead back: %v", err)
	}
	_, err = svc.Videos.List([]string{"id"}).Chart("mostPopular").PageToken(first.NextPageToken).RegionCode("JP").Do()
	googleErr(t, err, 400, "invalidPageToken")
	_, err = svc.Videos.List([]string{"id"}).Chart("mostPopular").MaxResults(51).Do()
	if ge := googleErr(t, err, 400, "invalidParameter"); !strings.Contains(ge.Message, "[1, 50]") {
		t.Errorf("range message %q", ge.Message)
	}
	tok := sb.MintToken(sandboxtest.Account, scopeRO).AccessToken
	if _, body := rawGet(t, sb, tok, "/youtube/v3/videos?part=id&id=nope"); !strings.Contains(mustJSON(body), `"items":[]`) ||
		!strings.Contains(mustJSON(body), `"pageInfo":{"resultsPerPage":0,"totalResults":0}`) {
		t.Errorf("an unknown id is an empty list with zero pageInfo: %v", body)
	}
}

func TestOnlyTheRequestedPartsComeBack(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	v := popular(t, svc, "US")[0]
	tok := sb.MintToken(sandboxtest.Account, scopeRO).AccessToken
	_, body := rawGet(t, sb, tok, "/youtube/v3/videos?part=statistics&id="+v.Id)
	item := body["items"].([]any)[0].(map[string]any)
	var keys []string
	for k := range item {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if !slices.Equal(keys, []string{"etag", "id", "kind", "statistics"}) {
		t.Fatalf("part=statistics returned %v", keys)
	}
	all, err := svc.Videos.List(strings.Split("contentDetails,id,liveStreamingDetails,localizations,paidProductPlacementDetails,"+
		"player,recordingDetails,snippet,statistics,status,topicDetails", ",")).Id(v.Id).Do()
	if err != nil {
		t.Fatal(err)
	}
	got := all.Items[0]
	if got.Snippet == nil || got.ContentDetails == nil || got.Status == nil || got.Player == nil || got.TopicDetails == nil ||
		got.PaidProductPlacementDetails == nil || got.FileDetails != nil {
		t.Errorf("every non-owner part: %+v", got)
	}
}

func TestOwnerOnlyPartsAreForbiddenOnOthersVideos(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	_, err := svc.Videos.List([]string{"snippet", "fileDetails"}).Chart("mostPopular").Do()
	ge := googleErr(t, err, 403, "forbidden")
	if !strings.Contains(ge.Message, "only available to that video's owner") {
		t.Errorf("message %q", ge.Message)
	}
	own := uploads(t, svc)[0].ContentDetails.VideoId
	r, err := svc.Videos.List([]string{"fileDetails", "processingDetails", "suggestions"}).Id(own).Do()
	if err != nil || len(r.Items) != 1 || r.Items[0].FileDetails == nil || r.Items[0].ProcessingDetails.ProcessingStatus != "succeeded" ||
		r.Items[0].Suggestions == nil {
		t.Fatalf("owner reading owner-only parts: %v %+v", err, r)
	}
}

func TestPrivateVideosAreSeenByTheirOwnerOnly(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	var private string
	for _, it := range uploads(t, svc) {
		if it.Status.PrivacyStatus == "private" {
			private = it.ContentDetails.VideoId
		}
	}
	if private == "" {
		t.Fatal("the seeded account has no private upload")
	}
	if r, err := svc.Videos.List([]string{"status"}).Id(private).Do(); err != nil || len(r.Items) != 1 {
		t.Fatalf("owner: %v %+v", err, r)
	}
	sb.CreateAccount("ada@example.com", false)
	other := serviceFor(t, sb, "ada@example.com", scopeRO)
	if r, err := other.Videos.List([]string{"status"}).Id(private).Do(); err != nil || len(r.Items) != 0 {
		t.Fatalf("someone else sees the private video: %v %+v", err, r)
	}
}

func TestMyRatingListsTheCallersLikesNewestFirst(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	likes, err := svc.Videos.List([]string{"snippet"}).MyRating("like").Do()
	if err != nil || len(likes.Items) != 4 || likes.Items[0].Snippet.Title != "Debugging Blues (Official Video)" {
		t.Fatalf("likes: %v %v", err, titles(likes.Items))
	}
	dislikes, err := svc.Videos.List([]string{"snippet"}).MyRating("dislike").Do()
	if err != nil || len(dislikes.Items) != 1 {
		t.Fatalf("dislikes: %v %+v", err, dislikes)
	}
	sb.CreateAccount("ada@example.com", false)
	if r, err := serviceFor(t, sb, "ada@example.com", scopeRO).Videos.List([]string{"id"}).MyRating("like").Do(); err != nil || len(r.Items) != 0 {
		t.Fatalf("ratings are per account: %v %+v", err, r)
	}
}

package youtube_test

import (
	"strings"
	"testing"
)

func TestSearchFindsEveryKindAndFiltersByType(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	r, err := svc.Search.List([]string{"snippet"}).Q("shell").MaxResults(50).Do()
	if err != nil || len(r.Items) == 0 || r.Kind != "youtube#searchListResponse" || r.RegionCode == "" {
		t.Fatalf("search shell: %v %+v", err, r)
	}
	kinds := map[string]int{}
	for _, it := range r.Items {
		kinds[it.Id.Kind]++
		if it.Kind != "youtube#searchResult" || it.Snippet == nil || it.Snippet.Title == "" {
			t.Errorf("result shape: %+v", it)
		}
		if it.Id.Kind == "youtube#video" && it.Id.VideoId == "" {
			t.Errorf("video result without videoId: %+v", it.Id)
		}
	}
	if kinds["youtube#video"] == 0 || kinds["youtube#channel"] == 0 {
		t.Errorf("want videos and channels for \"shell\", got %v", kinds)
	}
	// Title matches rank first.
	if !strings.Contains(strings.ToLower(r.Items[0].Snippet.Title), "shell") {
		t.Errorf("top result %q does not have the term in its title", r.Items[0].Snippet.Title)
	}
	only, err := svc.Search.List([]string{"id"}).Q("shell").Type("channel").Do()
	if err != nil || len(only.Items) == 0 {
		t.Fatalf("type=channel: %v", err)
	}
	for _, it := range only.Items {
		if it.Id.Kind != "youtube#channel" || it.Snippet != nil {
			t.Errorf("type=channel part=id gave %+v", it)
		}
	}
}

func TestSearchNeverFindsUnlistedOrPrivateVideos(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	for _, q := range []string{"raw gameplay", "draft"} {
		r, err := svc.Search.List([]string{"snippet"}).Q(q).Type("video").Do()
		if err != nil || len(r.Items) != 0 {
			t.Errorf("%q found %+v (%v)", q, r.Items, err)
		}
	}
}

func TestSearchOrdersAndPages(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	byViews, err := svc.Search.List([]string{"id"}).Type("video").Order("viewCount").MaxResults(3).Do()
	if err != nil || len(byViews.Items) != 3 || byViews.NextPageToken == "" {
		t.Fatalf("viewCount: %v %+v", err, byViews)
	}
	top, err := svc.Videos.List([]string{"statistics"}).Id(byViews.Items[0].Id.VideoId + "," + byViews.Items[1].Id.VideoId).Do()
	if err != nil || top.Items[0].Statistics.ViewCount < top.Items[1].Statistics.ViewCount {
		t.Fatalf("not most viewed first: %v", err)
	}
	next, err := svc.Search.List([]string{"id"}).Type("video").Order("viewCount").MaxResults(3).PageToken(byViews.NextPageToken).Do()
	if err != nil || next.Items[0].Id.VideoId == byViews.Items[0].Id.VideoId || next.PrevPageToken == "" {
		t.Fatalf("page 2: %v %+v", err, next)
	}
	_, err = svc.Search.List([]string{"id"}).Order("loudest").Do()
	googleErr(t, err, 400, "invalid")
	_, err = svc.Search.List([]string{"snippet", "statistics"}).Do()
	googleErr(t, err, 400, "unknownPart")
}

func TestListParametersMayBeRepeatedOrCommaSeparated(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	us := popular(t, svc, "US")
	repeated, err := svc.Videos.List([]string{"id"}).Id(us[0].Id, us[1].Id).Do()
	if err != nil || len(repeated.Items) != 2 {
		t.Fatalf("id=a&id=b: %v %+v", err, repeated)
	}
	joined, err := svc.Videos.List([]string{"id"}).Id(us[1].Id + "," + us[0].Id).Do()
	if err != nil || len(joined.Items) != 2 || joined.Items[0].Id != us[1].Id {
		t.Fatalf("id=b,a keeps the order asked: %v %+v", err, joined)
	}
	mixed, err := svc.Search.List([]string{"id"}).Q("shell").Type("channel", "playlist").MaxResults(50).Do()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range mixed.Items {
		if it.Id.Kind == "youtube#video" {
			t.Errorf("type=channel&type=playlist found a video: %+v", it.Id)
		}
	}
}

package youtube

import (
	"sort"
	"strings"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// defaultRegion is the chart YouTube answers when regionCode is absent.
const defaultRegion = "US"

// videosList is videos.list: exactly one of id (a comma list, answered in the order asked, unknown and private
// ids dropped), chart=mostPopular (per regionCode, optionally per videoCategoryId, most viewed first) or
// myRating (the caller's likes or dislikes, most recent first).
func (a *API) videosList(c *gapi.Call) (any, error) {
	parts, err := parseParts(c, videoParts)
	if err != nil {
		return nil, err
	}
	filter, err := oneFilter(c, "chart", "id", "myRating")
	if err != nil {
		return nil, err
	}
	var all []videoRec
	ratings := map[string]ratingRec{}
	err = a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		if all, err = allVideos(tx); err != nil {
			return err
		}
		prefix := store.Prefix(c.Principal.Email)
		return store.ForEach(tx, bucketRatings, prefix, func(k string, r ratingRec) error {
			ratings[strings.TrimPrefix(k, prefix)] = r
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	email := c.Principal.Email
	var items []videoRec
	switch filter {
	case "id":
		byID := map[string]videoRec{}
		for _, v := range all {
			byID[v.Video.Id] = v
		}
		for _, id := range listParam(c, "id") {
			if v, ok := byID[id]; ok && v.visibleTo(email) {
				items = append(items, v)
			}
		}
	case "chart":
		if items, err = chart(c, all); err != nil {
			return nil, err
		}
	case "myRating":
		want := c.String("myRating")
		if want != "like" && want != "dislike" && want != "none" {
			return nil, gapi.InvalidParam("myRating")
		}
		for _, v := range all {
			if r, ok := ratings[v.Video.Id]; ok && r.Rating == want && v.visibleTo(email) {
				items = append(items, v)
			}
		}
		sort.SliceStable(items, func(i, j int) bool { return ratings[items[i].Video.Id].At.After(ratings[items[j].Video.Id].At) })
	}
	var pg page[videoRec]
	if filter == "id" { // an id list is one answer; maxResults does not apply to it
		pg = page[videoRec]{items: items, info: pageInfo(len(items), len(items))}
	} else if pg, err = paginate(c, videosPage(), items); err != nil {
		return nil, err
	}
	full := make([]*youtube.Video, 0, len(pg.items))
	for _, v := range pg.items {
		if parts.hasAny(ownerOnlyParts) && v.Owner != email {
			return nil, ownerOnlyForbidden()
		}
		full = append(full, v.Video)
	}
	out, err := projectAll(full, parts)
	if err != nil {
		return nil, err
	}
	resp := &youtube.VideoListResponse{Kind: "youtube#videoListResponse", Items: out, PageInfo: pg.info,
		NextPageToken: pg.next, PrevPageToken: pg.prev, ForceSendFields: []string{"Items"}}
	resp.Etag = etagOf(resp)
	return resp, nil
}

// chart answers chart=mostPopular: the public videos popular in the region, most viewed first.
func chart(c *gapi.Call, all []videoRec) ([]videoRec, error) {
	if c.String("chart") != "mostPopular" {
		return nil, gapi.InvalidParam("chart")
	}
	region := strings.ToUpper(c.String("regionCode"))
	if region == "" {
		region = defaultRegion
	}
	if len(region) != 2 {
		return nil, gapi.InvalidParam("regionCode")
	}
	category := c.String("videoCategoryId")
	var out []videoRec
	for _, v := range all {
		if !v.public() || !containsFold(v.Popular, region) || (category != "" && category != "0" && v.Video.Snippet.CategoryId != category) {
			continue
		}
		out = append(out, v)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := out[i].Video.Statistics.ViewCount, out[j].Video.Statistics.ViewCount; a != b {
			return a > b
		}
		return out[i].Video.Id < out[j].Video.Id
	})
	return out, nil
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

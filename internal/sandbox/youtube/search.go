package youtube

import (
	"sort"
	"strings"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// hit is one search candidate with its sort keys.
type hit struct {
	res                *youtube.SearchResult
	score              int
	published, title   string
	views, likes, vids uint64
}

// searchList is search.list over the public catalog: q (every term must appear in a title, description, tag
// or channel title; title matches rank higher), type (video, channel, playlist; any mix, default all three),
// channelId and order (relevance, date, rating, title, videoCount, viewCount). Unlisted and private videos,
// private playlists and uploads playlists are never found, as at YouTube.
func (a *API) searchList(c *gapi.Call) (any, error) {
	parts, err := parseParts(c, searchParts)
	if err != nil {
		return nil, err
	}
	types := map[string]bool{"video": true, "channel": true, "playlist": true}
	if t := listParam(c, "type"); len(t) > 0 {
		types = map[string]bool{}
		for _, k := range t {
			if k != "video" && k != "channel" && k != "playlist" {
				return nil, gapi.InvalidParam("type")
			}
			types[k] = true
		}
	}
	order := c.String("order")
	if order == "" {
		order = "relevance"
	}
	if !map[string]bool{"date": true, "rating": true, "relevance": true, "title": true, "videoCount": true, "viewCount": true}[order] {
		return nil, gapi.InvalidParam("order")
	}
	terms := strings.Fields(strings.ToLower(c.String("q")))
	channel := c.String("channelId")
	var hits []hit
	err = a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		hits, err = candidates(tx, types, channel, terms)
		return err
	})
	if err != nil {
		return nil, err
	}
	sortHits(hits, order)
	pg, err := paginate(c, standardPage(), hits)
	if err != nil {
		return nil, err
	}
	full := make([]*youtube.SearchResult, 0, len(pg.items))
	for _, h := range pg.items {
		full = append(full, h.res)
	}
	out, err := projectAll(full, parts)
	if err != nil {
		return nil, err
	}
	region := strings.ToUpper(c.String("regionCode"))
	if region == "" {
		region = defaultRegion
	}
	resp := &youtube.SearchListResponse{Kind: "youtube#searchListResponse", Items: out, PageInfo: pg.info, RegionCode: region,
		NextPageToken: pg.next, PrevPageToken: pg.prev, ForceSendFields: []string{"Items"}}
	resp.Etag = etagOf(resp)
	return resp, nil
}

// candidates collects every public resource of the wanted types that matches.
func candidates(tx *store.Tx, types map[string]bool, channel string, terms []string) ([]hit, error) {
	var out []hit
	add := func(id *youtube.ResourceId, sn *youtube.SearchResultSnippet, score int, views, likes, vids uint64) {
		r := &youtube.SearchResult{Kind: "youtube#searchResult", Id: id, Snippet: sn}
		r.Etag = etagOf(r)
		out = append(out, hit{res: r, score: score, published: sn.PublishedAt, title: strings.ToLower(sn.Title),
			views: views, likes: likes, vids: vids})
	}
	if types["video"] {
		vids, err := allVideos(tx)
		if err != nil {
			return nil, err
		}
		for _, v := range vids {
			s := v.Video.Snippet
			score, ok := relevance(terms, s.Title, s.Description, strings.Join(s.Tags, " "), s.ChannelTitle)
			if !v.public() || !ok || (channel != "" && s.ChannelId != channel) {
				continue
			}
			add(&youtube.ResourceId{Kind: "youtube#video", VideoId: v.Video.Id}, snippetOf(s.PublishedAt, s.ChannelId, s.Title,
				s.Description, s.ChannelTitle, s.Thumbnails), score, v.Video.Statistics.ViewCount, v.Video.Statistics.LikeCount, 0)
		}
	}
	if types["channel"] {
		chans, err := allChannels(tx)
		if err != nil {
			return nil, err
		}
		for _, ch := range chans {
			s := ch.Channel.Snippet
			score, ok := relevance(terms, s.Title, s.Description, ch.Handle, ch.Channel.BrandingSettings.Channel.Keywords)
			if !ok || (channel != "" && ch.Channel.Id != channel) {
				continue
			}
			st := ch.Channel.Statistics
			add(&youtube.ResourceId{Kind: "youtube#channel", ChannelId: ch.Channel.Id}, snippetOf(s.PublishedAt, ch.Channel.Id,
				s.Title, s.Description, s.Title, s.Thumbnails), score, st.ViewCount, 0, st.VideoCount)
		}
	}
	if types["playlist"] {
		lists, err := allPlaylists(tx)
		if err != nil {
			return nil, err
		}
		for _, p := range lists {
			s := p.Playlist.Snippet
			score, ok := relevance(terms, s.Title, s.Description, s.ChannelTitle)
			if p.Uploads || p.Playlist.Status.PrivacyStatus != "public" || !ok || (channel != "" && s.ChannelId != channel) {
				continue
			}
			add(&youtube.ResourceId{Kind: "youtube#playlist", PlaylistId: p.Playlist.Id}, snippetOf(s.PublishedAt, s.ChannelId,
				s.Title, s.Description, s.ChannelTitle, s.Thumbnails), score, 0, 0, 0)
		}
	}
	return out, nil
}

func snippetOf(published, channelID, title, desc, channelTitle string, thumbs *youtube.ThumbnailDetails) *youtube.SearchResultSnippet {
	return &youtube.SearchResultSnippet{PublishedAt: published, ChannelId: channelID, Title: title, Description: desc,
		Thumbnails: thumbs, ChannelTitle: channelTitle, LiveBroadcastContent: "none"}
}

// relevance reports whether every term occurs in the title or one of the other texts, and scores title hits
// three times higher.
func relevance(terms []string, title string, others ...string) (int, bool) {
	t, rest := strings.ToLower(title), strings.ToLower(strings.Join(others, "\n"))
	score := 0
	for _, term := range terms {
		switch {
		case strings.Contains(t, term):
			score += 3
		case strings.Contains(rest, term):
			score++
		default:
			return 0, false
		}
	}
	return score, true
}

func sortHits(hits []hit, order string) {
	less := map[string]func(a, b hit) bool{
		"relevance":  func(a, b hit) bool { return a.score > b.score || (a.score == b.score && a.views > b.views) },
		"date":       func(a, b hit) bool { return a.published > b.published },
		"rating":     func(a, b hit) bool { return a.likes > b.likes },
		"viewCount":  func(a, b hit) bool { return a.views > b.views },
		"title":      func(a, b hit) bool { return a.title < b.title },
		"videoCount": func(a, b hit) bool { return a.vids > b.vids },
	}[order]
	sort.SliceStable(hits, func(i, j int) bool {
		if less(hits[i], hits[j]) {
			return true
		}
		if less(hits[j], hits[i]) {
			return false
		}
		return hits[i].res.Etag < hits[j].res.Etag // a stable tie-break, so pages never overlap
	})
}

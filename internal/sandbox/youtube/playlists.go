package youtube

import (
	"sort"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// playlistsList is playlists.list: exactly one of id (comma list; uploads playlists are reachable this way
// only), channelId or mine, newest first. Private playlists are their owner's alone.
func (a *API) playlistsList(c *gapi.Call) (any, error) {
	parts, err := parseParts(c, playlistParts)
	if err != nil {
		return nil, err
	}
	filter, err := oneFilter(c, "channelId", "id", "mine")
	if err != nil {
		return nil, err
	}
	var all []playlistRec
	if err := a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		all, err = allPlaylists(tx)
		return err
	}); err != nil {
		return nil, err
	}
	email := c.Principal.Email
	var items []playlistRec
	switch filter {
	case "id":
		byID := map[string]playlistRec{}
		for _, p := range all {
			byID[p.Playlist.Id] = p
		}
		for _, id := range listParam(c, "id") {
			if p, ok := byID[id]; ok && p.visibleTo(email) {
				items = append(items, p)
			}
		}
	case "channelId", "mine":
		channel, mine := c.String("channelId"), trueParam(c, "mine")
		for _, p := range all {
			if p.Uploads || !p.visibleTo(email) {
				continue
			}
			if (filter == "channelId" && p.Playlist.Snippet.ChannelId == channel) || (mine && p.Owner != "" && p.Owner == email) {
				items = append(items, p)
			}
		}
		sort.SliceStable(items, func(i, j int) bool {
			return items[i].Playlist.Snippet.PublishedAt > items[j].Playlist.Snippet.PublishedAt
		})
	}
	pg, err := paginate(c, standardPage(), items)
	if err != nil {
		return nil, err
	}
	full := make([]*youtube.Playlist, 0, len(pg.items))
	for _, p := range pg.items {
		full = append(full, p.Playlist)
	}
	out, err := projectAll(full, parts)
	if err != nil {
		return nil, err
	}
	resp := &youtube.PlaylistListResponse{Kind: "youtube#playlistListResponse", Items: out, PageInfo: pg.info,
		NextPageToken: pg.next, PrevPageToken: pg.prev, ForceSendFields: []string{"Items"}}
	resp.Etag = etagOf(resp)
	return resp, nil
}

// playlistItemsList is playlistItems.list: exactly one of playlistId (in position order, optionally narrowed to
// one videoId) or id (comma list). A private video in someone else's playlist shows as "Private video", as at
// YouTube; an unknown or private playlist is 404 playlistNotFound.
func (a *API) playlistItemsList(c *gapi.Call) (any, error) {
	parts, err := parseParts(c, playlistItemParts)
	if err != nil {
		return nil, err
	}
	filter, err := oneFilter(c, "id", "playlistId")
	if err != nil {
		return nil, err
	}
	email := c.Principal.Email
	var items []*youtube.PlaylistItem
	videos := map[string]videoRec{}
	err = a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		all, err := allVideos(tx)
		if err != nil {
			return err
		}
		for _, v := range all {
			videos[v.Video.Id] = v
		}
		if filter == "playlistId" {
			p, ok, err := store.Get[playlistRec](tx, bucketPlaylists, c.String("playlistId"))
			if err != nil {
				return err
			}
			if !ok || !p.visibleTo(email) {
				return playlistNotFound()
			}
			list, err := store.List[youtube.PlaylistItem](tx, bucketItems, store.Prefix(p.Playlist.Id))
			for i := range list {
				if v := c.String("videoId"); v == "" || list[i].ContentDetails.VideoId == v {
					items = append(items, &list[i])
				}
			}
			return err
		}
		want := map[string]bool{}
		for _, id := range listParam(c, "id") {
			want[id] = true
		}
		return store.ForEach(tx, bucketItems, "", func(_ string, it youtube.PlaylistItem) error {
			if want[it.Id] {
				items = append(items, &it)
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	pg, err := paginate(c, standardPage(), items)
	if err != nil {
		return nil, err
	}
	for i, it := range pg.items {
		if v, ok := videos[it.ContentDetails.VideoId]; ok && !v.visibleTo(email) {
			pg.items[i] = hidden(it)
		}
	}
	out, err := projectAll(pg.items, parts)
	if err != nil {
		return nil, err
	}
	resp := &youtube.PlaylistItemListResponse{Kind: "youtube#playlistItemListResponse", Items: out, PageInfo: pg.info,
		NextPageToken: pg.next, PrevPageToken: pg.prev, ForceSendFields: []string{"Items"}}
	resp.Etag = etagOf(resp)
	return resp, nil
}

// hidden is how a playlist item of a private video looks to anyone but the video's owner.
func hidden(it *youtube.PlaylistItem) *youtube.PlaylistItem {
	cp := *it
	sn := *it.Snippet
	sn.Title, sn.Description, sn.Thumbnails = "Private video", "This video is private.", &youtube.ThumbnailDetails{}
	sn.VideoOwnerChannelId, sn.VideoOwnerChannelTitle = "", ""
	cp.Snippet = &sn
	cp.ContentDetails = &youtube.PlaylistItemContentDetails{VideoId: it.ContentDetails.VideoId}
	cp.Status = &youtube.PlaylistItemStatus{PrivacyStatus: "private"}
	return &cp
}

func playlistNotFound() *gapi.Error {
	return &gapi.Error{Code: 404, Reason: "playlistNotFound", Domain: "youtube.playlistItem", Location: "playlistId",
		LocationType: "parameter", Message: "The playlist identified with the request's <code>playlistId</code> parameter cannot be found."}
}

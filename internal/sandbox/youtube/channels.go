package youtube

import (
	"sort"
	"strings"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// channelsList is channels.list: exactly one of id (comma list), mine, forHandle ("@name" or "name", any case),
// forUsername (legacy usernames), managedByMe, mySubscribers or categoryId (the last three find nothing in the
// sandbox: it has no content owners, subscribers or guide categories). As at YouTube, an answer with no
// channels has no items field at all.
func (a *API) channelsList(c *gapi.Call) (any, error) {
	parts, err := parseParts(c, channelParts)
	if err != nil {
		return nil, err
	}
	filter, err := oneFilter(c, "categoryId", "forHandle", "forUsername", "id", "managedByMe", "mine", "mySubscribers")
	if err != nil {
		return nil, err
	}
	var all []channelRec
	if err := a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		all, err = allChannels(tx)
		return err
	}); err != nil {
		return nil, err
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Channel.Snippet.Title < all[j].Channel.Snippet.Title })
	var items []channelRec
	match := func(ok func(channelRec) bool) {
		for _, ch := range all {
			if ok(ch) {
				items = append(items, ch)
			}
		}
	}
	switch filter {
	case "id":
		byID := map[string]channelRec{}
		for _, ch := range all {
			byID[ch.Channel.Id] = ch
		}
		for _, id := range listParam(c, "id") {
			if ch, ok := byID[id]; ok {
				items = append(items, ch)
			}
		}
	case "mine":
		if trueParam(c, "mine") {
			match(func(ch channelRec) bool { return ch.Owner != "" && ch.Owner == c.Principal.Email })
		}
	case "forHandle":
		h := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(c.String("forHandle")), "@"))
		match(func(ch channelRec) bool { return h != "" && ch.Handle == h })
	case "forUsername":
		u := strings.ToLower(strings.TrimSpace(c.String("forUsername")))
		match(func(ch channelRec) bool { return u != "" && ch.Username == u })
	}
	pg, err := paginate(c, standardPage(), items)
	if err != nil {
		return nil, err
	}
	full := make([]*youtube.Channel, 0, len(pg.items))
	for _, ch := range pg.items {
		full = append(full, ch.Channel)
	}
	out, err := projectAll(full, parts)
	if err != nil {
		return nil, err
	}
	resp := &youtube.ChannelListResponse{Kind: "youtube#channelListResponse", Items: out, PageInfo: pg.info,
		NextPageToken: pg.next, PrevPageToken: pg.prev}
	resp.Etag = etagOf(resp)
	return resp, nil
}

package youtube

import (
	"sort"
	"strings"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// commentThreadsList is commentThreads.list (the discovery scopes already demand youtube.force-ssl): exactly
// one of videoId, allThreadsRelatedToChannelId, channelId (threads about the channel itself: none in the
// sandbox) or id; searchTerms narrows, order is time (newest first, the default) or relevance (most liked).
// An unknown or private video is 404 videoNotFound, one with comments turned off 403 commentsDisabled.
func (a *API) commentThreadsList(c *gapi.Call) (any, error) {
	parts, err := parseParts(c, threadParts)
	if err != nil {
		return nil, err
	}
	filter, err := oneFilter(c, "allThreadsRelatedToChannelId", "channelId", "id", "videoId")
	if err != nil {
		return nil, err
	}
	order := c.String("order")
	if order != "" && order != "time" && order != "relevance" {
		return nil, gapi.InvalidParam("order")
	}
	email := c.Principal.Email
	if moderation(c) != "published" { // held, likely-spam and rejected comments do not exist in the sandbox
		return threadsResponse(c, nil, parts)
	}
	var threads []*youtube.CommentThread
	err = a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		videos, err := allVideos(tx)
		if err != nil {
			return err
		}
		byID := map[string]videoRec{}
		for _, v := range videos {
			byID[v.Video.Id] = v
		}
		prefix := ""
		if filter == "videoId" {
			v, ok := byID[c.String("videoId")]
			if !ok || !v.visibleTo(email) {
				return threadVideoError(404, "videoNotFound", "could not be found.")
			}
			if v.CommentsDisabled {
				return threadVideoError(403, "commentsDisabled", "has disabled comments.")
			}
			prefix = store.Prefix(v.Video.Id)
		}
		ids := map[string]bool{}
		for _, id := range listParam(c, "id") {
			ids[id] = true
		}
		return store.ForEach(tx, bucketThreads, prefix, func(_ string, t youtube.CommentThread) error {
			v := byID[t.Snippet.VideoId]
			keep := v.Video != nil && v.visibleTo(email)
			switch filter {
			case "allThreadsRelatedToChannelId":
				keep = keep && t.Snippet.ChannelId == c.String("allThreadsRelatedToChannelId")
			case "channelId":
				keep = false
			case "id":
				keep = keep && ids[t.Id]
			}
			if keep && matchesTerms(&t, c.String("searchTerms")) {
				threads = append(threads, &t)
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(threads, func(i, j int) bool {
		a, b := threads[i].Snippet.TopLevelComment.Snippet, threads[j].Snippet.TopLevelComment.Snippet
		if order == "relevance" && a.LikeCount != b.LikeCount {
			return a.LikeCount > b.LikeCount
		}
		return a.PublishedAt > b.PublishedAt
	})
	return threadsResponse(c, threads, parts)
}

// threadsResponse pages threads and projects them to the requested parts.
func threadsResponse(c *gapi.Call, threads []*youtube.CommentThread, parts partSet) (any, error) {
	pg, err := paginate(c, threadsPage(), threads)
	if err != nil {
		return nil, err
	}
	out, err := projectAll(pg.items, parts)
	if err != nil {
		return nil, err
	}
	resp := &youtube.CommentThreadListResponse{Kind: "youtube#commentThreadListResponse", Items: out, PageInfo: pg.info,
		NextPageToken: pg.next, ForceSendFields: []string{"Items"}}
	resp.Etag = etagOf(resp)
	return resp, nil
}

// moderation is the moderationStatus asked for (published by default).
func moderation(c *gapi.Call) string {
	if m := c.String("moderationStatus"); m != "" {
		return m
	}
	return "published"
}

func matchesTerms(t *youtube.CommentThread, terms string) bool {
	if terms == "" {
		return true
	}
	text := strings.ToLower(t.Snippet.TopLevelComment.Snippet.TextOriginal)
	if t.Replies != nil {
		for _, r := range t.Replies.Comments {
			text += "\n" + strings.ToLower(r.Snippet.TextOriginal)
		}
	}
	for _, term := range strings.Fields(strings.ToLower(terms)) {
		if !strings.Contains(text, term) {
			return false
		}
	}
	return true
}

func threadVideoError(code int, reason, what string) *gapi.Error {
	return &gapi.Error{Code: code, Reason: reason, Domain: "youtube.commentThread", Location: "videoId", LocationType: "parameter",
		Message: `The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter ` + what}
}

package youtube

import (
	"fmt"
	"strings"
	"time"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/sandbox/store"
)

// demoChannel describes a demo channel; demoVideo, demoPlaylist and demoThread what it publishes. Times are
// days before the provisioning time.
type demoChannel struct {
	key, title, handle, username, desc, country, keywords string
	subscribers                                           uint64
	daysAgo                                               int
}

type demoVideo struct {
	key, title, desc, category string
	tags                       []string
	daysAgo                    int
	length                     time.Duration
	views, likes, comments     uint64
	popular                    []string // regions whose mostPopular chart lists it
	privacy                    string   // "" = public
	live, commentsDisabled     bool
	place                      string // recordingDetails.locationDescription
	german                     string // a German title (localizations.de)
}

type demoPlaylist struct {
	key, title, desc, privacy string
	videos                    []string // video keys
	daysAgo                   int
}

type demoThread struct {
	video, author, text string
	likes               int64
	daysAgo             int
	replies             []demoReply
}

type demoReply struct {
	author, text string
	likes        int64
}

// categoryTopics maps the demo's video categories to the topic YouTube would give them.
var categoryTopics = map[string]string{
	"10": "https://en.wikipedia.org/wiki/Music", "19": "https://en.wikipedia.org/wiki/Tourism",
	"20": "https://en.wikipedia.org/wiki/Video_game_culture", "22": "https://en.wikipedia.org/wiki/Lifestyle_(sociology)",
	"26": "https://en.wikipedia.org/wiki/Food", "27": "https://en.wikipedia.org/wiki/Knowledge",
	"28": "https://en.wikipedia.org/wiki/Technology",
}

// isoDuration formats d as YouTube's contentDetails.duration (ISO 8601: PT1H2M3S).
func isoDuration(d time.Duration) string {
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	out := "PT"
	if h > 0 {
		out += fmt.Sprintf("%dH", h)
	}
	if m > 0 {
		out += fmt.Sprintf("%dM", m)
	}
	if s > 0 || out == "PT" {
		out += fmt.Sprintf("%dS", s)
	}
	return out
}

func buildChannel(d demoChannel, id string, now time.Time) *youtube.Channel {
	ch := &youtube.Channel{
		Kind: "youtube#channel", Id: id,
		Snippet: &youtube.ChannelSnippet{Title: d.title, Description: d.desc, CustomUrl: "@" + d.handle,
			PublishedAt: stamp(now.AddDate(0, 0, -d.daysAgo)), Thumbnails: thumbnails("https://yt3.ggpht.com/ytc/" + id),
			Country: d.country, Localized: &youtube.ChannelLocalization{Title: d.title, Description: d.desc}},
		ContentDetails: &youtube.ChannelContentDetails{RelatedPlaylists: &youtube.ChannelContentDetailsRelatedPlaylists{Uploads: uploadsID(id)}},
		Statistics:     &youtube.ChannelStatistics{SubscriberCount: d.subscribers},
		Status:         &youtube.ChannelStatus{PrivacyStatus: "public", IsLinked: true, LongUploadsStatus: "longUploadsUnspecified"},
		BrandingSettings: &youtube.ChannelBrandingSettings{Channel: &youtube.ChannelSettings{Title: d.title,
			Description: d.desc, Keywords: d.keywords, Country: d.country}},
	}
	return ch
}

func buildVideo(d demoVideo, id string, ch *youtube.Channel, owned bool, now time.Time) *youtube.Video {
	published := now.AddDate(0, 0, -d.daysAgo)
	privacy := d.privacy
	if privacy == "" {
		privacy = "public"
	}
	v := &youtube.Video{
		Kind: "youtube#video", Id: id,
		Snippet: &youtube.VideoSnippet{PublishedAt: stamp(published), ChannelId: ch.Id, Title: d.title, Description: d.desc,
			Thumbnails: thumbnails("https://i.ytimg.com/vi/" + id), ChannelTitle: ch.Snippet.Title, Tags: d.tags,
			CategoryId: d.category, LiveBroadcastContent: "none", DefaultAudioLanguage: "en",
			Localized: &youtube.VideoLocalization{Title: d.title, Description: d.desc}},
		ContentDetails: &youtube.VideoContentDetails{Duration: isoDuration(d.length), Dimension: "2d", Definition: "hd",
			Caption: "false", LicensedContent: !owned, ContentRating: &youtube.ContentRating{}, Projection: "rectangular"},
		Status: &youtube.VideoStatus{UploadStatus: "processed", PrivacyStatus: privacy, License: "youtube", Embeddable: true,
			PublicStatsViewable: true},
		Statistics: &youtube.VideoStatistics{ViewCount: d.views, LikeCount: d.likes, CommentCount: d.comments},
		Player: &youtube.VideoPlayer{EmbedHtml: `<iframe width="480" height="270" src="//www.youtube.com/embed/` + id +
			`" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; ` +
			`web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`},
		TopicDetails:                &youtube.VideoTopicDetails{TopicCategories: []string{categoryTopics[d.category]}},
		PaidProductPlacementDetails: &youtube.VideoPaidProductPlacementDetails{},
		RecordingDetails:            &youtube.VideoRecordingDetails{},
	}
	if d.place != "" {
		v.RecordingDetails = &youtube.VideoRecordingDetails{LocationDescription: d.place, RecordingDate: stamp(published.AddDate(0, 0, -3))}
	}
	if d.german != "" {
		v.Snippet.DefaultLanguage = "en"
		v.Localizations = map[string]youtube.VideoLocalization{"en": {Title: d.title, Description: d.desc}, "de": {Title: d.german}}
	}
	if d.live {
		start := published.Add(-d.length)
		v.Snippet.LiveBroadcastContent = "none" // the stream is over; its details stay
		v.LiveStreamingDetails = &youtube.VideoLiveStreamingDetails{ScheduledStartTime: stamp(start.Add(-10 * time.Minute)),
			ActualStartTime: stamp(start), ActualEndTime: stamp(published)}
	}
	if owned {
		slug := strings.ToLower(strings.Join(strings.Fields(strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				return r
			}
			return ' '
		}, d.title)), "-"))
		ms := uint64(d.length.Milliseconds())
		v.FileDetails = &youtube.VideoFileDetails{FileName: slug + ".mp4", FileType: "video", Container: "mov",
			DurationMs: ms, BitrateBps: 8_000_000, FileSize: ms * 1000, CreationTime: stamp(published.AddDate(0, 0, -1))}
		v.ProcessingDetails = &youtube.VideoProcessingDetails{ProcessingStatus: "succeeded", FileDetailsAvailability: "available",
			ProcessingIssuesAvailability: "available", TagSuggestionsAvailability: "available",
			EditorSuggestionsAvailability: "available", ThumbnailsAvailability: "available"}
		v.Suggestions = &youtube.VideoSuggestions{EditorSuggestions: []string{"videoAutoLevels"},
			TagSuggestions: []*youtube.VideoSuggestionsTagSuggestion{{Tag: "google workspace"}, {Tag: "command line"}}}
	}
	v.Etag = etagOf(v)
	return v
}

func buildPlaylist(d demoPlaylist, id string, ch *youtube.Channel, items int, thumbVideo string, now time.Time) *youtube.Playlist {
	privacy := d.privacy
	if privacy == "" {
		privacy = "public"
	}
	p := &youtube.Playlist{
		Kind: "youtube#playlist", Id: id,
		Snippet: &youtube.PlaylistSnippet{PublishedAt: stamp(now.AddDate(0, 0, -d.daysAgo)), ChannelId: ch.Id, Title: d.title,
			Description: d.desc, Thumbnails: thumbnails("https://i.ytimg.com/vi/" + thumbVideo), ChannelTitle: ch.Snippet.Title,
			Localized: &youtube.PlaylistLocalization{Title: d.title, Description: d.desc}},
		Status:         &youtube.PlaylistStatus{PrivacyStatus: privacy},
		ContentDetails: &youtube.PlaylistContentDetails{ItemCount: int64(items)},
		Player: &youtube.PlaylistPlayer{EmbedHtml: `<iframe width="640" height="360" src="http://www.youtube.com/embed/videoseries?list=` +
			id + `" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; ` +
			`picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`},
	}
	p.Etag = etagOf(p)
	return p
}

// putPlaylist stores a playlist and its items (in order) for the channel ch.
func putPlaylist(tx *store.Tx, rec playlistRec, ch *youtube.Channel, videos []*youtube.Video, added time.Time) error {
	for i, v := range videos {
		it := &youtube.PlaylistItem{
			Kind: "youtube#playlistItem", Id: itemID(rec.Playlist.Id, v.Id),
			Snippet: &youtube.PlaylistItemSnippet{PublishedAt: stamp(added.Add(time.Duration(i) * time.Minute)), ChannelId: ch.Id,
				Title: v.Snippet.Title, Description: v.Snippet.Description, Thumbnails: v.Snippet.Thumbnails,
				ChannelTitle: ch.Snippet.Title, PlaylistId: rec.Playlist.Id, Position: int64(i),
				ResourceId:          &youtube.ResourceId{Kind: "youtube#video", VideoId: v.Id},
				VideoOwnerChannelId: v.Snippet.ChannelId, VideoOwnerChannelTitle: v.Snippet.ChannelTitle},
			ContentDetails: &youtube.PlaylistItemContentDetails{VideoId: v.Id, VideoPublishedAt: v.Snippet.PublishedAt},
			Status:         &youtube.PlaylistItemStatus{PrivacyStatus: v.Status.PrivacyStatus},
		}
		it.Etag = etagOf(it)
		if err := store.Put(tx, bucketItems, store.Key(rec.Playlist.Id, fmt.Sprintf("%06d", i)), it); err != nil {
			return err
		}
	}
	return store.Put(tx, bucketPlaylists, rec.Playlist.Id, rec)
}

// buildThread builds a comment thread on video v; authors are named people with their own (bare) channels.
func buildThread(d demoThread, v *youtube.Video, now time.Time) *youtube.CommentThread {
	id := threadID(v.Id + "\x00" + d.author + "\x00" + d.text)
	at := stamp(now.AddDate(0, 0, -d.daysAgo))
	top := comment(id, d.author, d.text, d.likes, v, at, "")
	t := &youtube.CommentThread{
		Kind: "youtube#commentThread", Id: id,
		Snippet: &youtube.CommentThreadSnippet{ChannelId: v.Snippet.ChannelId, VideoId: v.Id, TopLevelComment: top,
			CanReply: true, TotalReplyCount: int64(len(d.replies)), IsPublic: true},
	}
	if len(d.replies) > 0 {
		t.Replies = &youtube.CommentThreadReplies{}
		for i, r := range d.replies {
			t.Replies.Comments = append(t.Replies.Comments, comment(replyID(id, i), r.author, r.text, r.likes, v, at, id))
		}
	}
	t.Etag = etagOf(t)
	return t
}

func comment(id, author, text string, likes int64, v *youtube.Video, at, parent string) *youtube.Comment {
	handle := strings.ToLower(strings.ReplaceAll(author, " ", ""))
	authorID := channelID("commenter:" + handle)
	c := &youtube.Comment{Kind: "youtube#comment", Id: id, Snippet: &youtube.CommentSnippet{
		ChannelId: v.Snippet.ChannelId, VideoId: v.Id, TextDisplay: text, TextOriginal: text, ParentId: parent,
		AuthorDisplayName: "@" + handle, AuthorProfileImageUrl: "https://yt3.ggpht.com/ytc/" + authorID,
		AuthorChannelUrl: "http://www.youtube.com/@" + handle, AuthorChannelId: &youtube.CommentSnippetAuthorChannelId{Value: authorID},
		CanRate: true, ViewerRating: "none", LikeCount: likes, PublishedAt: at, UpdatedAt: at,
	}}
	c.Etag = etagOf(c)
	return c
}

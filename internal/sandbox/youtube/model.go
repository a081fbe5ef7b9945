package youtube

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// Buckets. YouTube's resources are public and addressed by their own ids, so keys are ids, not accounts (see the
// package comment); only ratings are per account.
const (
	bucketMeta      = "youtube/meta"          // "catalog" → time the public catalog was written
	bucketChannels  = "youtube/channels"      // channel id → channelRec
	bucketVideos    = "youtube/videos"        // video id → videoRec
	bucketPlaylists = "youtube/playlists"     // playlist id → playlistRec
	bucketItems     = "youtube/playlistItems" // Key(playlist id, position as %06d) → youtube.PlaylistItem
	bucketThreads   = "youtube/commentThreads"
	bucketRatings   = "youtube/ratings" // Key(email, video id) → ratingRec
)

// channelRec is a channel with every part filled in.
type channelRec struct {
	Channel  *youtube.Channel `json:"channel"`
	Owner    string           `json:"owner,omitempty"`    // the sandbox account that owns it; "" for demo creators
	Handle   string           `json:"handle"`             // lower case, without the "@"
	Username string           `json:"username,omitempty"` // legacy username (forUsername), lower case
}

// videoRec is a video with every part filled in (owner-only parts only for the seeded account's uploads).
type videoRec struct {
	Video   *youtube.Video `json:"video"`
	Owner   string         `json:"owner,omitempty"`
	Popular []string       `json:"popular,omitempty"` // regions whose mostPopular chart lists it
	// CommentsDisabled makes commentThreads.list?videoId= answer 403 commentsDisabled.
	CommentsDisabled bool `json:"comments_disabled,omitempty"`
}

// playlistRec is a playlist with every part filled in. Uploads playlists ("UU…") are listed by id only.
type playlistRec struct {
	Playlist *youtube.Playlist `json:"playlist"`
	Owner    string            `json:"owner,omitempty"`
	Uploads  bool              `json:"uploads,omitempty"`
}

// ratingRec is an account's rating of a video (videos.list?myRating=).
type ratingRec struct {
	Rating string    `json:"rating"` // like or dislike
	At     time.Time `json:"at"`
}

func (v videoRec) privacy() string {
	if v.Video.Status == nil {
		return "public"
	}
	return v.Video.Status.PrivacyStatus
}

// visibleTo reports whether email may see the video at all: private videos are their owner's alone.
func (v videoRec) visibleTo(email string) bool { return v.privacy() != "private" || v.Owner == email }

// public reports whether the video shows up in charts and search (unlisted ones are reachable by id only).
func (v videoRec) public() bool { return v.privacy() == "public" }

func (p playlistRec) visibleTo(email string) bool {
	return p.Playlist.Status == nil || p.Playlist.Status.PrivacyStatus != "private" || p.Owner == email
}

// digest is a URL-safe base64 SHA-256 of the parts: the raw material of every deterministic id.
func digest(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return base64.RawURLEncoding.EncodeToString(h[:])
}

// Ids in YouTube's shapes: channels "UC" + 22 characters, videos 11, playlists "PL" + 32, a channel's uploads
// playlist "UU" + the channel id's tail, comment threads "Ugz…4AaABAg".
func channelID(seed string) string  { return "UC" + digest("channel", seed)[:22] }
func videoID(seed string) string    { return digest("video", seed)[:11] }
func playlistID(seed string) string { return "PL" + digest("playlist", seed)[:32] }
func uploadsID(channelID string) string {
	return "UU" + strings.TrimPrefix(channelID, "UC")
}
func itemID(playlistID, videoID string) string { return digest("item", playlistID, videoID)[:40] }
func threadID(seed string) string              { return "Ugz" + digest("thread", seed)[:19] + "4AaABAg" }
func replyID(thread string, n int) string {
	return thread + "." + digest("reply", thread, string(rune('a'+n)))[:22]
}

// etagOf returns an etag shaped like YouTube's (27 URL-safe characters, unquoted) for v's JSON form. Compute it
// with v's own Etag field cleared.
func etagOf(v any) string {
	raw, _ := json.Marshal(v)
	h := sha256.Sum256(raw)
	return base64.RawURLEncoding.EncodeToString(h[:20])[:27]
}

// stamp formats a time as YouTube reports publishedAt.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// thumbnails are the default/medium/high thumbnails YouTube serves under base (".../vi/ID").
func thumbnails(base string) *youtube.ThumbnailDetails {
	return &youtube.ThumbnailDetails{
		Default: &youtube.Thumbnail{Url: base + "/default.jpg", Width: 120, Height: 90},
		Medium:  &youtube.Thumbnail{Url: base + "/mqdefault.jpg", Width: 320, Height: 180},
		High:    &youtube.Thumbnail{Url: base + "/hqdefault.jpg", Width: 480, Height: 360},
	}
}

// allChannels, allVideos and allPlaylists read whole buckets: the sandbox's YouTube holds a few dozen resources
// (nothing can be uploaded), so scanning is simpler than keeping indexes and just as fast.
func allChannels(tx *store.Tx) ([]channelRec, error) {
	return store.List[channelRec](tx, bucketChannels, "")
}
func allVideos(tx *store.Tx) ([]videoRec, error) { return store.List[videoRec](tx, bucketVideos, "") }
func allPlaylists(tx *store.Tx) ([]playlistRec, error) {
	return store.List[playlistRec](tx, bucketPlaylists, "")
}

// channelOf returns the channel the account owns, if it has one.
func channelOf(tx *store.Tx, email string) (channelRec, bool, error) {
	chans, err := allChannels(tx)
	if err != nil {
		return channelRec{}, false, err
	}
	for _, ch := range chans {
		if ch.Owner != "" && ch.Owner == email {
			return ch, true, nil
		}
	}
	return channelRec{}, false, nil
}

// listParam reads a list parameter, sent as a comma list, repeated, or both (id=a,b&id=c: the Go client
// repeats the parameter for a slice), dropping blanks.
func listParam(c *gapi.Call, name string) []string {
	var out []string
	for _, id := range strings.Split(strings.Join(c.Query()[name], ","), ",") {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, id)
		}
	}
	return out
}

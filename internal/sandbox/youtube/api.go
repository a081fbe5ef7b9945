// Package youtube is the sandbox's YouTube Data API v3, read side: videos.list (id, chart=mostPopular with
// regionCode/videoCategoryId, myRating), channels.list (id, mine, forHandle, forUsername), playlists.list,
// playlistItems.list, search.list and commentThreads.list, answering with the generated
// google.golang.org/api/youtube/v3 types and YouTube's own error reasons (unknownPart, missingRequiredParameter,
// incompatibleParameters, invalidPageToken, forbidden for owner-only parts, videoNotFound, commentsDisabled …).
//
// # Design choices
//
//   - YouTube is one public world, not a per-account silo: any account can read any public channel, video or
//     playlist. So, unlike Calendar, resources are keyed by their own id in global buckets and carry the owning
//     account (Owner, "" for the demo creators that belong to nobody). Visibility (private videos, owner-only
//     parts) is decided per call from Owner and the caller.
//   - Each resource is stored once with every part filled in; a list call projects it to the parts asked for
//     (plus kind, etag and id) through its JSON form, so projection is generic and cannot drift from the
//     generated types.
//   - Resources are stored as the generated types' JSON, which omits zero values (a first playlist item's
//     "position": 0, "likeCount": 0), where YouTube sends some of them. Go clients cannot tell the difference;
//     keeping the raw JSON beside every resource to send those zeros was not worth the weight.
//   - The public demo catalog (creators, their videos, playlists and comments) is written once, by the first
//     Provision of any account; a seeded account also gets its own channel with a handle, uploads (one private),
//     playlists, ratings and comment threads (seed.go). All ids are derived from hashes and all times from the
//     provisioning time, so provisioning is deterministic.
//   - Paging is YouTube's: maxResults 5 by default and 50 at most (commentThreads: 20 and 100), a value out of
//     range is a 400 rather than capped, and every page carries pageInfo plus nextPageToken/prevPageToken.
package youtube

import (
	"time"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// API is the YouTube Data API v3.
type API struct {
	env gapi.Env
}

// New builds the YouTube API over the sandbox's store and clock.
func New(env gapi.Env) *API { return &API{env: env} }

// Name implements gapi.API.
func (a *API) Name() string { return "youtube" }

// Register implements gapi.API.
func (a *API) Register(r *gapi.Router) {
	r.Handle("youtube.videos.list", a.videosList)
	r.Handle("youtube.channels.list", a.channelsList)
	r.Handle("youtube.playlists.list", a.playlistsList)
	r.Handle("youtube.playlistItems.list", a.playlistItemsList)
	r.Handle("youtube.search.list", a.searchList)
	r.Handle("youtube.commentThreads.list", a.commentThreadsList)
}

// Provision implements gapi.API: the public catalog exists once any account does; a seeded account also gets
// its own channel and what goes with it.
func (a *API) Provision(tx *store.Tx, acct gapi.Account, seed bool, now time.Time) error {
	if err := ensureCatalog(tx, now); err != nil {
		return err
	}
	if !seed {
		return nil
	}
	return seedAccount(tx, acct, now)
}

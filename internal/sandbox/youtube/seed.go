package youtube

import (
	"strconv"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// ownCreator is a seeded account's channel: tutorials about gog, one private draft (so owner-only visibility
// can be seen), a public and a private playlist, and comment threads on its videos.
func ownCreator(acct gapi.Account, handle string) creator {
	const minute = time.Minute
	return creator{
		channel: demoChannel{title: acct.Name, handle: handle, desc: "Tutorials about gog, Google Workspace in the terminal.",
			country: "US", keywords: "gog cli google workspace", subscribers: 1_280, daysAgo: 400},
		videos: []demoVideo{
			{key: "getting-started", title: "Getting started with gog", category: "28", daysAgo: 21, length: 6*minute + 30*time.Second,
				desc: "Sign in once, then list your calendar, contacts and videos.", tags: []string{"gog", "tutorial"},
				views: 1_520, likes: 96, comments: 3},
			{key: "scripting", title: "Scripting Google Workspace from the shell", category: "28", daysAgo: 9, length: 11*minute + 5*time.Second,
				desc: "--json, --jq and exit codes in shell scripts.", tags: []string{"gog", "shell", "jq"},
				views: 830, likes: 51, comments: 1},
			{key: "sandbox-tour", title: "A tour of the gog sandbox", category: "28", daysAgo: 2, length: 8*minute + 20*time.Second,
				desc: "Try every command without a Google account.", tags: []string{"gog", "sandbox"}, views: 210, likes: 18},
			{key: "release-draft", title: "Release notes walkthrough (draft)", category: "28", daysAgo: 1, length: 4 * minute,
				desc: "Not ready yet.", privacy: "private"},
		},
		playlists: []demoPlaylist{
			{key: "tutorials", title: "gog tutorials", desc: "From first sign-in to scripts.", daysAgo: 20,
				videos: []string{"self/getting-started", "self/scripting", "self/sandbox-tour"}},
			{key: "favourites", title: "Favourite videos", privacy: "private", daysAgo: 100,
				videos: []string{"lovelace/pipeline", "hopper/debugging-blues", "babbage/sourdough"}},
		},
		threads: []demoThread{
			{video: "self/getting-started", author: "Ada", text: "Clear and short. Subscribed.", likes: 14, daysAgo: 20},
			{video: "self/getting-started", author: "Grace Hopper", text: "Does this work with a service account too?", likes: 6, daysAgo: 15,
				replies: []demoReply{{author: acct.Name, text: "Yes: see gog auth service-account.", likes: 3}}},
			{video: "self/scripting", author: "Linus", text: "The --jq examples are gold.", likes: 9, daysAgo: 8},
		},
	}
}

// demoRatings are the seeded account's likes and dislikes (videos.list?myRating=), most recent first.
func demoRatings() []struct{ ref, rating string } {
	return []struct{ ref, rating string }{
		{"hopper/debugging-blues", "like"}, {"lovelace/pipeline", "like"}, {"noether/coop", "dislike"},
		{"babbage/sourdough", "like"}, {"turing/tokyo", "like"},
	}
}

// seedAccount gives a seeded account its channel and ratings (once: an account that has a channel keeps it).
func seedAccount(tx *store.Tx, acct gapi.Account, now time.Time) error {
	if _, ok, err := channelOf(tx, acct.Email); err != nil || ok {
		return err
	}
	handle, err := freeHandle(tx, acct)
	if err != nil {
		return err
	}
	if err := publish(tx, ownCreator(acct, handle), acct.Email, now); err != nil {
		return err
	}
	for i, r := range demoRatings() {
		rec := ratingRec{Rating: r.rating, At: now.Add(-time.Duration(i) * time.Hour)}
		if err := store.Put(tx, bucketRatings, store.Key(acct.Email, refVideoID(r.ref, "")), rec); err != nil {
			return err
		}
	}
	return nil
}

// freeHandle derives a handle from the email's local part ("ada.lovelace" → "adalovelace"), at least three
// characters, made unique with the account's sequence number when another channel has it.
func freeHandle(tx *store.Tx, acct gapi.Account) (string, error) {
	local, _, _ := strings.Cut(acct.Email, "@")
	h := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, strings.ToLower(local))
	for len(h) < 3 {
		h += "channel"
	}
	chans, err := allChannels(tx)
	if err != nil {
		return "", err
	}
	for _, ch := range chans {
		if ch.Handle == h {
			return h + strconv.Itoa(acct.Seq), nil
		}
	}
	return h, nil
}

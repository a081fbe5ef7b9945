package youtube

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/sandbox/store"
)

// creator is a channel with what it publishes. Video and thread references are "channelKey/videoKey"; "self"
// stands for the channel being published.
type creator struct {
	channel   demoChannel
	videos    []demoVideo
	playlists []demoPlaylist
	threads   []demoThread
}

// catalog is the public YouTube every sandbox account sees: five creators in different categories, with videos
// popular in several regions (US, GB, DE, FR, JP, IN, BR), playlists and comment threads.
func catalog() []creator {
	const minute = time.Minute
	return []creator{
		{channel: demoChannel{key: "lovelace", title: "Lovelace Labs", handle: "lovelacelabs", username: "lovelacelabs",
			desc: "Computing history and the command line, explained.", country: "US", keywords: "programming history shell",
			subscribers: 1_240_000, daysAgo: 3100},
			videos: []demoVideo{
				{key: "pipeline", title: "How a shell pipeline really works", category: "28", daysAgo: 40, length: 12*minute + 3*time.Second,
					desc: "Processes, pipes and file descriptors, drawn out step by step.", tags: []string{"shell", "unix", "pipes"},
					views: 2_400_000, likes: 98_000, comments: 3, popular: []string{"US", "GB", "IN"}, german: "Wie eine Shell-Pipeline wirklich funktioniert"},
				{key: "workspace-cli", title: "Building a CLI for Google Workspace", category: "28", daysAgo: 12, length: 18*minute + 40*time.Second,
					desc: "OAuth, retries and output formats for a command-line tool.", tags: []string{"google workspace", "cli", "oauth"},
					views: 860_000, likes: 41_000, comments: 1, popular: []string{"US", "DE"}},
				{key: "engine-live", title: "Live: the analytical engine, rebuilt", category: "28", daysAgo: 5, length: 95 * minute,
					desc: "A livestream of the rebuild, with questions from chat.", views: 310_000, likes: 12_500, live: true},
				{key: "punch-cards", title: "Punch cards in 60 seconds", category: "27", daysAgo: 90, length: 58 * time.Second,
					desc: "Why programs once came in boxes.", tags: []string{"history", "shorts"},
					views: 5_100_000, likes: 310_000, popular: []string{"US", "JP", "BR"}},
			},
			playlists: []demoPlaylist{{key: "cli-basics", title: "Command line basics", daysAgo: 30,
				desc: "Start here.", videos: []string{"self/pipeline", "self/workspace-cli", "self/punch-cards"}}},
			threads: []demoThread{
				{video: "self/pipeline", author: "Grace Hopper", text: "The diagram of the pipe buffer finally made it click.", likes: 412, daysAgo: 39,
					replies: []demoReply{{author: "Lovelace Labs", text: "That was the goal, thank you!", likes: 35}, {author: "Linus", text: "Same here.", likes: 4}}},
				{video: "self/pipeline", author: "Alan Turing", text: "Could you do one on signals next?", likes: 88, daysAgo: 20},
				{video: "self/pipeline", author: "Margaret Hamilton", text: "Sharing this with my whole team.", likes: 51, daysAgo: 2},
				{video: "self/workspace-cli", author: "Grace Hopper", text: "Retries with backoff deserve their own video.", likes: 17, daysAgo: 10},
			}},
		{channel: demoChannel{key: "babbage", title: "Babbage Kitchen", handle: "babbagekitchen", username: "babbagekitchen",
			desc: "Precise recipes for imprecise cooks.", country: "GB", keywords: "cooking baking recipes",
			subscribers: 2_030_000, daysAgo: 2400},
			videos: []demoVideo{
				{key: "sourdough", title: "Perfect sourdough at home", category: "26", daysAgo: 25, length: 14*minute + 10*time.Second,
					desc: "Starter, folds and a very hot oven.", tags: []string{"baking", "bread", "sourdough"},
					views: 3_900_000, likes: 150_000, comments: 2, popular: []string{"GB", "FR", "DE", "US"}, german: "Perfektes Sauerteigbrot zu Hause"},
				{key: "noodles", title: "Five-minute weeknight noodles", category: "26", daysAgo: 8, length: 5*minute + 12*time.Second,
					desc: "Dinner faster than the water boils.", tags: []string{"quick", "noodles"},
					views: 1_200_000, likes: 54_000, popular: []string{"GB", "JP"}},
				{key: "cake", title: "Difference engine cake", category: "26", daysAgo: 60, length: 9 * minute,
					desc: "A cake with working gears (almost).", views: 420_000, likes: 21_000, commentsDisabled: true},
			},
			playlists: []demoPlaylist{{key: "weeknight", title: "Weeknight dinners", daysAgo: 7,
				desc: "Quick, filling, few dishes.", videos: []string{"self/noodles", "self/sourdough"}}},
			threads: []demoThread{
				{video: "self/sourdough", author: "Ada", text: "My starter is alive! Day 6 and bubbling.", likes: 230, daysAgo: 20,
					replies: []demoReply{{author: "Babbage Kitchen", text: "Feed it twice a day now.", likes: 19}}},
				{video: "self/sourdough", author: "Linus", text: "What flour do you use?", likes: 12, daysAgo: 3},
			}},
		{channel: demoChannel{key: "hopper", title: "Hopper Sessions", handle: "hoppersessions", username: "hoppersessions",
			desc: "Music to write code to.", country: "US", keywords: "music lofi coding",
			subscribers: 5_600_000, daysAgo: 1800},
			videos: []demoVideo{
				{key: "debugging-blues", title: "Debugging Blues (Official Video)", category: "10", daysAgo: 15, length: 3*minute + 40*time.Second,
					desc: "The first single from 'Moth in the Relay'.", tags: []string{"blues", "official video"},
					views: 12_000_000, likes: 640_000, comments: 1, popular: []string{"US", "GB", "DE", "JP", "IN", "FR", "BR"}},
				{key: "lullabies", title: "Compiler lullabies: a one-hour mix", category: "10", daysAgo: 120, length: 61 * minute,
					desc: "Calm music while the build runs.", tags: []string{"mix", "study"},
					views: 7_300_000, likes: 200_000, popular: []string{"US", "BR"}},
			},
			playlists: []demoPlaylist{{key: "coding-music", title: "Coding music", daysAgo: 14,
				desc: "Focus.", videos: []string{"self/debugging-blues", "self/lullabies"}}},
			threads: []demoThread{
				{video: "self/debugging-blues", author: "Alan Turing", text: "This is stuck in my head during every on-call shift.", likes: 2_100, daysAgo: 14},
			}},
		{channel: demoChannel{key: "turing", title: "Turing Travels", handle: "turingtravels", username: "turingtravels",
			desc: "Long walks, night trains, good food.", country: "GB", keywords: "travel trains walking",
			subscribers: 880_000, daysAgo: 1500},
			videos: []demoVideo{
				{key: "tokyo", title: "48 hours in Tokyo", category: "19", daysAgo: 18, length: 22 * minute, place: "Tokyo, Japan",
					desc: "Markets, trains and a very small bar.", tags: []string{"japan", "tokyo"},
					views: 2_100_000, likes: 88_000, popular: []string{"JP", "US"}},
				{key: "bletchley", title: "Walking the Bletchley Park grounds", category: "19", daysAgo: 50, length: 16 * minute,
					place: "Bletchley, United Kingdom", desc: "Huts, lakes and history.", views: 640_000, likes: 30_000, popular: []string{"GB"}},
				{key: "mumbai", title: "Night train to Mumbai", category: "19", daysAgo: 30, length: 27 * minute, place: "Mumbai, India",
					desc: "Sleeper class, chai and sunrise.", views: 1_500_000, likes: 70_000, popular: []string{"IN"}},
			},
			playlists: []demoPlaylist{{key: "asia", title: "Asia trips", daysAgo: 17, videos: []string{"self/tokyo", "self/mumbai"}}}},
		{channel: demoChannel{key: "noether", title: "Noether Plays", handle: "noetherplays", username: "noetherplays",
			desc: "Puzzle games, speedruns and co-op chaos.", country: "DE", keywords: "gaming speedrun puzzle",
			subscribers: 1_700_000, daysAgo: 1200},
			videos: []demoVideo{
				{key: "speedrun", title: "Speedrunning the symmetry puzzle", category: "20", daysAgo: 6, length: 25 * minute,
					desc: "A new personal best, explained.", views: 4_400_000, likes: 260_000, popular: []string{"DE", "US", "FR"},
					german: "Speedrun durch das Symmetrie-Rätsel"},
				{key: "coop", title: "Co-op chaos with friends", category: "20", daysAgo: 3, length: 31 * minute,
					desc: "Four players, one bridge.", views: 2_800_000, likes: 120_000, popular: []string{"DE", "BR"}},
				{key: "raw", title: "Raw gameplay (unlisted)", category: "20", daysAgo: 2, length: 44 * minute,
					desc: "Uncut footage for members.", views: 900, likes: 80, privacy: "unlisted"},
			}},
	}
}

// ensureCatalog writes the public catalog unless an earlier provisioning did.
func ensureCatalog(tx *store.Tx, now time.Time) error {
	if _, done, err := store.Get[time.Time](tx, bucketMeta, "catalog"); err != nil || done {
		return err
	}
	for _, c := range catalog() {
		if err := publish(tx, c, "", now); err != nil {
			return err
		}
	}
	return store.Put(tx, bucketMeta, "catalog", now)
}

// channelKeyFor is the seed of a channel's ids: the catalog key, or the owning account's email.
func channelKeyFor(c creator, owner string) string {
	if owner != "" {
		return "account:" + owner
	}
	return c.channel.key
}

// refVideoID resolves a "channelKey/videoKey" reference ("self" = the channel being published).
func refVideoID(ref, self string) string {
	ch, key, _ := strings.Cut(ref, "/")
	if ch == "self" {
		ch = self
	}
	return videoID(ch + "/" + key)
}

// publish writes a creator's channel, videos, uploads playlist, playlists and comment threads.
func publish(tx *store.Tx, c creator, owner string, now time.Time) error {
	self := channelKeyFor(c, owner)
	chID := channelID(self)
	ch := buildChannel(c.channel, chID, now)
	var uploads []*youtube.Video
	for _, d := range c.videos {
		v := buildVideo(d, videoID(self+"/"+d.key), ch, owner != "", now)
		rec := videoRec{Video: v, Owner: owner, Popular: d.popular, CommentsDisabled: d.commentsDisabled}
		if err := store.Put(tx, bucketVideos, v.Id, rec); err != nil {
			return err
		}
		uploads = append(uploads, v)
		if rec.public() {
			ch.Statistics.VideoCount++
			ch.Statistics.ViewCount += d.views
		}
	}
	// The uploads playlist lists the newest first, as YouTube's does.
	slices.SortStableFunc(uploads, func(a, b *youtube.Video) int { return strings.Compare(b.Snippet.PublishedAt, a.Snippet.PublishedAt) })
	up := demoPlaylist{title: "Uploads from " + c.channel.title, daysAgo: c.channel.daysAgo}
	thumb := ""
	if len(uploads) > 0 {
		thumb = uploads[0].Id
	}
	rec := playlistRec{Playlist: buildPlaylist(up, uploadsID(chID), ch, len(uploads), thumb, now), Owner: owner, Uploads: true}
	if err := putPlaylist(tx, rec, ch, uploads, now.AddDate(0, 0, -c.channel.daysAgo)); err != nil {
		return err
	}
	for _, d := range c.playlists {
		var vids []*youtube.Video
		for _, ref := range d.videos {
			v, ok, err := store.Get[videoRec](tx, bucketVideos, refVideoID(ref, self))
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("youtube demo data: playlist %q refers to unknown video %q", d.key, ref)
			}
			vids = append(vids, v.Video)
		}
		p := buildPlaylist(d, playlistID(self+"/"+d.key), ch, len(vids), vids[0].Id, now)
		if err := putPlaylist(tx, playlistRec{Playlist: p, Owner: owner}, ch, vids, now.AddDate(0, 0, -d.daysAgo)); err != nil {
			return err
		}
	}
	for _, d := range c.threads {
		v, ok, err := store.Get[videoRec](tx, bucketVideos, refVideoID(d.video, self))
		if err != nil || !ok {
			return fmt.Errorf("youtube demo data: thread on unknown video %q (%v)", d.video, err)
		}
		t := buildThread(d, v.Video, now)
		if err := store.Put(tx, bucketThreads, store.Key(v.Video.Id, t.Id), t); err != nil {
			return err
		}
	}
	ch.Etag = etagOf(ch)
	return store.Put(tx, bucketChannels, chID, channelRec{Channel: ch, Owner: owner, Handle: c.channel.handle, Username: c.channel.username})
}

package youtube_test

import (
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestChannelsAreFoundByMineHandleUsernameAndID(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	me := mine(t, svc)
	if !strings.HasPrefix(me.Id, "UC") || len(me.Id) != 24 || me.Snippet.CustomUrl != "@you" ||
		me.ContentDetails.RelatedPlaylists.Uploads != "UU"+me.Id[2:] || me.Statistics.VideoCount != 3 {
		t.Fatalf("own channel: %+v %+v %+v", me, me.Snippet, me.Statistics)
	}
	for _, h := range []string{"@you", "you", "@YOU"} {
		r, err := svc.Channels.List([]string{"id"}).ForHandle(h).Do()
		if err != nil || len(r.Items) != 1 || r.Items[0].Id != me.Id {
			t.Errorf("forHandle %q: %v %+v", h, err, r)
		}
	}
	labs, err := svc.Channels.List([]string{"snippet", "statistics"}).ForUsername("LovelaceLabs").Do()
	if err != nil || len(labs.Items) != 1 || labs.Items[0].Snippet.Title != "Lovelace Labs" || labs.Items[0].Statistics.SubscriberCount == 0 {
		t.Fatalf("forUsername: %v %+v", err, labs)
	}
	both, err := svc.Channels.List([]string{"snippet"}).Id(me.Id + "," + labs.Items[0].Id + ",UCnope").Do()
	if err != nil || len(both.Items) != 2 || both.Items[0].Id != me.Id || both.PageInfo.TotalResults != 2 {
		t.Fatalf("id list in the order asked: %v %+v", err, both)
	}
	tok := sb.MintToken(sandboxtest.Account, scopeRO).AccessToken
	code, body := rawGet(t, sb, tok, "/youtube/v3/channels?part=id&forHandle=@nobody-here")
	if _, has := body["items"]; code != 200 || has || body["kind"] != "youtube#channelListResponse" {
		t.Errorf("no match: YouTube leaves items out: %d %v", code, body)
	}
	_, err = svc.Channels.List([]string{"id"}).Mine(true).ForHandle("@you").Do()
	googleErr(t, err, 400, "incompatibleParameters")
}

func TestAnUnseededAccountSeesTheCatalogButHasNoChannel(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	sb.CreateAccount("grace@example.com", false)
	svc := serviceFor(t, sb, "grace@example.com", scopeRO)
	r, err := svc.Channels.List([]string{"id"}).Mine(true).Do()
	if err != nil || len(r.Items) != 0 {
		t.Fatalf("mine for an account without a channel: %v %+v", err, r)
	}
	if len(popular(t, svc, "GB")) == 0 {
		t.Fatal("the public catalog is missing")
	}
}

func TestAChannelsHandleIsUniqueAcrossAccounts(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	sb.CreateAccount("you@example.org", true)
	r, err := serviceFor(t, sb, "you@example.org", scopeRO).Channels.List([]string{"snippet"}).Mine(true).Do()
	if err != nil || len(r.Items) != 1 || r.Items[0].Snippet.CustomUrl == "@you" || !strings.HasPrefix(r.Items[0].Snippet.CustomUrl, "@you") {
		t.Fatalf("second @you: %v %+v", err, r.Items[0].Snippet)
	}
}

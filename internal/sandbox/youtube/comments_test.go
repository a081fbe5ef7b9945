package youtube_test

import (
	"testing"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

func TestCommentThreadsNeedForceSSL(t *testing.T) {
	t.Parallel()
	_, svc := newService(t) // youtube.readonly only
	v := "anything"
	_, err := svc.CommentThreads.List([]string{"snippet"}).VideoId(v).Do()
	googleErr(t, err, 403, "insufficientPermissions")
}

func TestCommentThreadsOfAVideoNewestFirstWithReplies(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	svc := serviceFor(t, sb, sandboxtest.Account, scopeSSL)
	pipeline := searchVideo(t, svc, "shell pipeline")
	r, err := svc.CommentThreads.List([]string{"snippet", "replies"}).VideoId(pipeline).Do()
	if err != nil || len(r.Items) != 3 || r.PageInfo.ResultsPerPage != 20 {
		t.Fatalf("threads: %v %+v", err, r)
	}
	for i := 1; i < len(r.Items); i++ {
		if r.Items[i].Snippet.TopLevelComment.Snippet.PublishedAt > r.Items[i-1].Snippet.TopLevelComment.Snippet.PublishedAt {
			t.Error("not newest first")
		}
	}
	var replies int
	for _, th := range r.Items {
		if th.Snippet.VideoId != pipeline || th.Snippet.TopLevelComment.Kind != "youtube#comment" {
			t.Errorf("thread shape: %+v", th.Snippet)
		}
		if th.Replies != nil {
			replies += len(th.Replies.Comments)
		}
	}
	if replies != 2 {
		t.Errorf("%d replies, want 2", replies)
	}
	liked, err := svc.CommentThreads.List([]string{"snippet"}).VideoId(pipeline).Order("relevance").MaxResults(1).Do()
	if err != nil || liked.Items[0].Snippet.TopLevelComment.Snippet.LikeCount != 412 || liked.NextPageToken == "" {
		t.Fatalf("relevance: %v %+v", err, liked)
	}
	found, err := svc.CommentThreads.List([]string{"id"}).VideoId(pipeline).SearchTerms("signals").Do()
	if err != nil || len(found.Items) != 1 {
		t.Fatalf("searchTerms: %v %+v", err, found)
	}
	channel := r.Items[0].Snippet.ChannelId
	all, err := svc.CommentThreads.List([]string{"snippet"}).AllThreadsRelatedToChannelId(channel).Do()
	if err != nil || len(all.Items) != 4 {
		t.Fatalf("allThreadsRelatedToChannelId: %v %d", err, len(all.Items))
	}
	_, err = svc.CommentThreads.List([]string{"snippet"}).VideoId(pipeline).MaxResults(101).Do()
	googleErr(t, err, 400, "invalidParameter")
}

func TestCommentThreadsAnswerVideoNotFoundAndCommentsDisabled(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	svc := serviceFor(t, sb, sandboxtest.Account, scopeSSL)
	_, err := svc.CommentThreads.List([]string{"snippet"}).VideoId("nope").Do()
	googleErr(t, err, 404, "videoNotFound")
	_, err = svc.CommentThreads.List([]string{"snippet"}).VideoId(searchVideo(t, svc, "difference engine cake")).Do()
	googleErr(t, err, 403, "commentsDisabled")
	_, err = svc.CommentThreads.List([]string{"snippet"}).Do()
	googleErr(t, err, 400, "missingRequiredParameter")
}

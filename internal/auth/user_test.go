package auth

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/googleerr"
	"github.com/gogcli/gog/internal/transport"
)

var (
	_ transport.Credentials    = (*UserCredentials)(nil)
	_ transport.ScopeRecoverer = (*UserCredentials)(nil)
	_ transport.Credentials    = (*mintedCredentials)(nil)
	_ transport.Credentials    = staticToken("")
)

func TestFreshCachedTokenIsUsedWithoutCallingTheTokenEndpoint(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.signedIn("ada@example.com", w.clk.Now().Add(30*time.Minute))
	for range 3 {
		tok, err := m.User("ada@example.com").Token(context.Background())
		if err != nil || tok.AccessToken != "ya29.cached" {
			t.Fatalf("Token = %v, %v", tok, err)
		}
	}
	// A second process reads the same cache.
	if tok, err := w.newManager().User("ada@example.com").Token(context.Background()); err != nil || tok.AccessToken != "ya29.cached" {
		t.Fatalf("second process: %v, %v", tok, err)
	}
	if n := w.fake.count("refresh_token"); n != 0 {
		t.Fatalf("token endpoint called %d times, want 0", n)
	}
}

func TestTokenWithinTheSafetyMarginIsRefreshed(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.signedIn("ada@example.com", w.clk.Now().Add(SafetyMargin-time.Second))
	tok, err := m.User("ada@example.com").Token(context.Background())
	if err != nil || tok.AccessToken != "ya29.token-1" {
		t.Fatalf("Token = %v, %v", tok, err)
	}
	if got := w.record("ada@example.com"); got.AccessToken != "ya29.token-1" || got.Generation != 2 ||
		!got.Expiry.Equal(w.clk.Now().Add(3599*time.Second)) {
		t.Fatalf("stored record = %+v", got)
	}
}

func TestExpiredTokenIsRefreshedOnceFor32Goroutines(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.signedIn("ada@example.com", w.clk.Now().Add(-time.Minute))
	u := m.User("ada@example.com")
	var wg sync.WaitGroup
	toks := make([]string, 32)
	for i := range toks {
		wg.Go(func() {
			tok, err := u.Token(context.Background())
			if err != nil {
				t.Error(err)
				return
			}
			toks[i] = tok.AccessToken
		})
	}
	wg.Wait()
	for _, tok := range toks {
		if tok != "ya29.token-1" {
			t.Fatalf("tokens = %v", toks)
		}
	}
	if n := w.fake.count("refresh_token"); n != 1 {
		t.Fatalf("refreshes = %d, want 1", n)
	}
}

func TestRefreshIsSerializedAcrossProcesses(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.signedIn("ada@example.com", w.clk.Now().Add(-time.Minute))
	// Each Manager is a process: its own in-memory cache, its own file-lock handle, the same store and locks.
	var wg sync.WaitGroup
	for range 8 {
		m := w.newManager()
		wg.Go(func() {
			if _, err := m.User("ada@example.com").Token(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := w.fake.count("refresh_token"); n != 1 {
		t.Fatalf("refreshes = %d, want 1", n)
	}
}

func TestProcessThatWaitedForTheLockUsesTheTokenTheHolderMinted(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.signedIn("ada@example.com", w.clk.Now().Add(-time.Minute))
	first, second := w.newManager(), w.newManager()
	// While the first process refreshes (holding the lock), the second asks for a token.
	done := make(chan string, 1)
	w.fake.onRefresh = func() {
		w.fake.onRefresh = nil
		go func() {
			tok, err := second.User("ada@example.com").Token(context.Background())
			if err != nil {
				t.Error(err)
			}
			done <- tok.AccessToken
		}()
	}
	if _, err := first.User("ada@example.com").Token(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := <-done; got != "ya29.token-1" {
		t.Fatalf("second process got %q, want the first one's token", got)
	}
	if n := w.fake.count("refresh_token"); n != 1 {
		t.Fatalf("refreshes = %d, want 1", n)
	}
}

func TestForceRefreshReplacesTheRejectedTokenOnceFor32Goroutines(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.signedIn("ada@example.com", w.clk.Now().Add(time.Hour))
	u := m.User("ada@example.com")
	var wg sync.WaitGroup
	for range 32 {
		wg.Go(func() {
			tok, err := u.ForceRefresh(context.Background(), "ya29.cached")
			if err != nil || tok.AccessToken != "ya29.token-1" {
				t.Errorf("ForceRefresh = %v, %v", tok, err)
			}
		})
	}
	wg.Wait()
	if n := w.fake.count("refresh_token"); n != 1 {
		t.Fatalf("refreshes = %d, want 1", n)
	}
	// Rejecting the new token mints another.
	if tok, err := u.ForceRefresh(context.Background(), "ya29.token-1"); err != nil || tok.AccessToken != "ya29.token-2" {
		t.Fatalf("second ForceRefresh = %v, %v", tok, err)
	}
	if got := w.record("ada@example.com"); got.AccessToken != "ya29.token-2" || got.Generation != 3 {
		t.Fatalf("stored = %+v", got)
	}
}

func TestForceRefreshInAnotherProcessUsesTheTokenAlreadyReplaced(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.signedIn("ada@example.com", w.clk.Now().Add(time.Hour))
	if _, err := w.newManager().User("ada@example.com").ForceRefresh(context.Background(), "ya29.cached"); err != nil {
		t.Fatal(err)
	}
	tok, err := w.newManager().User("ada@example.com").ForceRefresh(context.Background(), "ya29.cached")
	if err != nil || tok.AccessToken != "ya29.token-1" {
		t.Fatalf("ForceRefresh = %v, %v", tok, err)
	}
	if n := w.fake.count("refresh_token"); n != 1 {
		t.Fatalf("refreshes = %d, want 1", n)
	}
}

func TestFailedForceRefreshLeavesTheCachedTokenAsItWas(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.signedIn("ada@example.com", w.clk.Now().Add(time.Hour))
	u := m.User("ada@example.com")
	if _, err := u.Token(context.Background()); err != nil {
		t.Fatal(err)
	}
	w.fake.failCode, w.fake.status = "invalid_grant", 400
	_, err := u.ForceRefresh(context.Background(), "ya29.cached")
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) || re.ErrorCode != "invalid_grant" {
		t.Fatalf("err = %v, want a RetrieveError invalid_grant", err)
	}
	if tok, err := u.Token(context.Background()); err != nil || tok.AccessToken != "ya29.cached" {
		t.Fatalf("Token after failure = %v, %v", tok, err)
	}
	if got := w.record("ada@example.com"); got.AccessToken != "ya29.cached" || got.Generation != 1 {
		t.Fatalf("stored = %+v", got)
	}
	if n := w.fake.count("refresh_token"); n != 1 {
		t.Fatalf("refresh attempts = %d, want exactly 1 (no retry)", n)
	}
}

func TestRevokedRefreshTokenIsExit4WithTheForceConsentCommand(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.signedIn("ada@example.com", w.clk.Now().Add(-time.Hour))
	w.fake.failCode, w.fake.status = "invalid_grant", 400
	_, err := m.User("ada@example.com").Token(context.Background())
	e := googleerr.FromError(err, googleerr.HintContext{Account: "ada@example.com"})
	if e.Class != errs.Auth || !strings.Contains(e.Hint, "gog auth add ada@example.com --force-consent") ||
		!strings.Contains(e.Hint, "7 days") || !strings.Contains(e.Message, "expired or revoked") {
		t.Fatalf("error = %+v", e)
	}
}

func TestRotatedRefreshTokenIsPersisted(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.signedIn("ada@example.com", w.clk.Now().Add(-time.Hour))
	w.fake.rotate = true
	if _, err := m.User("ada@example.com").Token(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := w.record("ada@example.com"); got.RefreshToken != "1//rotated-1" {
		t.Fatalf("refresh token = %q", got.RefreshToken)
	}
	w.fake.rotate = false
	if _, err := w.newManager().User("ada@example.com").ForceRefresh(context.Background(), "ya29.token-1"); err != nil {
		t.Fatal(err)
	}
	w.fake.mu.Lock()
	last := w.fake.forms[len(w.fake.forms)-1]
	w.fake.mu.Unlock()
	if last.Get("refresh_token") != "1//rotated-1" || last.Get("client_secret") != "GOCSPX-secret" {
		t.Fatalf("refresh used %v", last)
	}
}

func TestRefreshRecordsTheGrantedScopes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.signedIn("ada@example.com", w.clk.Now().Add(-time.Hour))
	w.fake.scope = "email https://www.googleapis.com/auth/youtube.readonly openid"
	if _, err := m.User("ada@example.com").Token(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := w.record("ada@example.com").Granted
	want := []string{"https://www.googleapis.com/auth/userinfo.email", "https://www.googleapis.com/auth/youtube.readonly", "openid"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("granted = %v, want %v", got, want)
	}
}

func TestOlderTokenNeverReplacesANewerOneInMemory(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.signedIn("ada@example.com", w.clk.Now().Add(time.Hour))
	u := m.User("ada@example.com")
	newer := &TokenRecord{AccessToken: "new", Expiry: w.clk.Now().Add(2 * time.Hour)}
	older := &TokenRecord{AccessToken: "old", Expiry: w.clk.Now().Add(time.Hour)}
	u.remember(newer)
	u.remember(older)
	if tok := u.fresh(""); tok == nil || tok.AccessToken != "new" {
		t.Fatalf("cached = %v, want the newer token", tok)
	}
}

func TestSignedOutAccountIsNotSignedIn(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.signedIn("ada@example.com", w.clk.Now().Add(time.Hour))
	if _, err := m.SignOut(context.Background(), "ada@example.com", false); err != nil {
		t.Fatal(err)
	}
	_, err := w.newManager().User("ada@example.com").Token(context.Background())
	if e, ok := errs.As(err); !ok || e.Class != errs.Auth || !strings.Contains(e.Hint, "gog auth add ada@example.com") {
		t.Fatalf("err = %v", err)
	}
}

func TestWaitingForTheLockStopsWhenTheContextEnds(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	release, err := newFileLock(w.locks, "r", "ada@example.com", w.clk).acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx, cancel := context.WithCancel(context.Background())
	clk := clock.NewFake(w.clk.Now())
	sleeps := 0
	clk.OnSleep = func(time.Duration) {
		if sleeps++; sleeps == 3 {
			cancel()
		}
	}
	_, err = newFileLock(w.locks, "r", "ada@example.com", clk).acquire(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

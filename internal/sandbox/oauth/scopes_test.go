package oauth

import (
	"testing"
	"time"
)

func TestScopeAliasesExpandLikeGoogle(t *testing.T) {
	t.Parallel()
	got := NormalizeScopes("email profile", "openid email")
	want := []string{ScopeEmail, ScopeProfile, ScopeOpenID}
	if len(got) != 3 {
		t.Fatalf("NormalizeScopes = %v", got)
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("%s missing from %v", w, got)
		}
	}
}

func TestExpiresInIsASecondShortButNeverZero(t *testing.T) {
	t.Parallel()
	for ttl, want := range map[time.Duration]int{time.Hour: 3599, 10 * time.Minute: 599, time.Second: 1, 0: 1} {
		if got := expiresIn(ttl); got != want {
			t.Errorf("expiresIn(%v) = %d, want %d", ttl, got, want)
		}
	}
}

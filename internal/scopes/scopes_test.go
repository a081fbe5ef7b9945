package scopes

import (
	"slices"
	"testing"
)

func TestForAddsIdentityAndPicksReadOnlyVariants(t *testing.T) {
	t.Parallel()
	got := For([]string{"calendar", "contacts"}, true, []string{"youtube.force-ssl"})
	for _, want := range []string{"openid", prefix + "userinfo.email", prefix + "calendar.readonly",
		prefix + "contacts.readonly", prefix + "youtube.force-ssl"} {
		if !slices.Contains(got, want) {
			t.Errorf("For lacks %s: %v", want, got)
		}
	}
	if slices.Contains(got, prefix+"calendar") {
		t.Errorf("read-only must not request the full calendar scope: %v", got)
	}
}

func TestParseServicesRejectsUnknownNamesAndExpandsAll(t *testing.T) {
	t.Parallel()
	if _, err := ParseServices("calendar,mail"); err == nil {
		t.Fatal("unknown service accepted")
	}
	all, _ := ParseServices("all")
	if len(all) != len(table()) {
		t.Fatalf("all = %v", all)
	}
}

func TestMissingAndParseUnderstandGooglesShortForms(t *testing.T) {
	t.Parallel()
	granted := Parse("email openid https://www.googleapis.com/auth/calendar")
	if m := Missing([]string{prefix + "userinfo.email", prefix + "calendar", prefix + "drive"}, granted); !slices.Equal(m, []string{prefix + "drive"}) {
		t.Fatalf("missing = %v", m)
	}
}

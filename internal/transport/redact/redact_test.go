package redact

import "testing"

func TestStringLeavesOrdinaryTextAlone(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"GET https://www.googleapis.com/calendar/v3/calendars/primary/events?pageToken=abc&syncToken=def&maxResults=250",
		"oauth2: \"invalid_grant\" \"Token has been expired or revoked.\"",
		"Request had insufficient authentication scopes.",
		"",
	} {
		if got := String(s); got != s {
			t.Errorf("String(%q) = %q", s, got)
		}
	}
}

// FuzzString: any input comes out without a Google-shaped secret, and without a panic.
func FuzzString(f *testing.F) {
	for _, s := range []string{"access_token=ya29.abc", "Authorization: Bearer x", `{"refresh_token":"1//0abc\"def"}`,
		"4/0AX4XfWh-abcdefghijklmnop", "GOCSPX-abc", "ya29.ya29.", "code=&code="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := String(s)
		if shapeRE.MatchString(out) {
			t.Fatalf("String(%q) = %q still holds a secret shape", s, out)
		}
	})
}

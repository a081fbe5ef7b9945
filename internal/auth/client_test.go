package auth

import (
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/errs"
)

func TestClientJSONFromTheConsoleIsParsed(t *testing.T) {
	t.Parallel()
	raw := `{"installed":{"client_id":"123.apps.googleusercontent.com","project_id":"p","auth_uri":"https://accounts.google.com/o/oauth2/auth",
	"token_uri":"https://oauth2.googleapis.com/token","client_secret":"GOCSPX-abc","redirect_uris":["http://localhost"]}}`
	c, err := ParseClientJSON([]byte(raw), GoogleRealm)
	if err != nil || c.ClientID != "123.apps.googleusercontent.com" || c.ClientSecret != "GOCSPX-abc" || c.ProjectID != "p" {
		t.Fatalf("ParseClientJSON = %+v, %v", c, err)
	}
}

func TestClientJSONIsRefusedWithTheFix(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, raw string
		realm     Realm
		hint      string
	}{
		{"web client", `{"web":{"client_id":"c","client_secret":"s"}}`, GoogleRealm, "Desktop app"},
		{"not JSON", `nope`, GoogleRealm, "Desktop app client JSON"},
		{"no secret", `{"installed":{"client_id":"c"}}`, GoogleRealm, "again"},
		{"sandbox client for Google", `{"installed":{"client_id":"c","client_secret":"s","token_uri":"http://127.0.0.1:9/token"}}`, GoogleRealm,
			"gog --endpoint http://127.0.0.1:9"},
		{"Google client for an endpoint", `{"installed":{"client_id":"c","client_secret":"s","token_uri":"https://oauth2.googleapis.com/token"}}`,
			"http://127.0.0.1:9", "without --endpoint"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseClientJSON([]byte(tc.raw), tc.realm)
			e, ok := errs.As(err)
			if !ok || e.Class != errs.Usage || !strings.Contains(e.Hint, tc.hint) {
				t.Fatalf("err = %+v, want usage with hint containing %q", err, tc.hint)
			}
			if strings.Contains(e.Error(), `"s"`) {
				t.Fatal("the message must not echo the secret")
			}
		})
	}
}

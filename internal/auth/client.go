package auth

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/gogcli/gog/internal/errs"
)

// DefaultClientName is the name of the OAuth client used when neither --client nor default_client names one.
const DefaultClientName = "default"

// ClientCredentials is an OAuth client: the Desktop-app client JSON that Google's console downloads (and the
// sandbox's /_sandbox/clients returns), reduced to what gog uses. It lives in the secret store because of the
// client secret.
type ClientCredentials struct {
	Name         string `json:"name"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	ProjectID    string `json:"project_id,omitempty"`
	TokenURI     string `json:"token_uri,omitempty"`
}

// clientFile is the console's download: {"installed": {...}} for a Desktop app, {"web": {...}} for a web app.
type clientFile struct {
	Installed *clientSection `json:"installed"`
	Web       *clientSection `json:"web"`
}

type clientSection struct {
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	ProjectID    string `json:"project_id"`
	AuthURI      string `json:"auth_uri"`
	TokenURI     string `json:"token_uri"`
}

var clientNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// ValidClientName reports whether name can name a stored client.
func ValidClientName(name string) error {
	if !clientNameRE.MatchString(name) {
		return errs.Usagef("client name %q is not valid", name).
			WithHint("use letters, digits, '.', '_' or '-' (at most 64), e.g. --client work")
	}
	return nil
}

// ParseClientJSON reads a client JSON for realm r. It refuses what cannot sign in from a terminal (a web
// client) and a client that belongs to another realm (a sandbox client stored for Google, or the reverse),
// naming the command that stores it where it belongs.
func ParseClientJSON(raw []byte, r Realm) (*ClientCredentials, error) {
	var f clientFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, errs.Wrap(err, errs.Usage, "the client file is not valid JSON: %v", err).
			WithHint("download the Desktop app client JSON from https://console.cloud.google.com/apis/credentials")
	}
	sec := f.Installed
	if sec == nil {
		if f.Web != nil {
			return nil, errs.Usagef("this is a Web application client; gog signs in as a Desktop app").
				WithHint("create an OAuth client of type \"Desktop app\" in the Cloud console and download its JSON")
		}
		return nil, errs.Usagef("the client file has no \"installed\" section").
			WithHint("download the Desktop app client JSON from https://console.cloud.google.com/apis/credentials")
	}
	if sec.ClientID == "" || sec.ClientSecret == "" {
		return nil, errs.Usagef("the client file lacks client_id or client_secret").
			WithHint("download the client JSON again from the Cloud console")
	}
	if err := checkTokenURIRealm(sec.TokenURI, r); err != nil {
		return nil, err
	}
	return &ClientCredentials{ClientID: sec.ClientID, ClientSecret: sec.ClientSecret, ProjectID: sec.ProjectID, TokenURI: sec.TokenURI}, nil
}

// googleTokenHosts are the hosts Google's own credential files name as token endpoint.
var googleTokenHosts = map[string]bool{"oauth2.googleapis.com": true, "accounts.google.com": true, "www.googleapis.com": true}

// realmOfTokenURI returns the realm a credential file's token_uri belongs to ("" counts as Google's).
func realmOfTokenURI(tokenURI string) (Realm, error) {
	if tokenURI == "" {
		return GoogleRealm, nil
	}
	u, err := url.Parse(tokenURI)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("token_uri %q is not a URL", tokenURI)
	}
	if googleTokenHosts[strings.ToLower(u.Hostname())] {
		return GoogleRealm, nil
	}
	// The endpoint layout puts the token endpoint at <base>/token.
	base := strings.TrimSuffix(strings.TrimRight(tokenURI, "/"), "/token")
	return Realm(base), nil
}

func checkTokenURIRealm(tokenURI string, r Realm) error {
	got, err := realmOfTokenURI(tokenURI)
	if err != nil {
		return errs.Wrap(err, errs.Usage, "%v", err).WithHint("download the credential file again")
	}
	if got == r {
		return nil
	}
	if got.IsGoogle() {
		return errs.Usagef("these credentials are for Google, not for %s", r).
			WithHint("run the command without --endpoint/--sandbox to store them for Google")
	}
	return errs.Usagef("these credentials belong to %s, not to %s", got, realmLabel(r)).
		WithHint("run: gog --endpoint %s ...", got)
}

// realmLabel is a realm as a person reads it.
func realmLabel(r Realm) string {
	if r.IsGoogle() {
		return "Google"
	}
	return string(r)
}

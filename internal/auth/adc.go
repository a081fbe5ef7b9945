package auth

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"runtime"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/scopes"
	"github.com/gogcli/gog/internal/transport"
)

// adcFile is an Application Default Credentials file: gcloud's authorized_user or a service-account key.
type adcFile struct {
	Type         string `json:"type"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	RefreshToken string `json:"refresh_token"`
	// TokenURI is not written by gcloud (its files are Google's); gog honours it so that an ADC file can belong to
	// another realm (the sandbox) under the same realm rule as every other credential.
	TokenURI    string `json:"token_uri"`
	ClientEmail string `json:"client_email"`
}

// ADCPath finds the ADC file as Google's libraries do: GOOGLE_APPLICATION_CREDENTIALS, else gcloud's
// well-known file (CLOUDSDK_CONFIG, %APPDATA%\gcloud on Windows, ~/.config/gcloud elsewhere).
func ADCPath(getenv func(string) string) string {
	if p := getenv("GOOGLE_APPLICATION_CREDENTIALS"); p != "" {
		return p
	}
	const name = "application_default_credentials.json"
	if d := getenv("CLOUDSDK_CONFIG"); d != "" {
		return filepath.Join(d, name)
	}
	if runtime.GOOS == "windows" {
		return filepath.Join(getenv("APPDATA"), "gcloud", name)
	}
	return filepath.Join(getenv("HOME"), ".config", "gcloud", name)
}

// adcScopes are requested for ADC service accounts: every gog service.
func adcScopes() []string { return scopes.For(scopes.Names(), false, nil) }

// ADC returns Application Default Credentials. account, when set and the file is a service-account key for
// another address, is the domain-wide-delegation subject. It returns the credentials, the service account's
// address ("" for authorized_user) and the file used.
func (m *Manager) ADC(getenv func(string) string, account string) (transport.Credentials, string, string, error) {
	path := ADCPath(getenv)
	raw, err := os.ReadFile(path)
	if err != nil {
		hint := "run: gcloud auth application-default login, or set GOOGLE_APPLICATION_CREDENTIALS to a key file"
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", path, errs.New(errs.Auth, "GOG_AUTH_MODE=adc, but there is no ADC file at %s", path).WithHint("%s", hint)
		}
		return nil, "", path, errs.Wrap(err, errs.Config, "cannot read the ADC file %s: %v", path, err).WithHint("%s", hint)
	}
	var f adcFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, "", path, errs.Wrap(err, errs.Config, "the ADC file %s is not valid JSON", path).
			WithHint("run: gcloud auth application-default login")
	}
	switch f.Type {
	case "authorized_user":
		if f.ClientID == "" || f.RefreshToken == "" {
			return nil, "", path, errs.New(errs.Config, "the ADC file %s lacks client_id or refresh_token", path).
				WithHint("run: gcloud auth application-default login")
		}
		if err := checkTokenURIRealm(f.TokenURI, m.realm); err != nil {
			return nil, "", path, adcRealmError(err, path)
		}
		return newMinted(m.opts.Clock.Now, func(ctx context.Context) (*tokenResponse, error) {
			return m.tokenEndpoint("").post(ctx, url.Values{
				"grant_type": {"refresh_token"}, "refresh_token": {f.RefreshToken},
				"client_id": {f.ClientID}, "client_secret": {f.ClientSecret},
			})
		}), "", path, nil
	case "service_account":
		k, err := ParseServiceAccountKey(raw, m.realm)
		if err != nil {
			return nil, "", path, adcRealmError(err, path)
		}
		subject := ""
		if account != "" && normalizeEmail(account) != normalizeEmail(k.ClientEmail) {
			subject = normalizeEmail(account)
		}
		return m.jwtCredentials(k, subject, adcScopes()), k.ClientEmail, path, nil
	default:
		return nil, "", path, errs.New(errs.Config, "the ADC file %s has type %q, which gog does not support", path, f.Type).
			WithHint("use an authorized_user file (gcloud auth application-default login) or a service-account key")
	}
}

func adcRealmError(err error, path string) error {
	if e, ok := errs.As(err); ok {
		return &errs.Error{Class: errs.Auth, Message: "ADC file " + path + ": " + e.Message, Hint: e.Hint, Err: err}
	}
	return err
}

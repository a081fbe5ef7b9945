package sandbox_test

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2/google"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

type saKey struct {
	PrivateKey   string `json:"private_key"`
	PrivateKeyID string `json:"private_key_id"`
	ClientEmail  string `json:"client_email"`
	TokenURI     string `json:"token_uri"`
}

// signAssertion builds a jwt-bearer assertion by hand, so the test controls iat/exp against the sandbox clock.
func signAssertion(t *testing.T, key saKey, claims map[string]any, signer *rsa.PrivateKey) string {
	t.Helper()
	if signer == nil {
		block, _ := pem.Decode([]byte(key.PrivateKey))
		k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		signer = k.(*rsa.PrivateKey)
	}
	h, _ := json.Marshal(map[string]string{"alg": "RS256", "typ": "JWT", "kid": key.PrivateKeyID})
	c, _ := json.Marshal(claims)
	in := base64.RawURLEncoding.EncodeToString(h) + "." + base64.RawURLEncoding.EncodeToString(c)
	sum := sha256.Sum256([]byte(in))
	sig, err := rsa.SignPKCS1v15(rand.Reader, signer, crypto.SHA256, sum[:])
	if err != nil {
		t.Fatal(err)
	}
	return in + "." + base64.RawURLEncoding.EncodeToString(sig)
}

func jwtGrant(t *testing.T, sb *sandboxtest.Sandbox, assertion string) (int, map[string]any) {
	t.Helper()
	resp, err := http.PostForm(sb.URL+"/token", url.Values{"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"}, "assertion": {assertion}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func TestServiceAccountKeyWorksWithGooglesJWTConfig(t *testing.T) {
	t.Parallel()
	// x/oauth2/jwt stamps iat with the wall clock, so this sandbox's clock starts there.
	sb := sandboxtest.NewWith(t, sandboxtest.Options{Clock: clock.NewFake(time.Now())})
	keyJSON := sb.ServiceAccountKey("robot-1")
	ctx := context.Background()

	conf, err := google.JWTConfigFromJSON(keyJSON, scopeCalendarRO)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := conf.TokenSource(ctx).Token()
	if err != nil {
		t.Fatalf("jwt-bearer without sub: %v", err)
	}
	list, err := calendarService(t, sb, tok.AccessToken).CalendarList.List().Do()
	if err != nil || len(list.Items) != 1 || list.Items[0].Id != "robot-1@gog-sandbox.iam.gserviceaccount.com" {
		t.Fatalf("service account acts as itself: %v %+v", err, list)
	}

	conf.Subject = sandboxtest.Account
	tok, err = conf.TokenSource(ctx).Token()
	if err != nil {
		t.Fatalf("jwt-bearer with sub: %v", err)
	}
	list, err = calendarService(t, sb, tok.AccessToken).CalendarList.List().Do()
	if err != nil || list.Items[0].Id != sandboxtest.Account {
		t.Fatalf("delegation acts as the subject: %v %+v", err, list)
	}

	conf.Subject = "nobody@example.com"
	// x/oauth2/jwt does not parse the error code out of the body; the body is Google's.
	if _, err := conf.TokenSource(ctx).Token(); !strings.Contains(string(retrieveError(t, err).Body), `"invalid_grant"`) {
		t.Errorf("unknown subject: %v", err)
	}
}

func TestJWTBearerChecksSignatureAudienceAndLifetime(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	var key saKey
	if err := json.Unmarshal(sb.ServiceAccountKey("checker-1"), &key); err != nil {
		t.Fatal(err)
	}
	now := sb.Server.Now()
	claims := func(mod func(map[string]any)) map[string]any {
		c := map[string]any{"iss": key.ClientEmail, "scope": scopeCalendarRO, "aud": key.TokenURI,
			"iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
		if mod != nil {
			mod(c)
		}
		return c
	}
	if code, out := jwtGrant(t, sb, signAssertion(t, key, claims(nil), nil)); code != 200 || out["access_token"] == nil {
		t.Fatalf("valid assertion: %d %v", code, out)
	}
	other, _ := rsa.GenerateKey(rand.Reader, 1024)
	cases := map[string]struct {
		claims map[string]any
		signer *rsa.PrivateKey
		desc   string
	}{
		"foreign signature": {claims(nil), other, "Invalid JWT Signature."},
		"wrong audience":    {claims(func(c map[string]any) { c["aud"] = "https://example.com/token" }), nil, ""},
		"expired":           {claims(func(c map[string]any) { c["iat"], c["exp"] = now.Add(-2*time.Hour).Unix(), now.Add(-time.Hour).Unix() }), nil, ""},
		"too long":          {claims(func(c map[string]any) { c["exp"] = now.Add(3 * time.Hour).Unix() }), nil, ""},
	}
	for name, c := range cases {
		code, out := jwtGrant(t, sb, signAssertion(t, key, c.claims, c.signer))
		if code != 400 || out["error"] != "invalid_grant" || (c.desc != "" && out["error_description"] != c.desc) {
			t.Errorf("%s: %d %v", name, code, out)
		}
	}
	code, out := jwtGrant(t, sb, signAssertion(t, key, claims(func(c map[string]any) { c["scope"] = "https://example.com/nope" }), nil))
	if code != 400 || out["error"] != "invalid_scope" {
		t.Errorf("unknown scope: %d %v", code, out)
	}
}

package auth

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
	"strings"
	"testing"
	"time"
)

var testKey = func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
}()

func testKeyJSON(t *testing.T, tokenURI string) []byte {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(testKey)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(map[string]string{"type": "service_account", "project_id": "p", "private_key_id": "kid1",
		"private_key":  string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})),
		"client_email": "robot@p.iam.gserviceaccount.com", "token_uri": tokenURI})
	return raw
}

func TestServiceAccountDelegatesToTheAccountWithASignedJWT(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.newManager()
	ctx := context.Background()
	if _, err := m.SaveServiceAccount(ctx, "ada@corp.example", testKeyJSON(t, testBase+"/token"), []string{"calendar"},
		[]string{"https://www.googleapis.com/auth/calendar"}); err != nil {
		t.Fatal(err)
	}
	res, err := m.Resolve(ctx, Choice{Account: "ada@corp.example"})
	if err != nil || res.Mode != ModeServiceAccount || !res.Delegated || res.ServiceAccount != "robot@p.iam.gserviceaccount.com" {
		t.Fatalf("Resolve = %+v, %v", res, err)
	}
	for range 3 {
		if _, err := res.Credentials.Token(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := w.fake.count("urn:ietf:params:oauth:grant-type:jwt-bearer"); n != 1 {
		t.Fatalf("jwt grants = %d, want 1 (cached in memory)", n)
	}
	w.fake.mu.Lock()
	assertion := w.fake.forms[0].Get("assertion")
	w.fake.mu.Unlock()
	claims := verifyJWT(t, assertion)
	now := w.clk.Now().Unix()
	if claims["iss"] != "robot@p.iam.gserviceaccount.com" || claims["sub"] != "ada@corp.example" ||
		claims["aud"] != testBase+"/token" || claims["scope"] != "https://www.googleapis.com/auth/calendar" ||
		int64(claims["iat"].(float64)) != now || int64(claims["exp"].(float64)) != now+3600 {
		t.Fatalf("claims = %v", claims)
	}
}

func TestServiceAccountActingAsItselfHasNoSubject(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.newManager()
	ctx := context.Background()
	sa, err := m.SaveServiceAccount(ctx, "robot@p.iam.gserviceaccount.com", testKeyJSON(t, testBase+"/token"), nil, []string{"openid"})
	if err != nil || sa.Delegated {
		t.Fatalf("SaveServiceAccount = %+v, %v", sa, err)
	}
	res, err := m.Resolve(ctx, Choice{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := res.Credentials.Token(ctx); err != nil {
		t.Fatal(err)
	}
	w.fake.mu.Lock()
	claims := verifyJWT(t, w.fake.forms[0].Get("assertion"))
	w.fake.mu.Unlock()
	if _, ok := claims["sub"]; ok {
		t.Fatalf("claims = %v: no sub without delegation", claims)
	}
	// The token expires by the injected clock: an hour later it is minted again.
	w.clk.Advance(time.Hour)
	if _, err := res.Credentials.Token(ctx); err != nil {
		t.Fatal(err)
	}
	if n := w.fake.count("urn:ietf:params:oauth:grant-type:jwt-bearer"); n != 2 {
		t.Fatalf("jwt grants = %d, want 2", n)
	}
}

func TestServiceAccountKeyForAnotherRealmIsRefused(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, err := w.newManager().SaveServiceAccount(context.Background(), "a@b.c", testKeyJSON(t, "https://oauth2.googleapis.com/token"), nil, nil); err == nil {
		t.Fatal("a Google key was accepted for another endpoint")
	}
}

func verifyJWT(t *testing.T, jwt string) map[string]any {
	t.Helper()
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 {
		t.Fatalf("jwt %q", jwt)
	}
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(&testKey.PublicKey, crypto.SHA256, sum[:], sig); err != nil {
		t.Fatalf("signature: %v", err)
	}
	var header map[string]string
	h, _ := base64.RawURLEncoding.DecodeString(parts[0])
	if json.Unmarshal(h, &header) != nil || header["alg"] != "RS256" || header["kid"] != "kid1" {
		t.Fatalf("header = %s", h)
	}
	var claims map[string]any
	c, _ := base64.RawURLEncoding.DecodeString(parts[1])
	if err := json.Unmarshal(c, &claims); err != nil {
		t.Fatal(err)
	}
	return claims
}

package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gogcli/gog/internal/auth"
	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
	"github.com/gogcli/gog/internal/secrets"
)

// signedInHome is a machine signed in to the sandbox for calendar through the real CLI.
func signedInHome(t *testing.T, sb *sandboxtest.Sandbox) *home {
	t.Helper()
	h := newHome(t)
	if r := h.run(string(sb.Client.JSON), "--endpoint", sb.URL, "auth", "credentials", "-"); r.code != 0 {
		t.Fatalf("credentials: exit %d: %s", r.code, r.stderr)
	}
	h.must("--endpoint", sb.URL, "--no-input", "auth", "add", sandboxtest.Account, "--services", "calendar")
	return h
}

// editRecord changes the stored sign-in the way another gog process would see it, through the file store.
func (h *home) editRecord(realm string, edit func(*auth.TokenRecord)) *auth.TokenRecord {
	h.t.Helper()
	st, err := secrets.Open(context.Background(), secrets.Options{Backend: secrets.BackendFile, Dir: filepath.Join(h.dir, "keyring"),
		Getenv: func(k string) string { return h.env[k] }})
	if err != nil {
		h.t.Fatal(err)
	}
	k := auth.TokenKey(auth.Realm(realm), sandboxtest.Account)
	raw, err := st.Get(k)
	if err != nil {
		h.t.Fatal(err)
	}
	var rec auth.TokenRecord
	if err := json.Unmarshal(raw, &rec); err != nil {
		h.t.Fatal(err)
	}
	if edit != nil {
		edit(&rec)
		raw, _ = json.Marshal(&rec)
		if err := st.Set(k, raw); err != nil {
			h.t.Fatal(err)
		}
	}
	return &rec
}

func count(sb *sandboxtest.Sandbox, path string) int {
	n := 0
	for _, r := range sb.Requests() {
		if r.Path == path {
			n++
		}
	}
	return n
}

func TestParallelProcessesWithAnExpiredTokenRefreshItOnce(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	h := signedInHome(t, sb)
	// The cached token expired an hour ago (by this machine's clock, which the gog processes use).
	h.editRecord(sb.URL, func(r *auth.TokenRecord) { r.Expiry = time.Now().Add(-time.Hour) })
	sb.ClearRequests()

	const n = 16
	var wg sync.WaitGroup
	results := make([]result, n)
	for i := range n {
		wg.Go(func() { results[i] = h.run("", "--endpoint", sb.URL, "auth", "whoami") })
	}
	wg.Wait()
	for i, r := range results {
		if r.code != 0 || strings.TrimSpace(r.stdout) != sandboxtest.Account {
			t.Fatalf("process %d: exit %d\nstdout: %s\nstderr: %s", i, r.code, r.stdout, r.stderr)
		}
	}
	if got := count(sb, "/token"); got != 1 {
		t.Fatalf("%d processes made %d /token calls, want exactly 1", n, got)
	}
	if got := count(sb, "/oauth2/v3/userinfo"); got != n {
		t.Fatalf("userinfo calls = %d, want %d", got, n)
	}
}

func TestSequentialCommandsWithAValidCachedTokenMakeNoTokenCalls(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	h := signedInHome(t, sb)
	sb.ClearRequests()
	for range 2 {
		if r := h.must("--endpoint", sb.URL, "auth", "whoami"); strings.TrimSpace(r.stdout) != sandboxtest.Account {
			t.Fatalf("whoami = %q", r.stdout)
		}
	}
	if got := count(sb, "/token"); got != 0 {
		t.Fatalf("/token calls = %d, want 0", got)
	}
	if got := count(sb, "/oauth2/v3/userinfo"); got != 2 {
		t.Fatalf("userinfo calls = %d, want 2", got)
	}
}

func TestNoSecretIsOnDiskInPlainText(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.New(t)
	h := signedInHome(t, sb)
	h.must("--endpoint", sb.URL, "auth", "whoami")
	rec := h.editRecord(sb.URL, nil)
	if rec.RefreshToken == "" || rec.AccessToken == "" {
		t.Fatalf("record = %+v", rec)
	}
	secretsToFind := map[string]string{"refresh token": rec.RefreshToken, "access token": rec.AccessToken, "client secret": sb.Client.Secret}
	files := 0
	err := filepath.Walk(h.dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		files++
		if info.Mode().Perm()&0o077 != 0 && strings.Contains(path, "keyring") {
			t.Errorf("%s is %v: secret files must be 0600", path, info.Mode().Perm())
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for what, s := range secretsToFind {
			if strings.Contains(string(raw), s) {
				t.Errorf("%s holds the %s in plain text", path, what)
			}
		}
		return nil
	})
	if err != nil || files == 0 {
		t.Fatalf("walk: %d files, %v", files, err)
	}
}

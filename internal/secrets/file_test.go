package secrets

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gogcli/gog/internal/errs"
)

func TestFileStoreRoundTripSurvivesReopening(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "keyring")
	s := openFileStore(t, dir, "correct horse")
	if s.Backend() != BackendFile {
		t.Fatalf("Backend() = %q", s.Backend())
	}
	mustSet(t, s, "token:ada@example.com", `{"refresh_token":"1//abc"}`)
	mustSet(t, s, "client:default", "GOCSPX-secret")
	mustSet(t, s, "client:default", "GOCSPX-rotated") // overwrite
	mustSet(t, s, "empty", "")

	again := openFileStore(t, dir, "correct horse")
	mustGet(t, again, "token:ada@example.com", `{"refresh_token":"1//abc"}`)
	mustGet(t, again, "client:default", "GOCSPX-rotated")
	mustGet(t, again, "empty", "")
	keys, err := again.Keys()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(keys, ","); got != "client:default,empty,token:ada@example.com" {
		t.Fatalf("Keys() = %s", got)
	}

	if err := again.Delete("client:default"); err != nil {
		t.Fatal(err)
	}
	if err := again.Delete("client:default"); err != nil {
		t.Fatalf("deleting an absent key: %v", err)
	}
	if _, err := s.Get("client:default"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete from another handle: err = %v, want ErrNotFound", err)
	}
	if _, err := s.Get("never-set"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get(never-set): err = %v, want ErrNotFound", err)
	}
	requireNoTempFiles(t, dir)
}

func TestFileStoreWritesNoPlaintextToDisk(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const (
		password = "hunter2-password"
		key      = "token:ada@example.com"
		secret   = "1//0gRefreshTokenThatMustNeverBeSeen"
	)
	s := openFileStore(t, dir, password)
	mustSet(t, s, key, secret)
	mustSet(t, s, "client:work", "GOCSPX-ClientSecretValue")

	for _, name := range dirFiles(t, dir) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, needle := range []string{secret, "GOCSPX-ClientSecretValue", password, "ada@example.com", "client:work"} {
			if bytes.Contains(data, []byte(needle)) || strings.Contains(name, needle) {
				t.Errorf("%q appears in file %s", needle, name)
			}
		}
	}
}

func TestFileStorePermissionsAre0700And0600(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no POSIX permissions")
	}
	dir := filepath.Join(t.TempDir(), "keyring")
	if err := os.Mkdir(dir, 0o755); err != nil { // a too-open existing directory is tightened
		t.Fatal(err)
	}
	s := openFileStore(t, dir, "pw")
	mustSet(t, s, "token:a@example.com", "x")

	st, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o700 {
		t.Errorf("dir mode = %v, want 0700", st.Mode().Perm())
	}
	for _, name := range dirFiles(t, dir) {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s mode = %v, want 0600", name, st.Mode().Perm())
		}
	}

	nested := filepath.Join(t.TempDir(), "a", "b")
	openFileStore(t, nested, "pw")
	if st, err := os.Stat(nested); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("new nested dir: %v, %v", st.Mode().Perm(), err)
	}
}

func TestFileStoreCrashMidWriteKeepsOldValue(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := openFileStore(t, dir, "pw")
	mustSet(t, s, "token:a@example.com", "old")

	// A crash between writing the temp file and renaming it: the new value's temp file exists, the rename
	// never happened.
	fs := s.(*fileStore)
	name := fs.k.fileName("token:a@example.com")
	sealed, err := fs.k.sealItem(name, item{Key: "token:a@example.com", Value: []byte("new")})
	if err != nil {
		t.Fatal(err)
	}
	tmp, err := writeTemp(dir, sealed)
	if err != nil {
		t.Fatal(err)
	}

	again := openFileStore(t, dir, "pw")
	mustGet(t, again, "token:a@example.com", "old")
	if keys, err := again.Keys(); err != nil || len(keys) != 1 {
		t.Fatalf("Keys() = %v, %v; the orphaned temp file must not count", keys, err)
	}
	if _, err := os.Stat(tmp); err != nil {
		t.Fatalf("a fresh temp file may belong to a live writer and must survive Open: %v", err)
	}

	// An hour later the orphan is swept.
	opts := fileOptions(t, dir, "pw")
	c := fakeClock()
	c.Set(time.Now().Add(2 * staleTemp))
	opts.Clock = c
	if _, err := Open(t.Context(), opts); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("stale temp file not swept: %v", err)
	}
}

func TestFileStoreLeavesNoTempFilesAfterWrites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := openFileStore(t, dir, "pw")
	for i := range 20 {
		mustSet(t, s, "k", strings.Repeat("v", i))
	}
	requireNoTempFiles(t, dir)
	if n := len(dirFiles(t, dir)); n != 2 {
		t.Fatalf("files = %v, want the header and one item", dirFiles(t, dir))
	}
}

func TestFileStoreDetectsTamperedAndSwappedItems(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := openFileStore(t, dir, "pw")
	mustSet(t, s, "token:a@example.com", "secret-a")
	mustSet(t, s, "token:b@example.com", "secret-b")

	// Swapping: b's ciphertext placed under a's name must not decrypt as a's value.
	pa, pb := itemPath(t, s, "token:a@example.com"), itemPath(t, s, "token:b@example.com")
	b, err := os.ReadFile(pb)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pa, b, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = s.Get("token:a@example.com")
	e := requireClass(t, err, errs.Config)
	if !strings.Contains(e.Hint, pa) {
		t.Errorf("hint %q should name the file to delete", e.Hint)
	}
	if strings.Contains(err.Error(), "secret-") || strings.Contains(e.Hint, "secret-") {
		t.Errorf("error leaks a value: %v / %s", err, e.Hint)
	}

	// Flipping one byte.
	b[len(b)-1] ^= 1
	if err := os.WriteFile(pb, b, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = s.Get("token:b@example.com")
	requireClass(t, err, errs.Config)
	_, err = s.Keys()
	requireClass(t, err, errs.Config)
}

func TestFileStoreRefusesToReplaceAMissingHeader(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := openFileStore(t, dir, "pw")
	mustSet(t, s, "token:a@example.com", "x")
	if err := os.Remove(filepath.Join(dir, headerFile)); err != nil {
		t.Fatal(err)
	}
	_, err := Open(t.Context(), fileOptions(t, dir, "pw"))
	e := requireClass(t, err, errs.Config)
	if !strings.Contains(e.Message, headerFile) {
		t.Errorf("message %q should name the missing header", e.Message)
	}
}

func TestFileStoreRejectsAHeaderWithAbsurdKDFCost(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	openFileStore(t, dir, "pw")
	path := filepath.Join(dir, headerFile)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := parseHeader(data)
	if err != nil {
		t.Fatal(err)
	}
	h.Params.MemKiB = 1 << 30 // a terabyte: must be refused before argon2 allocates it
	data, err = jsonIndent(h)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(t.Context(), fileOptions(t, dir, "pw"))
	requireClass(t, err, errs.Config)
}

func TestFileStoreKeepsTheKDFCostItWasCreatedWith(t *testing.T) {
	t.Parallel()
	// OWASP's equally strong argon2id configurations (Password Storage Cheat Sheet), one lane each.
	owasp := map[uint32]uint32{47104: 1, 19456: 2, 12288: 3, 9216: 4, 7168: 5}
	if got := defaultKDF(); !got.sane() || got.Threads != 1 || owasp[got.MemKiB] == 0 || got.Time < owasp[got.MemKiB] {
		t.Fatalf("default KDF %+v is not one of OWASP's recommended configurations", got)
	}
	dir := t.TempDir()
	openFileStore(t, dir, "pw") // created with the cheap test parameters
	opts := fileOptions(t, dir, "pw")
	opts.kdf = nil // production defaults apply only to new stores
	s, err := Open(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	mustSet(t, s, "k", "v")
}

func TestEmptyKeyIsRefused(t *testing.T) {
	t.Parallel()
	for _, s := range []Store{openFileStore(t, t.TempDir(), "pw"), NewMemory()} {
		if err := s.Set("", []byte("x")); errs.ClassOf(err) != errs.Usage {
			t.Errorf("%s: Set(\"\") = %v", s.Backend(), err)
		}
	}
}

func TestPrintingAStoreShowsNoKeyMaterialOrValues(t *testing.T) {
	t.Parallel()
	fs := openFileStore(t, t.TempDir(), "pw")
	mem := NewMemory()
	mustSet(t, mem, "k", "value-in-memory")
	for _, s := range []Store{fs, mem} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			out := fmt.Sprintf(verb, s)
			if strings.Contains(out, "value-in-memory") || strings.ContainsAny(out, "[{") {
				t.Errorf("%s of %s store prints internals: %s", verb, s.Backend(), out)
			}
		}
	}
}

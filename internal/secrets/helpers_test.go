package secrets

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/errs"
)

// cheapKDF keeps tests fast; the format stores the parameters, so nothing else differs from production.
func cheapKDF() kdfParams { return kdfParams{Time: 1, MemKiB: 8, Threads: 1} }

// env returns a Getenv reading only vars.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// fileOptions opens the file backend in dir with password pw, a fake clock and the cheap KDF.
func fileOptions(t *testing.T, dir, pw string) Options {
	t.Helper()
	kdf := cheapKDF()
	return Options{
		Backend: BackendFile,
		Dir:     dir,
		Getenv:  env(map[string]string{EnvPassword: pw}),
		Prompt: func(string) (string, error) {
			t.Errorf("Prompt called although a password was given")
			return "", errors.New("no prompt")
		},
		Clock: fakeClock(),
		kdf:   &kdf,
	}
}

func openFileStore(t *testing.T, dir, pw string) Store {
	t.Helper()
	s, err := Open(context.Background(), fileOptions(t, dir, pw))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func mustSet(t *testing.T, s Store, key, value string) {
	t.Helper()
	if err := s.Set(key, []byte(value)); err != nil {
		t.Fatalf("Set(%q): %v", key, err)
	}
}

func mustGet(t *testing.T, s Store, key, want string) {
	t.Helper()
	got, err := s.Get(key)
	if err != nil {
		t.Fatalf("Get(%q): %v", key, err)
	}
	if string(got) != want {
		t.Fatalf("Get(%q) = %q, want %q", key, got, want)
	}
}

// requireClass fails unless err is an *errs.Error of class c with a hint.
func requireClass(t *testing.T, err error, c errs.Class) *errs.Error {
	t.Helper()
	e, ok := errs.As(err)
	if !ok {
		t.Fatalf("error %v (%T) is not an *errs.Error", err, err)
	}
	if e.Class != c {
		t.Fatalf("class = %q, want %q (error: %v)", e.Class, c, err)
	}
	if e.Hint == "" {
		t.Fatalf("error %q has no hint", e.Message)
	}
	return e
}

// dirFiles returns the names of the files in dir.
func dirFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// requireNoTempFiles fails if a write left a temp file behind.
func requireNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	for _, n := range dirFiles(t, dir) {
		if strings.HasPrefix(n, tempPrefix) {
			t.Fatalf("temp file %s left in %s", n, dir)
		}
	}
}

func itemPath(t *testing.T, s Store, key string) string {
	t.Helper()
	fs := s.(*fileStore)
	return filepath.Join(fs.dir, fs.k.fileName(key))
}

// blockingClock's Sleep waits for the context only: a probe that answers always wins the race against it.
type blockingClock struct{}

func (blockingClock) Now() time.Time { return time.Unix(1_700_000_000, 0) }

func (blockingClock) Sleep(ctx context.Context, _ time.Duration) error {
	<-ctx.Done()
	return ctx.Err()
}

func fakeClock() *clock.Fake { return clock.NewFake(time.Unix(1_700_000_000, 0)) }

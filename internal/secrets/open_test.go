package secrets

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/99designs/keyring"

	"github.com/gogcli/gog/internal/errs"
)

// autoOptions is auto mode with a file fallback that works (password set) and an injected OS keyring.
func autoOptions(t *testing.T, open func(string) (keyring.Keyring, error)) (Options, *bytes.Buffer) {
	t.Helper()
	opts := fileOptions(t, t.TempDir(), "pw")
	opts.Backend = BackendAuto
	opts.openKeyring = open
	warn := &bytes.Buffer{}
	opts.Warn = warn
	return opts, warn
}

// hangingKeyring never answers until the test ends, like a Secret Service behind a stuck D-Bus.
func hangingKeyring(t *testing.T) func(string) (keyring.Keyring, error) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	return func(string) (keyring.Keyring, error) {
		<-release
		return nil, errors.New("released")
	}
}

func TestAutoFallsBackToFileWhenTheKeyringProbeHangs(t *testing.T) {
	t.Parallel()
	opts, warn := autoOptions(t, hangingKeyring(t))
	c := fakeClock()
	opts.Clock = c
	opts.ProbeTimeout = 2 * time.Second

	s, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if s.Backend() != BackendFile {
		t.Fatalf("Backend() = %q, want file", s.Backend())
	}
	if sl := c.Sleeps(); len(sl) != 1 || sl[0] != 2*time.Second {
		t.Fatalf("probe waited %v, want one wait of the ProbeTimeout", sl)
	}
	mustSet(t, s, "k", "v")
	mustGet(t, s, "k", "v")
	requireOneNote(t, warn, "did not answer in time")
}

func TestAutoFallsBackToFileWhenTheKeyringFails(t *testing.T) {
	t.Parallel()
	opts, warn := autoOptions(t, func(string) (keyring.Keyring, error) {
		return nil, errors.New("org.freedesktop.secrets was not provided by any .service files")
	})
	opts.Clock = blockingClock{}
	s, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if s.Backend() != BackendFile {
		t.Fatalf("Backend() = %q, want file", s.Backend())
	}
	mustSet(t, s, "k", "v")
	_, _ = s.Keys()
	requireOneNote(t, warn, "org.freedesktop.secrets")
}

// requireOneNote checks that exactly one line was written to Warn, naming the reason and the way out.
func requireOneNote(t *testing.T, warn *bytes.Buffer, reason string) {
	t.Helper()
	out := warn.String()
	if strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, "note: ") {
		t.Fatalf("want exactly one note, got %q", out)
	}
	for _, want := range []string{reason, "GOG_KEYRING_BACKEND=file"} {
		if !strings.Contains(out, want) {
			t.Errorf("note %q should contain %q", out, want)
		}
	}
}

func TestAutoUsesTheOSKeyringWhenItAnswers(t *testing.T) {
	t.Parallel()
	var asked string
	opts, warn := autoOptions(t, func(b string) (keyring.Keyring, error) {
		asked = b
		return keyring.NewArrayKeyring(nil), nil
	})
	opts.Clock = blockingClock{}
	s, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := platformKeyring(runtime.GOOS)
	if s.Backend() != want || asked != want {
		t.Fatalf("Backend() = %q, opened %q; want %q", s.Backend(), asked, want)
	}
	if warn.Len() != 0 {
		t.Fatalf("no note expected when the keyring answers, got %q", warn)
	}
	mustSet(t, s, "token:b@example.com", "vb")
	mustSet(t, s, "token:a@example.com", "va")
	mustGet(t, s, "token:a@example.com", "va")
	if keys, err := s.Keys(); err != nil || strings.Join(keys, ",") != "token:a@example.com,token:b@example.com" {
		t.Fatalf("Keys() = %v, %v", keys, err)
	}
	if err := s.Delete("token:a@example.com"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete("token:a@example.com"); err != nil {
		t.Fatalf("deleting an absent key: %v", err)
	}
	if _, err := s.Get("token:a@example.com"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: %v", err)
	}
}

func TestAutoFallbackWithoutPasswordSaysWhyNeitherWorks(t *testing.T) {
	t.Parallel()
	opts, warn := autoOptions(t, func(string) (keyring.Keyring, error) { return nil, errors.New("no dbus") })
	opts.Clock = blockingClock{}
	opts.Getenv = env(nil)
	_, err := Open(context.Background(), opts)
	e := requireClass(t, err, errs.Config)
	if !strings.Contains(e.Message, "no dbus") || !strings.Contains(e.Hint, EnvPassword) {
		t.Fatalf("error %q / hint %q should give the keyring's failure and the password variable", e.Message, e.Hint)
	}
	if warn.Len() != 0 {
		t.Fatalf("no note when nothing was opened, got %q", warn)
	}
}

func TestExplicitOSBackendFailsInsteadOfFallingBack(t *testing.T) {
	t.Parallel()
	opts, warn := autoOptions(t, hangingKeyring(t))
	opts.Backend = "Secret-Service" // names are case-insensitive
	_, err := Open(context.Background(), opts)
	e := requireClass(t, err, errs.Config)
	if !strings.Contains(e.Message, "secret-service") || !strings.Contains(e.Message, "did not answer") ||
		!strings.Contains(e.Hint, "GOG_KEYRING_BACKEND=file") {
		t.Fatalf("error %q / hint %q", e.Message, e.Hint)
	}
	if warn.Len() != 0 {
		t.Fatalf("an explicit backend must not fall back, but noted %q", warn)
	}
}

func TestExplicitOSBackendIsUsedWhenItAnswers(t *testing.T) {
	t.Parallel()
	opts, _ := autoOptions(t, func(string) (keyring.Keyring, error) { return keyring.NewArrayKeyring(nil), nil })
	opts.Clock = blockingClock{}
	opts.Backend = BackendPass
	s, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if s.Backend() != BackendPass {
		t.Fatalf("Backend() = %q", s.Backend())
	}
}

func TestCancelledContextStopsTheProbe(t *testing.T) {
	t.Parallel()
	opts, _ := autoOptions(t, hangingKeyring(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Open(ctx, opts)
	if errs.ClassOf(err) != errs.Cancelled {
		t.Fatalf("err = %v, want class cancelled", err)
	}
}

func TestUnknownBackendListsTheValidNames(t *testing.T) {
	t.Parallel()
	opts, _ := autoOptions(t, func(string) (keyring.Keyring, error) {
		t.Fatal("an unknown backend must not probe anything")
		return nil, nil
	})
	opts.Backend = "kwallet"
	_, err := Open(context.Background(), opts)
	e := requireClass(t, err, errs.Config)
	for _, name := range validBackends() {
		if !strings.Contains(e.Hint, name) {
			t.Errorf("hint %q lacks %q", e.Hint, name)
		}
	}
}

func TestPlatformKeyringFollowsTheOS(t *testing.T) {
	t.Parallel()
	for goos, want := range map[string]string{
		"darwin": BackendKeychain, "windows": BackendWinCred, "linux": BackendSecretService, "freebsd": BackendSecretService,
	} {
		if got := platformKeyring(goos); got != want {
			t.Errorf("platformKeyring(%s) = %s, want %s", goos, got, want)
		}
	}
}

package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/gogcli/gog/internal/clock"
)

type item struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestValuesSurviveCloseAndReopen(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "s.db")
	ctx := context.Background()
	s := open(t, path)
	if err := s.Update(ctx, func(tx *Tx) error { return Put(tx, "b", Key("a", "1"), item{"one", 1}) }); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("store file mode = %v, %v; want 0600", st.Mode().Perm(), err)
	}
	s = open(t, path)
	defer s.Close()
	err = s.View(ctx, func(tx *Tx) error {
		v, ok, err := Get[item](tx, "b", Key("a", "1"))
		if err != nil || !ok || v != (item{"one", 1}) {
			t.Errorf("Get after reopen = %+v %v %v", v, ok, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPrefixScanDoesNotCrossKeyParts(t *testing.T) {
	t.Parallel()
	s := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer s.Close()
	ctx := context.Background()
	err := s.Update(ctx, func(tx *Tx) error {
		for _, k := range []string{Key("a", "2"), Key("a", "1"), Key("ab", "1"), Key("b", "1")} {
			if err := Put(tx, "b", k, item{Name: k}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = s.View(ctx, func(tx *Tx) error {
		got, err := List[item](tx, "b", Prefix("a"))
		if err != nil || len(got) != 2 || got[0].Name != Key("a", "1") || got[1].Name != Key("a", "2") {
			t.Errorf("List(prefix a) = %+v, %v", got, err)
		}
		none, _ := List[item](tx, "never-written", "")
		if len(none) != 0 {
			t.Errorf("missing bucket should read as empty")
		}
		return nil
	})
	if err := s.Update(ctx, func(tx *Tx) error {
		n, err := DeletePrefix(tx, "b", Prefix("a"))
		if n != 2 {
			t.Errorf("DeletePrefix removed %d, want 2", n)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

func TestFailedUpdateLeavesNothingBehind(t *testing.T) {
	t.Parallel()
	s := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer s.Close()
	ctx := context.Background()
	boom := errors.New("boom")
	err := s.Update(ctx, func(tx *Tx) error {
		if err := Put(tx, "b", "k", item{Name: "half"}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update error = %v", err)
	}
	_ = s.View(ctx, func(tx *Tx) error {
		if _, ok, _ := Get[item](tx, "b", "k"); ok {
			t.Error("rolled-back write is visible")
		}
		return nil
	})
}

func TestSecondOpenWaitsForTheFirstToClose(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "s.db")
	first := open(t, path)
	fake := clock.NewFake(time.Unix(0, 0))
	var once sync.Once
	// The first poll of the second opener releases the first store: the opener must then get the lock.
	fake.OnSleep = func(time.Duration) { once.Do(func() { _ = first.Close() }) }
	second, err := Open(context.Background(), path, Options{Clock: fake, NoSync: true})
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer second.Close()
	if len(fake.Sleeps()) == 0 {
		t.Error("second Open did not wait")
	}
}

func TestOpenGivesUpWhenTheLockIsHeldTooLongOrCtxEnds(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "s.db")
	first := open(t, path)
	defer first.Close()
	fake := clock.NewFake(time.Unix(0, 0))
	_, err := Open(context.Background(), path, Options{Clock: fake, LockWait: time.Second})
	if !errors.Is(err, ErrLocked) {
		t.Errorf("held lock: err = %v, want ErrLocked", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	fake.OnSleep = func(time.Duration) { cancel() }
	_, err = Open(ctx, path, Options{Clock: fake})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled ctx: err = %v, want context.Canceled", err)
	}
}

func TestKeyRefusesTheSeparator(t *testing.T) {
	t.Parallel()
	defer func() {
		if recover() == nil {
			t.Error("Key accepted a part containing the separator")
		}
	}()
	Key("a\x1fb")
}

package auth

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/errs"
)

// Lock polling: quick at first (the holder is usually one token call away from done), then slower. The wait is
// bounded a little above tokenCallTimeout, the longest a healthy holder keeps the lock.
const (
	lockPollFirst = 10 * time.Millisecond
	lockPollMax   = 100 * time.Millisecond
	lockMaxWait   = tokenCallTimeout + 30*time.Second
)

// fileLock serializes token refreshes for one (realm, account) across processes with an OS file lock
// (gofrs/flock: flock(2) on Unix, LockFileEx on Windows). Two locks on the same file conflict even inside one
// process, because each holds its own file handle — the tests rely on that to play several processes.
type fileLock struct {
	path  string
	clock clock.Clock
}

func newFileLock(dir string, r Realm, account string, clk clock.Clock) *fileLock {
	return &fileLock{path: filepath.Join(dir, r.lockName(account)), clock: clk}
}

// acquire waits for the lock (polling through the injected clock, so the wait honours ctx and tests never
// sleep) and returns the function that releases it.
func (l *fileLock) acquire(ctx context.Context) (release func(), err error) {
	if err := os.MkdirAll(filepath.Dir(l.path), 0o700); err != nil {
		return nil, lockError(l.path, err)
	}
	fl := flock.New(l.path, flock.SetPermissions(0o600))
	start := l.clock.Now()
	delay := lockPollFirst
	for {
		ok, err := fl.TryLock()
		if err != nil {
			return nil, lockError(l.path, err)
		}
		if ok {
			return func() { _ = fl.Unlock(); _ = fl.Close() }, nil
		}
		if l.clock.Now().Sub(start) > lockMaxWait {
			_ = fl.Close()
			return nil, errs.New(errs.General, "another gog process has held the sign-in lock for over %s", lockMaxWait.Round(time.Second)).
				WithHint("if no other gog is running, delete %s and run the command again", l.path)
		}
		if err := l.clock.Sleep(ctx, delay); err != nil {
			_ = fl.Close()
			return nil, err
		}
		delay = min(delay*2, lockPollMax)
	}
}

func lockError(path string, err error) error {
	return errs.Wrap(err, errs.Config, "cannot lock %s: %v", path, err).
		WithHint("make %s writable, or set GOG_HOME to a writable directory", filepath.Dir(path))
}

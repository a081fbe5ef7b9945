package secrets

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

const (
	tempPrefix = ".tmp-"
	// staleTemp is how old a temp file must be before Open sweeps it: far longer than any write takes, so a
	// sweep never removes a temp file another process is about to rename.
	staleTemp = time.Hour
)

// ensureDir creates dir 0700, or tightens an existing one to 0700: it holds only gog's secret files.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	st, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return errors.New("not a directory")
	}
	if st.Mode().Perm() != 0o700 {
		return os.Chmod(dir, 0o700)
	}
	return nil
}

// writeTemp writes data to a new 0600 temp file in dir, synced to disk, and returns its path. The file is
// invisible to readers until commit renames it.
func writeTemp(dir string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	err = f.Chmod(0o600) // CreateTemp already uses 0600; this documents the contract and covers odd platforms
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

// commit renames tmp over path: readers see the old contents or the new ones, never a mix.
func commit(tmp, path string) error {
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// writeAtomic replaces dir/name with data.
func writeAtomic(dir, name string, data []byte) error {
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return err
	}
	return commit(tmp, filepath.Join(dir, name))
}

// createExclusive writes dir/name only if it does not exist yet; it returns fs.ErrExist if it does. A hard
// link from a complete temp file makes creation both atomic and exclusive. Where the file system cannot
// link, it falls back to rename, losing only exclusivity against a simultaneous first use.
func createExclusive(dir, name string, data []byte) error {
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	path := filepath.Join(dir, name)
	err = os.Link(tmp, path)
	switch {
	case err == nil:
		syncDir(dir)
		return nil
	case errors.Is(err, fs.ErrExist):
		return fs.ErrExist
	default:
		if _, serr := os.Lstat(path); serr == nil {
			return fs.ErrExist
		}
		return commit(tmp, path)
	}
}

// syncDir makes a rename durable. Best effort: not every platform can fsync a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// sweepTemps removes temp files older than staleTemp, left by a process that died mid-write.
func sweepTemps(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleTemp {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

package secrets

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gogcli/gog/internal/errs"
)

const (
	headerFile = "gog-keyring.json"
	itemExt    = ".secret"
)

// fileStore is the encrypted file backend (see the package doc for the format and why it is hand-written).
// It holds only the derived keys; every call goes to disk, so writes by other processes are seen at once.
type fileStore struct {
	dir string
	k   keys
}

// openFile resolves the password, then creates or unlocks the store in opts.Dir. The password is resolved
// before the disk is touched so that a missing one fails at once.
func openFile(ctx context.Context, opts Options) (Store, error) {
	if opts.Dir == "" {
		return nil, errs.New(errs.Config, "the encrypted file secret store has no directory").
			WithHint("set GOG_HOME, or use an OS keyring with GOG_KEYRING_BACKEND")
	}
	src, err := resolvePassword(opts)
	if err != nil {
		return nil, err
	}
	if err := ensureDir(opts.Dir); err != nil {
		return nil, dirError(opts.Dir, err)
	}
	sweepTemps(opts.Dir, opts.Clock.Now())

	data, err := os.ReadFile(filepath.Join(opts.Dir, headerFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return createFileStore(ctx, opts, src)
	case err != nil:
		return nil, dirError(opts.Dir, err)
	}
	h, err := parseHeader(data)
	if err != nil {
		return nil, corruptHeader(opts.Dir, err)
	}
	return unlockFileStore(ctx, opts, src, h, "")
}

// createFileStore writes a new header. If another process created one meanwhile, that one wins and the store
// is unlocked with it (the typed password, if any, is reused rather than asked for again).
func createFileStore(ctx context.Context, opts Options, src passwordSource) (Store, error) {
	if n, err := countItems(opts.Dir); err != nil {
		return nil, dirError(opts.Dir, err)
	} else if n > 0 {
		// Another process may have created the store, and written to it, since the header was looked for.
		if data, err := os.ReadFile(filepath.Join(opts.Dir, headerFile)); err == nil {
			h, err := parseHeader(data)
			if err != nil {
				return nil, corruptHeader(opts.Dir, err)
			}
			return unlockFileStore(ctx, opts, src, h, "")
		}
		return nil, errs.New(errs.Config, "the secret store in %s holds %d item(s) but its %s is missing", opts.Dir, n, headerFile).
			WithHint("restore %s from a backup, or delete %s and sign in again (gog auth add EMAIL)",
				filepath.Join(opts.Dir, headerFile), opts.Dir)
	}
	pw, err := src.fresh(opts.Dir)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, errs.Wrap(err, errs.Cancelled, "cancelled while opening the secret store")
	}
	h, k, err := newHeader(pw, *opts.kdf)
	if err != nil {
		return nil, errs.Wrap(err, errs.General, "cannot create the secret store key: %v", err)
	}
	data, err := jsonIndent(h)
	if err != nil {
		return nil, errs.Wrap(err, errs.General, "cannot encode the secret store header: %v", err)
	}
	err = createExclusive(opts.Dir, headerFile, data)
	if err == nil {
		return &fileStore{dir: opts.Dir, k: k}, nil
	}
	if !errors.Is(err, fs.ErrExist) {
		return nil, dirError(opts.Dir, err)
	}
	data, err = os.ReadFile(filepath.Join(opts.Dir, headerFile))
	if err != nil {
		return nil, dirError(opts.Dir, err)
	}
	if h, err = parseHeader(data); err != nil {
		return nil, corruptHeader(opts.Dir, err)
	}
	return unlockFileStore(ctx, opts, src, h, pw)
}

// unlockFileStore derives the keys for an existing header and checks them; typed passwords get a few tries.
// known, when set, is a password already obtained from the person.
func unlockFileStore(ctx context.Context, opts Options, src passwordSource, h header, known string) (Store, error) {
	for attempt := 0; ; attempt++ {
		pw := known
		known = ""
		if pw == "" {
			var err error
			if pw, err = src.existing(opts.Dir, attempt); err != nil {
				return nil, err
			}
		}
		if err := ctx.Err(); err != nil {
			return nil, errs.Wrap(err, errs.Cancelled, "cancelled while opening the secret store")
		}
		k, err := deriveKeys(pw, h)
		if err != nil {
			return nil, errs.Wrap(err, errs.General, "cannot derive the secret store key: %v", err)
		}
		if k.verify(h) {
			return &fileStore{dir: opts.Dir, k: k}, nil
		}
		if !src.retryable(attempt) {
			return nil, wrongPassword(opts.Dir)
		}
	}
}

// Get implements Store.
func (s *fileStore) Get(key string) ([]byte, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	name := s.k.fileName(key)
	it, err := s.readItem(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("secret %q: %w", key, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	if it.Key != key {
		return nil, s.corruptItem(name, errors.New("holds a different key"))
	}
	return it.Value, nil
}

// Set implements Store.
func (s *fileStore) Set(key string, value []byte) error {
	if err := checkKey(key); err != nil {
		return err
	}
	name := s.k.fileName(key)
	data, err := s.k.sealItem(name, item{Key: key, Value: value})
	if err != nil {
		return errs.Wrap(err, errs.General, "cannot encrypt secret %q: %v", key, err)
	}
	if err := writeAtomic(s.dir, name, data); err != nil {
		return dirError(s.dir, err)
	}
	return nil
}

// Delete implements Store.
func (s *fileStore) Delete(key string) error {
	if err := checkKey(key); err != nil {
		return err
	}
	err := os.Remove(filepath.Join(s.dir, s.k.fileName(key)))
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return dirError(s.dir, err)
}

// Keys implements Store. It decrypts every item, since names are stored only inside them.
func (s *fileStore) Keys() ([]string, error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, dirError(s.dir, err)
	}
	keys := []string{}
	for _, e := range entries {
		if !isItem(e) {
			continue
		}
		it, err := s.readItem(e.Name())
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted by another process since ReadDir
		}
		if err != nil {
			return nil, err
		}
		keys = append(keys, it.Key)
	}
	sort.Strings(keys)
	return keys, nil
}

// Backend implements Store.
func (s *fileStore) Backend() string { return BackendFile }

// String keeps the derived keys out of %v and %+v: a debug print of the store must not leak key material.
func (s *fileStore) String() string { return "secrets.fileStore(" + s.dir + ")" }

// GoString does the same for %#v.
func (s *fileStore) GoString() string { return s.String() }

// readItem reads and decrypts one item file; fs.ErrNotExist passes through unwrapped for the callers.
func (s *fileStore) readItem(name string) (item, error) {
	data, err := os.ReadFile(filepath.Join(s.dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return item{}, fs.ErrNotExist
	}
	if err != nil {
		return item{}, dirError(s.dir, err)
	}
	it, err := s.k.openItem(name, data)
	if err != nil {
		return item{}, s.corruptItem(name, err)
	}
	return it, nil
}

func (s *fileStore) corruptItem(name string, err error) error {
	path := filepath.Join(s.dir, name)
	return errs.Wrap(err, errs.Config, "secret store file %s is unreadable: %v", path, err).
		WithHint("delete %s, then store that secret again (for example: gog auth add EMAIL)", path)
}

func isItem(e fs.DirEntry) bool {
	return e.Type().IsRegular() && strings.HasSuffix(e.Name(), itemExt) && !strings.HasPrefix(e.Name(), tempPrefix)
}

func countItems(dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		if isItem(e) {
			n++
		}
	}
	return n, nil
}

func wrongPassword(dir string) error {
	return errs.New(errs.Config, "wrong password for the encrypted secret store in %s", dir).
		WithHint("set %s (or %s) to the password this store was created with; if it is lost, delete %s and sign in again (gog auth add EMAIL)",
			EnvPassword, EnvPasswordFile, dir)
}

func dirError(dir string, err error) error {
	return errs.Wrap(err, errs.Config, "secret store directory %s: %v", dir, err).
		WithHint("make %s a directory you own (mode 0700), or set GOG_HOME elsewhere", dir)
}

func corruptHeader(dir string, err error) error {
	path := filepath.Join(dir, headerFile)
	return errs.Wrap(err, errs.Config, "secret store header %s is unreadable: %v", path, err).
		WithHint("restore %s from a backup, or delete %s and sign in again (gog auth add EMAIL)", path, dir)
}

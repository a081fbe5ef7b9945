// Package store is the sandbox's persistent state: a bbolt file holding typed JSON values in named buckets.
//
// Why bbolt: it is pure Go, crash-safe (copy-on-write B+tree with fsync on commit), single-file, and its file
// lock gives "one process at a time" for free; the sandbox needs no SQL. Values are JSON so that the stored
// form of a Google resource is exactly its wire form (the generated google.golang.org/api types round-trip).
//
// Every read runs in View and every change in Update; bbolt serializes writers and lets readers run
// concurrently, so callers need no locks of their own. Buckets are created on first write; reading a bucket
// that was never written behaves as an empty one. Keys are strings; Key joins parts with a separator that sorts
// before every printable character so that a prefix scan over Key(a, b) never picks up Key(a, bc).
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/gogcli/gog/internal/clock"
)

// ErrLocked is returned by Open when another process kept the store locked for longer than the wait allowed.
var ErrLocked = errors.New("the sandbox state is in use by another process")

// Options tune Open.
type Options struct {
	Clock    clock.Clock   // used to pace lock polling; default clock.Real{}
	LockWait time.Duration // how long to wait for another process's lock; default 30s
	NoSync   bool          // skip fsync on commit: faster, not crash-safe (tests only)
}

// Store is an open state file. It is safe for concurrent use.
type Store struct {
	db *bolt.DB
}

// Tx is one transaction. It must not be used after the View/Update callback returns.
type Tx struct {
	btx *bolt.Tx
}

// lockPoll is how often Open retries a lock held by another process.
const lockPoll = 50 * time.Millisecond

// Open opens (creating if needed, mode 0600) the store file at path. When another process holds it, Open waits,
// polling through the clock, until that process closes it, ctx ends, or LockWait passes (ErrLocked).
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	clk := opts.Clock
	if clk == nil {
		clk = clock.Real{}
	}
	wait := opts.LockWait
	if wait <= 0 {
		wait = 30 * time.Second
	}
	var waited time.Duration
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// A 1ns timeout makes bbolt try the lock exactly once; the waiting happens here, through the clock and
		// the context, instead of in bbolt's own sleep loop.
		db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Nanosecond, NoSync: opts.NoSync})
		if err == nil {
			return &Store{db: db}, nil
		}
		if !errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("open sandbox store %s: %w", path, err)
		}
		if waited >= wait {
			return nil, fmt.Errorf("%w (%s)", ErrLocked, path)
		}
		if err := clk.Sleep(ctx, lockPoll); err != nil {
			return nil, err
		}
		waited += lockPoll
	}
}

// Close releases the file and its lock.
func (s *Store) Close() error { return s.db.Close() }

// View runs fn in a read-only transaction.
func (s *Store) View(ctx context.Context, fn func(*Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.View(func(btx *bolt.Tx) error { return fn(&Tx{btx: btx}) })
}

// Update runs fn in a read-write transaction, committed when fn returns nil and rolled back otherwise (so a
// handler that fails half-way leaves nothing behind).
func (s *Store) Update(ctx context.Context, fn func(*Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Update(func(btx *bolt.Tx) error { return fn(&Tx{btx: btx}) })
}

// sep joins key parts; it sorts before every printable character.
const sep = "\x1f"

// Key joins parts into one key. Parts must not contain the separator (U+001F); Key panics if one does, because
// that could let one account's keys alias another's.
func Key(parts ...string) string {
	for _, p := range parts {
		if strings.Contains(p, sep) {
			panic("store: key part contains the separator")
		}
	}
	return strings.Join(parts, sep)
}

// Prefix returns the scan prefix for every key that starts with these parts.
func Prefix(parts ...string) string { return Key(parts...) + sep }

// SplitKey splits a key made by Key.
func SplitKey(k string) []string { return strings.Split(k, sep) }

// Get reads the value at key into a T. ok is false when there is none.
func Get[T any](tx *Tx, bucket, key string) (v T, ok bool, err error) {
	b := tx.btx.Bucket([]byte(bucket))
	if b == nil {
		return v, false, nil
	}
	raw := b.Get([]byte(key))
	if raw == nil {
		return v, false, nil
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, false, fmt.Errorf("store: decode %s/%q: %w", bucket, key, err)
	}
	return v, true, nil
}

// Put writes v at key, replacing any previous value.
func Put[T any](tx *Tx, bucket, key string, v T) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("store: encode %s/%q: %w", bucket, key, err)
	}
	b, err := tx.btx.CreateBucketIfNotExists([]byte(bucket))
	if err != nil {
		return err
	}
	return b.Put([]byte(key), raw)
}

// Delete removes key; deleting a missing key is not an error.
func Delete(tx *Tx, bucket, key string) error {
	b := tx.btx.Bucket([]byte(bucket))
	if b == nil {
		return nil
	}
	return b.Delete([]byte(key))
}

// DeletePrefix removes every key starting with prefix and returns how many it removed.
func DeletePrefix(tx *Tx, bucket, prefix string) (int, error) {
	b := tx.btx.Bucket([]byte(bucket))
	if b == nil {
		return 0, nil
	}
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek([]byte(prefix)); k != nil && strings.HasPrefix(string(k), prefix); k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return 0, err
		}
	}
	return len(keys), nil
}

// ForEach calls fn for every key starting with prefix, in key order, decoding each value into a T. Returning
// ErrStop from fn ends the scan early without an error. fn must not write to the same bucket.
func ForEach[T any](tx *Tx, bucket, prefix string, fn func(key string, v T) error) error {
	b := tx.btx.Bucket([]byte(bucket))
	if b == nil {
		return nil
	}
	c := b.Cursor()
	for k, raw := c.Seek([]byte(prefix)); k != nil && strings.HasPrefix(string(k), prefix); k, raw = c.Next() {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return fmt.Errorf("store: decode %s/%q: %w", bucket, k, err)
		}
		if err := fn(string(k), v); err != nil {
			if errors.Is(err, ErrStop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// List returns every value whose key starts with prefix, in key order.
func List[T any](tx *Tx, bucket, prefix string) ([]T, error) {
	var out []T
	err := ForEach(tx, bucket, prefix, func(_ string, v T) error {
		out = append(out, v)
		return nil
	})
	return out, err
}

// ErrStop ends a ForEach scan early.
var ErrStop = errors.New("stop")

// EnsureDir creates dir with mode 0700 if needed and tightens an existing one to 0700.
func EnsureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return os.Chmod(dir, 0o700)
}

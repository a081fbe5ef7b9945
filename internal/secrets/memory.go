package secrets

import (
	"fmt"
	"sort"
	"sync"
)

// memoryStore keeps values in a map; for tests of other packages and nothing else (it forgets on exit).
type memoryStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

// NewMemory returns an empty in-memory Store (Backend "memory") for tests of other packages.
func NewMemory() Store { return &memoryStore{m: map[string][]byte{}} }

// Get implements Store; it returns a copy, so callers cannot change the stored value.
func (s *memoryStore) Get(key string) ([]byte, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	if !ok {
		return nil, fmt.Errorf("secret %q: %w", key, ErrNotFound)
	}
	return append([]byte{}, v...), nil
}

// Set implements Store; it stores a copy.
func (s *memoryStore) Set(key string, value []byte) error {
	if err := checkKey(key); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = append([]byte{}, value...)
	return nil
}

// Delete implements Store.
func (s *memoryStore) Delete(key string) error {
	if err := checkKey(key); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
	return nil
}

// Keys implements Store.
func (s *memoryStore) Keys() ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]string, 0, len(s.m))
	for k := range s.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}

// Backend implements Store.
func (s *memoryStore) Backend() string { return BackendMemory }

// String keeps the values out of %v and %+v.
func (s *memoryStore) String() string { return "secrets.memoryStore" }

// GoString does the same for %#v.
func (s *memoryStore) GoString() string { return s.String() }

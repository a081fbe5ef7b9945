package secrets

import (
	"errors"
	"testing"
)

func TestMemoryStoreBehavesLikeAStoreAndCopiesValues(t *testing.T) {
	t.Parallel()
	s := NewMemory()
	if s.Backend() != BackendMemory {
		t.Fatalf("Backend() = %q", s.Backend())
	}
	v := []byte("secret")
	mustSet(t, s, "b", string(v))
	if err := s.Set("a", v); err != nil {
		t.Fatal(err)
	}
	v[0] = 'X' // the caller's buffer is not the stored value
	mustGet(t, s, "a", "secret")
	got, _ := s.Get("a")
	got[0] = 'Y' // nor is the returned one
	mustGet(t, s, "a", "secret")

	keys, err := s.Keys()
	if err != nil || len(keys) != 2 || keys[0] != "a" || keys[1] != "b" {
		t.Fatalf("Keys() = %v, %v", keys, err)
	}
	if err := s.Delete("a"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete("a"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get("a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: %v", err)
	}
}

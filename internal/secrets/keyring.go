package secrets

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/99designs/keyring"

	"github.com/gogcli/gog/internal/errs"
)

// serviceName groups gog's items in every OS keyring (Keychain service, wincred and pass prefix).
const serviceName = "gog"

// openOSKeyring opens one 99designs/keyring backend, and only that one (no silent fallback inside the library).
func openOSKeyring(backend string) (keyring.Keyring, error) {
	cfg := keyring.Config{
		AllowedBackends: []keyring.BackendType{keyring.BackendType(backend)},
		ServiceName:     serviceName,
		// Without trust, macOS asks for the login password on every read by a new gog binary.
		KeychainTrustApplication: true,
		// Tokens are per machine; syncing them through iCloud would only spread them.
		KeychainSynchronizable: false,
		// The default collection: naming our own would make Secret Service ask for a new collection password.
		LibSecretCollectionName: "login",
		PassPrefix:              serviceName,
		WinCredPrefix:           serviceName + ":",
	}
	kr, err := keyring.Open(cfg)
	if errors.Is(err, keyring.ErrNoAvailImpl) {
		if backend == BackendSecretService {
			// The library registers Secret Service only if it reached the D-Bus session bus at startup.
			return nil, errors.New("no D-Bus session bus to reach a Secret Service")
		}
		return nil, fmt.Errorf("%s is not available on this system", backend)
	}
	return kr, err
}

// keyringStore adapts a 99designs keyring to Store.
type keyringStore struct {
	kr      keyring.Keyring
	backend string
	// mu serializes calls: the library's backends keep per-connection state (sessions, collections) unlocked.
	mu sync.Mutex
}

func newKeyringStore(kr keyring.Keyring, backend string) *keyringStore {
	return &keyringStore{kr: kr, backend: backend}
}

// Get implements Store.
func (s *keyringStore) Get(key string) ([]byte, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	item, err := s.kr.Get(key)
	if errors.Is(err, keyring.ErrKeyNotFound) {
		return nil, fmt.Errorf("secret %q: %w", key, ErrNotFound)
	}
	if err != nil {
		return nil, s.fail(err, "read %q from", key)
	}
	return item.Data, nil
}

// Set implements Store.
func (s *keyringStore) Set(key string, value []byte) error {
	if err := checkKey(key); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// Label is the key: Secret Service's Keys lists labels.
	err := s.kr.Set(keyring.Item{Key: key, Data: append([]byte(nil), value...), Label: key, Description: "gog secret"})
	if err != nil {
		return s.fail(err, "write %q to", key)
	}
	return nil
}

// Delete implements Store.
func (s *keyringStore) Delete(key string) error {
	if err := checkKey(key); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.kr.Remove(key)
	if err == nil || errors.Is(err, keyring.ErrKeyNotFound) {
		return nil
	}
	return s.fail(err, "delete %q from", key)
}

// Keys implements Store.
func (s *keyringStore) Keys() ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys, err := s.kr.Keys()
	if err != nil {
		return nil, s.fail(err, "list keys of")
	}
	keys = append([]string(nil), keys...)
	sort.Strings(keys)
	return keys, nil
}

// Backend implements Store.
func (s *keyringStore) Backend() string { return s.backend }

// fail wraps a keyring error. The library's errors carry no secret values (they come from D-Bus, the Keychain
// API, wincred or pass's exit status), so the cause is kept for the message.
func (s *keyringStore) fail(err error, format string, args ...any) error {
	what := fmt.Sprintf(format, args...)
	return errs.Wrap(err, errs.Config, "could not %s the %s secret store: %v", what, s.backend, err).
		WithHint("unlock the OS keyring and retry, or set GOG_KEYRING_BACKEND=file (with GOG_KEYRING_PASSWORD)")
}

// checkKey refuses the empty key, which no backend can store meaningfully.
func checkKey(key string) error {
	if key == "" {
		return errs.New(errs.Usage, "secret store: empty key")
	}
	return nil
}

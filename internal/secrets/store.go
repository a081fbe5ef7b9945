package secrets

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/99designs/keyring"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/errs"
)

// Store keeps small secret values by key ("token:ada@example.com", "client:default", ...).
// Implementations are safe for concurrent use by several goroutines.
type Store interface {
	// Get returns the value stored under key; an error wrapping ErrNotFound when there is none.
	Get(key string) ([]byte, error)
	// Set stores value under key, replacing any previous value.
	Set(key string, value []byte) error
	// Delete removes key; it returns nil when key is absent.
	Delete(key string) error
	// Keys lists every stored key, sorted.
	Keys() ([]string, error)
	// Backend names where the values live: "keychain", "secret-service", "wincred", "pass", "file", "memory".
	Backend() string
}

// ErrNotFound is wrapped by the error Get returns when the key is absent (test with errors.Is).
var ErrNotFound = errors.New("secret not found")

// The backend names accepted in Options.Backend (GOG_KEYRING_BACKEND).
const (
	BackendAuto          = "auto"
	BackendKeychain      = "keychain"
	BackendSecretService = "secret-service"
	BackendWinCred       = "wincred"
	BackendPass          = "pass"
	BackendFile          = "file"
	BackendMemory        = "memory" // only from NewMemory; Open does not accept it
)

// DefaultProbeTimeout bounds how long opening an OS keyring may take before it counts as not answering.
const DefaultProbeTimeout = 3 * time.Second

// Options configure Open.
type Options struct {
	// Backend is "auto" (the default when empty), keychain, secret-service, wincred, pass or file.
	Backend string
	// Dir is the file backend's directory (the caller passes $GOG_HOME/...); created 0700.
	Dir string
	// Getenv reads GOG_KEYRING_PASSWORD and GOG_KEYRING_PASSWORD_FILE. Nil means an empty environment.
	Getenv func(string) string
	// Interactive says a terminal is attached and prompting is allowed (not --no-input).
	Interactive bool
	// Prompt reads a password without echo. Only called when Interactive.
	Prompt func(prompt string) (string, error)
	// Warn receives the one note written when "auto" falls back to the file backend. Nil discards it.
	Warn io.Writer
	// Clock times the OS keyring probe. Nil means the wall clock.
	Clock clock.Clock
	// ProbeTimeout bounds the OS keyring probe. Zero means DefaultProbeTimeout.
	ProbeTimeout time.Duration
	// PublicPassword says the file store's password is public by design (the sandbox's credentials, which open
	// nothing but the sandbox): key stretching would buy nothing, so a new store uses the cheapest KDF cost.
	PublicPassword bool

	// openKeyring replaces 99designs/keyring in tests (this machine has no OS keyring).
	openKeyring func(backend string) (keyring.Keyring, error)
	// kdf replaces the production KDF cost for new file stores in tests.
	kdf *kdfParams
}

// validBackends lists the names Open accepts, in the order error messages show them.
func validBackends() []string {
	return []string{BackendAuto, BackendKeychain, BackendSecretService, BackendWinCred, BackendPass, BackendFile}
}

// Open returns the store Options select. Errors are *errs.Error: class config for a missing or wrong
// password, an unknown or unavailable backend, or an unusable directory; class cancelled when ctx ends first.
func Open(ctx context.Context, opts Options) (Store, error) {
	opts = opts.withDefaults()
	name := strings.ToLower(strings.TrimSpace(opts.Backend))
	switch name {
	case "", BackendAuto:
		return openAuto(ctx, opts)
	case BackendFile:
		return openFile(ctx, opts)
	case BackendKeychain, BackendSecretService, BackendWinCred, BackendPass:
		kr, err := probeKeyring(ctx, opts, name)
		if err != nil {
			if errs.ClassOf(err) == errs.Cancelled {
				return nil, err
			}
			return nil, errs.Wrap(err, errs.Config, "the %s secret store is not usable: %s", name, err).
				WithHint("set GOG_KEYRING_BACKEND=file (an encrypted file; also set GOG_KEYRING_PASSWORD) or GOG_KEYRING_BACKEND=auto")
		}
		return newKeyringStore(kr, name), nil
	default:
		return nil, errs.New(errs.Config, "unknown secret store backend %q", opts.Backend).
			WithHint("set GOG_KEYRING_BACKEND to one of: %s", strings.Join(validBackends(), ", "))
	}
}

func (o Options) withDefaults() Options {
	if o.Getenv == nil {
		o.Getenv = func(string) string { return "" }
	}
	if o.Warn == nil {
		o.Warn = io.Discard
	}
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	if o.ProbeTimeout <= 0 {
		o.ProbeTimeout = DefaultProbeTimeout
	}
	if o.openKeyring == nil {
		o.openKeyring = openOSKeyring
	}
	if o.kdf == nil {
		p := defaultKDF()
		if o.PublicPassword {
			p = publicKDF()
		}
		o.kdf = &p
	}
	return o
}

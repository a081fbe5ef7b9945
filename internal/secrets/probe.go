package secrets

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"github.com/99designs/keyring"

	"github.com/gogcli/gog/internal/errs"
)

// errProbeTimeout means the OS keyring did not answer within Options.ProbeTimeout.
var errProbeTimeout = errors.New("did not answer in time")

// platformKeyring is the OS keyring "auto" tries on goos.
func platformKeyring(goos string) string {
	switch goos {
	case "darwin", "ios":
		return BackendKeychain
	case "windows":
		return BackendWinCred
	default:
		return BackendSecretService
	}
}

// probeKeyring opens backend in a goroutine and waits at most opts.ProbeTimeout on opts.Clock. Opening is the
// probe: for Secret Service it is a D-Bus round trip (the call that hangs when the bus does); Keychain and
// wincred open without I/O and cannot hang. Reading an item is not part of the probe because a locked
// keyring may legitimately wait for the user to unlock it.
//
// A probe that times out keeps its goroutine until the library returns; that costs nothing in a CLI process.
func probeKeyring(ctx context.Context, opts Options, backend string) (keyring.Keyring, error) {
	type result struct {
		kr  keyring.Keyring
		err error
	}
	opened := make(chan result, 1)
	go func() {
		kr, err := opts.openKeyring(backend)
		opened <- result{kr, err}
	}()

	ctx, stop := context.WithCancel(ctx)
	defer stop()
	expired := make(chan error, 1)
	go func() { expired <- opts.Clock.Sleep(ctx, opts.ProbeTimeout) }()

	select {
	case r := <-opened:
		if r.err == nil && r.kr == nil {
			return nil, errors.New("no keyring returned")
		}
		return r.kr, r.err
	case err := <-expired:
		if err != nil {
			return nil, errs.Wrap(err, errs.Cancelled, "cancelled while opening the %s secret store", backend)
		}
		return nil, fmt.Errorf("%w (%s)", errProbeTimeout, opts.ProbeTimeout)
	}
}

// openAuto tries the platform's OS keyring and falls back to the encrypted file, noting it once on Warn.
func openAuto(ctx context.Context, opts Options) (Store, error) {
	backend := platformKeyring(runtime.GOOS)
	kr, err := probeKeyring(ctx, opts, backend)
	if err == nil {
		return newKeyringStore(kr, backend), nil
	}
	if errs.ClassOf(err) == errs.Cancelled {
		return nil, err
	}
	store, ferr := openFile(ctx, opts)
	if ferr != nil {
		// Say why the OS keyring was not used: the password error alone would puzzle a desktop user.
		if e, ok := errs.As(ferr); ok && e.Class == errs.Config {
			e.Message = fmt.Sprintf("no OS keyring answered (%s: %v), and the encrypted file fallback is not usable: %s",
				backend, err, e.Message)
		}
		return nil, ferr
	}
	fmt.Fprintf(opts.Warn, "note: no OS keyring answered (%s: %v); using the encrypted file store in %s. "+
		"Set GOG_KEYRING_BACKEND=file to skip this check.\n", backend, err, opts.Dir)
	return store, nil
}

package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/term"

	"github.com/gogcli/gog/internal/config"
	"github.com/gogcli/gog/internal/secrets"
)

// SandboxKeyringPassword encrypts the `--sandbox` credentials. It is fixed and public on purpose: those
// credentials open nothing but the local sandbox, and a fixed password lets `gog --sandbox` run on a fresh
// machine with no keyring and no prompt.
const SandboxKeyringPassword = "gog-sandbox-credentials"

// sandboxSecretsDir is where `--sandbox` credentials live: with the sandbox's own state, not in the user's keyring.
func (a *App) sandboxSecretsDir() string { return filepath.Join(a.Paths.SandboxDir(), "credentials") }

// openSecrets opens the secret store for this run: the sandbox's own file store under --sandbox, else the
// backend GOG_KEYRING_BACKEND or config keyring_backend names (auto by default).
func (a *App) openSecrets(ctx context.Context) (secrets.Store, error) {
	a.mu.Lock()
	var injected secrets.Store
	if a.auth != nil {
		injected = a.auth.store
	}
	a.mu.Unlock()
	if injected != nil {
		return injected, nil
	}
	if a.Flags.Sandbox {
		return secrets.Open(ctx, secrets.Options{
			Backend: secrets.BackendFile,
			Dir:     a.sandboxSecretsDir(),
			Getenv: func(k string) string {
				if k == "GOG_KEYRING_PASSWORD" {
					return SandboxKeyringPassword
				}
				return ""
			},
			Clock:          a.Clock,
			PublicPassword: true,
		})
	}
	backend := a.Getenv("GOG_KEYRING_BACKEND")
	if backend == "" {
		backend = a.Setting("keyring_backend")
	}
	return secrets.Open(ctx, secrets.Options{
		Backend:     backend,
		Dir:         a.Paths.SecretsDir(),
		Getenv:      a.Getenv,
		Interactive: a.Interactive(),
		Prompt:      a.promptPassword,
		Warn:        &noteOnce{marker: filepath.Join(a.Paths.StateDir(), "keyring-fallback-noted"), w: a.IO.ErrOut},
		Clock:       a.Clock,
	})
}

// noteOnce passes the secret store's "no OS keyring answered, using the encrypted file" note to w the first time
// only: on a headless machine every command falls back, and repeating the note on each one is noise in every
// script's stderr. A marker file under the state directory remembers that it was said.
type noteOnce struct {
	marker string
	w      io.Writer
}

func (n *noteOnce) Write(p []byte) (int, error) {
	if _, err := os.Stat(n.marker); err == nil {
		return len(p), nil
	}
	if err := config.WriteFileAtomic(n.marker, []byte("the keyring fallback note was shown\n"), 0o600); err != nil {
		return n.w.Write(p) // cannot remember it: better said twice than never
	}
	return n.w.Write(p)
}

// promptPassword reads a password from the terminal without echo.
func (a *App) promptPassword(prompt string) (string, error) {
	f, ok := a.IO.In.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", errors.New("no terminal to read a password from")
	}
	fmt.Fprint(a.IO.ErrOut, prompt)
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(a.IO.ErrOut)
	return string(b), err
}

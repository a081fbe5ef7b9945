package secrets

import (
	"bytes"
	"os"
	"strings"

	"github.com/gogcli/gog/internal/errs"
)

// Environment variables the file backend reads through Options.Getenv.
const (
	EnvPassword     = "GOG_KEYRING_PASSWORD"
	EnvPasswordFile = "GOG_KEYRING_PASSWORD_FILE"
)

// maxPromptTries bounds how often a person may retype a wrong password at the prompt.
const maxPromptTries = 3

// passwordSource yields the file backend's password. fromPrompt says a person is typing it, so a wrong one
// may be asked for again and a new store's password should be confirmed.
type passwordSource struct {
	opts       Options
	fromPrompt bool
	fixed      string
}

// resolvePassword picks the source: GOG_KEYRING_PASSWORD, then the first line of GOG_KEYRING_PASSWORD_FILE,
// then a prompt when Interactive. With none it fails at once; Prompt is never called unless Interactive.
func resolvePassword(opts Options) (passwordSource, error) {
	if pw := opts.Getenv(EnvPassword); pw != "" {
		return passwordSource{opts: opts, fixed: pw}, nil
	}
	if path := opts.Getenv(EnvPasswordFile); path != "" {
		pw, err := readPasswordFile(path)
		if err != nil {
			return passwordSource{}, err
		}
		return passwordSource{opts: opts, fixed: pw}, nil
	}
	if opts.Interactive && opts.Prompt != nil {
		return passwordSource{opts: opts, fromPrompt: true}, nil
	}
	return passwordSource{}, errs.New(errs.Config,
		"the encrypted file secret store needs a password, and there is no terminal to ask for one").
		WithHint("set %s to the store's password, or %s to a file whose first line is it "+
			"(or use an OS keyring: GOG_KEYRING_BACKEND=keychain|secret-service|wincred|pass)", EnvPassword, EnvPasswordFile)
}

// readPasswordFile returns the first line of path, without its line ending.
func readPasswordFile(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", errs.Wrap(err, errs.Config, "cannot read the password file named by %s: %v", EnvPasswordFile, err).
			WithHint("point %s at a readable file whose first line is the password, or set %s", EnvPasswordFile, EnvPassword)
	}
	line, _, _ := bytes.Cut(data, []byte("\n"))
	pw := strings.TrimSuffix(string(line), "\r")
	clear(data)
	if pw == "" {
		return "", errs.New(errs.Config, "the first line of %s=%s is empty", EnvPasswordFile, path).
			WithHint("write the password on the first line of %s, or set %s", path, EnvPassword)
	}
	return pw, nil
}

// existing returns the password for an existing store (attempt counts from 0).
func (s passwordSource) existing(dir string, attempt int) (string, error) {
	if !s.fromPrompt {
		return s.fixed, nil
	}
	msg := "Password for gog's encrypted secret store (" + dir + "): "
	if attempt > 0 {
		msg = "Wrong password, try again: "
	}
	return s.prompt(msg)
}

// fresh returns the password for a new store; a typed one is asked for twice.
func (s passwordSource) fresh(dir string) (string, error) {
	if !s.fromPrompt {
		return s.fixed, nil
	}
	pw, err := s.prompt("New password for gog's encrypted secret store (" + dir + "): ")
	if err != nil {
		return "", err
	}
	again, err := s.prompt("Repeat the password: ")
	if err != nil {
		return "", err
	}
	if pw != again {
		return "", errs.New(errs.Usage, "the two passwords differ").
			WithHint("run the command again and type the same password twice")
	}
	return pw, nil
}

// retryable says whether a wrong password may be asked for again.
func (s passwordSource) retryable(attempt int) bool {
	return s.fromPrompt && attempt+1 < maxPromptTries
}

func (s passwordSource) prompt(msg string) (string, error) {
	pw, err := s.opts.Prompt(msg)
	if err != nil {
		return "", errs.Wrap(err, errs.Config, "could not read the secret store password: %v", err).
			WithHint("set %s (or %s) instead of typing it", EnvPassword, EnvPasswordFile)
	}
	if pw == "" {
		return "", errs.New(errs.Usage, "empty password").
			WithHint("type a non-empty password, or set %s", EnvPassword)
	}
	return pw, nil
}

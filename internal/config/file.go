package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gogcli/gog/internal/errs"
)

var errNoHome = errors.New("cannot find the home directory: set HOME or GOG_HOME")

// Key describes one setting of the config file.
type Key struct {
	Name     string
	Doc      string
	Validate func(string) error
}

// Keys lists every setting `gog config set` accepts. Unknown keys are refused so a typo never silently does nothing.
func Keys() []Key {
	return []Key{
		{Name: "default_account", Doc: "account used when neither --account nor GOG_ACCOUNT is given", Validate: nonEmpty},
		{Name: "default_client", Doc: "OAuth client name used by sign-in (see gog auth credentials --client)", Validate: nonEmpty},
		{Name: "keyring_backend", Doc: "secret store: auto, keychain, secret-service, wincred, pass or file", Validate: oneOf("auto", "keychain", "secret-service", "wincred", "pass", "file")},
		{Name: "timezone", Doc: "IANA time zone for parsing and showing times (default: the calendar's)", Validate: validZone},
		{Name: "color", Doc: "auto, always or never", Validate: oneOf("auto", "always", "never")},
		{Name: "retry_max_attempts", Doc: "attempts for rate-limited calls (default 5)", Validate: positiveInt},
		{Name: "retry_budget", Doc: "total time to spend waiting out rate limits, e.g. 2m (default 2m)", Validate: positiveDuration},
	}
}

// LookupKey finds a setting by name.
func LookupKey(name string) (Key, bool) {
	for _, k := range Keys() {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// File is the parsed config file: settings plus account aliases.
type File struct {
	Settings map[string]string `json:"settings,omitempty"`
	Aliases  map[string]string `json:"aliases,omitempty"`
}

// Load reads the config file; a missing file is an empty config. A broken file is a config error (exit 10).
func Load(path string) (*File, error) {
	f := &File{Settings: map[string]string{}, Aliases: map[string]string{}}
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return nil, errs.Wrap(err, errs.Config, "cannot read config file %s: %v", path, err).
			WithHint("check the file's permissions, or move it away to start fresh")
	}
	if err := json.Unmarshal(raw, f); err != nil {
		return nil, errs.Wrap(err, errs.Config, "config file %s is not valid JSON: %v", path, err).
			WithHint("fix it by hand, or move it away and run gog config set again")
	}
	if f.Settings == nil {
		f.Settings = map[string]string{}
	}
	if f.Aliases == nil {
		f.Aliases = map[string]string{}
	}
	return f, nil
}

// Save writes the config file atomically (temp file + rename), 0600 in a 0700 directory.
func Save(path string, f *File) error {
	raw, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, append(raw, '\n'), 0o600)
}

// Get returns a setting and whether it is set.
func (f *File) Get(name string) (string, bool) {
	v, ok := f.Settings[name]
	return v, ok
}

// Set validates and stores a setting.
func (f *File) Set(name, value string) error {
	k, ok := LookupKey(name)
	if !ok {
		var names []string
		for _, k := range Keys() {
			names = append(names, k.Name)
		}
		return errs.Usagef("unknown config key %q", name).WithHint("valid keys: %s", strings.Join(names, ", "))
	}
	if k.Validate != nil {
		if err := k.Validate(value); err != nil {
			return errs.Usagef("invalid value for %s: %v", name, err)
		}
	}
	f.Settings[name] = value
	return nil
}

// Unset removes a setting.
func (f *File) Unset(name string) { delete(f.Settings, name) }

// SortedSettings returns the settings as sorted name/value pairs.
func (f *File) SortedSettings() [][2]string {
	var out [][2]string
	for k, v := range f.Settings {
		out = append(out, [2]string{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// WriteFileAtomic writes data to a temp file in path's directory, syncs it and renames it over path, so a
// reader sees the old file or the new one, never half of one. The directory is created 0700.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after a successful rename
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(name, path)
}

func nonEmpty(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("must not be empty")
	}
	return nil
}

func oneOf(valid ...string) func(string) error {
	return func(v string) error {
		for _, ok := range valid {
			if v == ok {
				return nil
			}
		}
		return fmt.Errorf("must be one of %s", strings.Join(valid, ", "))
	}
}

func validZone(v string) error {
	_, err := time.LoadLocation(v)
	return err
}

func positiveInt(v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return errors.New("must be a whole number of at least 1")
	}
	return nil
}

func positiveDuration(v string) error {
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return errors.New("must be a positive duration such as 90s or 2m")
	}
	return nil
}

// Package config knows where gog's files live and manages its JSON config file.
//
// GOG_HOME, when set, is the root of every file gog reads or writes, so a test or a script isolates itself with
// one variable. Otherwise files go to the platform's user config dir (config.json) and data dir (secrets,
// locks, sandbox state), each under "gog/".
package config

import (
	"path/filepath"
	"runtime"
)

// Paths are the directories gog uses.
type Paths struct {
	ConfigDir string // config.json lives here
	DataDir   string // secrets, token locks, sandbox state
}

// ResolvePaths decides the directories from the environment (read through getenv, never os.Getenv directly).
func ResolvePaths(getenv func(string) string) (Paths, error) {
	if home := getenv("GOG_HOME"); home != "" {
		abs, err := filepath.Abs(home)
		if err != nil {
			return Paths{}, err
		}
		return Paths{ConfigDir: abs, DataDir: abs}, nil
	}
	cfg, err := userConfigDir(getenv)
	if err != nil {
		return Paths{}, err
	}
	data, err := userDataDir(getenv)
	if err != nil {
		return Paths{}, err
	}
	return Paths{ConfigDir: filepath.Join(cfg, "gog"), DataDir: filepath.Join(data, "gog")}, nil
}

// ConfigFile is the JSON config file.
func (p Paths) ConfigFile() string { return filepath.Join(p.ConfigDir, "config.json") }

// SecretsDir holds the encrypted-file secret store.
func (p Paths) SecretsDir() string { return filepath.Join(p.DataDir, "keyring") }

// LocksDir holds the per-account refresh lock files.
func (p Paths) LocksDir() string { return filepath.Join(p.DataDir, "locks") }

// StateDir holds non-secret state (pending remote sign-ins, account metadata).
func (p Paths) StateDir() string { return filepath.Join(p.DataDir, "state") }

// SandboxDir holds the embedded sandbox's state and the sandbox's own credentials.
func (p Paths) SandboxDir() string { return filepath.Join(p.DataDir, "sandbox") }

func homeDir(getenv func(string) string) (string, error) {
	if runtime.GOOS == "windows" {
		if h := getenv("USERPROFILE"); h != "" {
			return h, nil
		}
	}
	if h := getenv("HOME"); h != "" {
		return h, nil
	}
	return "", errNoHome
}

func userConfigDir(getenv func(string) string) (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := getenv("AppData"); d != "" {
			return d, nil
		}
		return "", errNoHome
	case "darwin", "ios":
		h, err := homeDir(getenv)
		return filepath.Join(h, "Library", "Application Support"), err
	default:
		if d := getenv("XDG_CONFIG_HOME"); filepath.IsAbs(d) {
			return d, nil
		}
		h, err := homeDir(getenv)
		return filepath.Join(h, ".config"), err
	}
}

func userDataDir(getenv func(string) string) (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return "", errNoHome
	case "darwin", "ios":
		h, err := homeDir(getenv)
		return filepath.Join(h, "Library", "Application Support"), err
	default:
		if d := getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
			return d, nil
		}
		h, err := homeDir(getenv)
		return filepath.Join(h, ".local", "share"), err
	}
}

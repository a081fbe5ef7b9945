package config

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestGogHomeIsTheRootOfEveryFile(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	p, err := ResolvePaths(env(map[string]string{"GOG_HOME": home, "XDG_CONFIG_HOME": "/elsewhere"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{p.ConfigFile(), p.SecretsDir(), p.LocksDir(), p.StateDir(), p.SandboxDir()} {
		if rel, err := filepath.Rel(home, path); err != nil || strings.HasPrefix(rel, "..") || filepath.IsAbs(rel) {
			t.Errorf("%s is outside GOG_HOME %s", path, home)
		}
	}
}

func TestWithoutGogHomeFilesGoToTheUserDirsUnderGog(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("XDG layout is Linux's")
	}
	p, err := ResolvePaths(env(map[string]string{"HOME": "/home/ada", "XDG_DATA_HOME": "/data"}))
	if err != nil {
		t.Fatal(err)
	}
	if p.ConfigFile() != "/home/ada/.config/gog/config.json" || p.SandboxDir() != "/data/gog/sandbox" {
		t.Fatalf("paths: %+v", p)
	}
	if _, err := ResolvePaths(env(nil)); err == nil {
		t.Fatal("no HOME and no GOG_HOME must be an error")
	}
}

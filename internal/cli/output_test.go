package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigListIsAlignedTableOnTerminalAndTSVWhenPiped(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	if r := h.run("config", "set", "timezone", "Europe/Berlin"); r.code != 0 {
		t.Fatalf("set: %d %s", r.code, r.stderr)
	}

	h.tty = true
	h.env["NO_COLOR"] = "1"
	tty := h.run("config", "list")
	if strings.Contains(tty.stdout, "\t") {
		t.Errorf("table on a terminal must be aligned with spaces, got tabs:\n%s", tty.stdout)
	}
	mustContain(t, "table", tty.stdout, "KEY")
	mustContain(t, "table", tty.stdout, "Europe/Berlin")

	h.tty = false
	piped := h.run("config", "list")
	lines := strings.Split(strings.TrimSpace(piped.stdout), "\n")
	if lines[0] != "KEY\tVALUE\tDESCRIPTION" {
		t.Errorf("TSV header: %q", lines[0])
	}
	found := false
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "timezone\tEurope/Berlin\t") {
			found = true
		}
	}
	if !found {
		t.Errorf("TSV lacks the timezone row:\n%s", piped.stdout)
	}
	if plain := h.run("--plain", "config", "list"); plain.stdout != piped.stdout {
		t.Errorf("--plain differs from piped default:\n%s\n---\n%s", plain.stdout, piped.stdout)
	}
}

func TestColorOnlyOnTerminalAndNeverWithNoColor(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.tty = true
	if r := h.run("config", "list"); !strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("expected colour on a terminal")
	}
	h.env["NO_COLOR"] = "1"
	if r := h.run("config", "list"); strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("NO_COLOR must turn colour off")
	}
	h.tty = false
	delete(h.env, "NO_COLOR")
	if r := h.run("--color", "auto", "config", "list"); strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("no colour when piped")
	}
	if r := h.run("--color", "always", "--plain", "config", "list"); strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("--plain never has colour")
	}
}

func TestJSONListShapeAndJQFilter(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.run("config", "set", "color", "never")
	r := h.run("--json", "config", "list")
	var doc map[string][]map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if len(doc["settings"]) == 0 {
		t.Fatalf("want a settings list: %s", r.stdout)
	}
	jq := h.run("--jq", `.settings[] | select(.set) | .key`, "config", "list")
	if jq.code != 0 || jq.stdout != "color\n" {
		t.Fatalf("jq: code %d out %q err %s", jq.code, jq.stdout, jq.stderr)
	}
}

func TestConfigSetIsValidatedAndWrittenAtomically(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	if r := h.run("config", "set", "timezone", "Mars/Olympus"); r.code != ExitUsage {
		t.Fatalf("bad zone: exit %d", r.code)
	}
	if r := h.run("config", "set", "color", "always"); r.code != 0 {
		t.Fatalf("set: %d %s", r.code, r.stderr)
	}
	path := filepath.Join(h.home, "config.json")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("config mode %v, want 0600", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(h.home)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temp file left behind: %s", e.Name())
		}
	}
	if r := h.run("config", "get", "color"); r.stdout != "always\n" {
		t.Errorf("get: %q", r.stdout)
	}
	if r := h.run("config", "path"); r.stdout != path+"\n" {
		t.Errorf("path: %q want %q", r.stdout, path)
	}
	if r := h.run("config", "get", "timezone"); r.code != ExitEmpty {
		t.Errorf("unset key: exit %d, want %d", r.code, ExitEmpty)
	}
}

func TestBrokenConfigFileIsConfigErrorExit10(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	if err := os.WriteFile(filepath.Join(h.home, "config.json"), []byte("{nope"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := h.run("config", "list")
	if r.code != ExitConfig {
		t.Fatalf("exit %d, want %d; %s", r.code, ExitConfig, r.stderr)
	}
	mustContain(t, "stderr", r.stderr, "Hint:")
}

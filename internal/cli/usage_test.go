package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestHelpVersionSchemaAndCompletionExitZero(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--help"}, {"--version"}, {"version"}, {"schema", "--json"},
		{"completion", "bash"}, {"completion", "zsh"}, {"completion", "fish"}, {"completion", "powershell"},
	} {
		h := newHarness(t)
		r := h.run(args...)
		if r.code != 0 {
			t.Errorf("gog %s: exit %d, stderr %s", strings.Join(args, " "), r.code, r.stderr)
		}
		if r.stdout == "" {
			t.Errorf("gog %s printed nothing", strings.Join(args, " "))
		}
	}
}

func TestVersionNamesVersionCommitAndGo(t *testing.T) {
	t.Parallel()
	r := newHarness(t).run("version", "--json")
	var v map[string]string
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatalf("version --json is not JSON: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"version", "commit", "go"} {
		if v[k] == "" {
			t.Errorf("version --json lacks %q: %v", k, v)
		}
	}
	mustContain(t, "--version", newHarness(t).run("--version").stdout, "go1.")
}

func TestUnknownCommandIsUsageErrorWithExit2(t *testing.T) {
	t.Parallel()
	r := newHarness(t).run("frobnicate")
	if r.code != ExitUsage {
		t.Fatalf("exit %d, want %d; stderr %s", r.code, ExitUsage, r.stderr)
	}
	mustContain(t, "stderr", r.stderr, `unknown command "frobnicate"`)
}

func TestUnknownSubcommandIsUsageErrorWithSuggestion(t *testing.T) {
	t.Parallel()
	r := newHarness(t).run("config", "lst")
	if r.code != ExitUsage {
		t.Fatalf("exit %d, want %d; stderr %s", r.code, ExitUsage, r.stderr)
	}
	mustContain(t, "stderr", r.stderr, "did you mean")
	mustContain(t, "stderr", r.stderr, "list")
}

func TestBadFlagIsUsageErrorAndPrintsUsage(t *testing.T) {
	t.Parallel()
	r := newHarness(t).run("config", "list", "--no-such-flag")
	if r.code != ExitUsage {
		t.Fatalf("exit %d, want %d", r.code, ExitUsage)
	}
	mustContain(t, "stderr", r.stderr, "unknown flag: --no-such-flag")
	mustContain(t, "stderr", r.stderr, "Usage:")
}

func TestWrongArgumentCountIsUsageError(t *testing.T) {
	t.Parallel()
	r := newHarness(t).run("config", "get")
	if r.code != ExitUsage {
		t.Fatalf("exit %d, want %d", r.code, ExitUsage)
	}
	mustContain(t, "stderr", r.stderr, "accepts 1 arg")
}

func TestJSONAndPlainTogetherIsUsageError(t *testing.T) {
	t.Parallel()
	r := newHarness(t).run("--json", "--plain", "config", "list")
	if r.code != ExitUsage {
		t.Fatalf("exit %d, want %d", r.code, ExitUsage)
	}
	if r.stdout != "" {
		t.Fatalf("nothing should reach stdout, got %q", r.stdout)
	}
}

func TestJSONErrorIsOneObjectOnStderr(t *testing.T) {
	t.Parallel()
	r := newHarness(t).run("--json", "frobnicate")
	if r.code != ExitUsage {
		t.Fatalf("exit %d", r.code)
	}
	var obj struct {
		Error map[string]any `json:"error"`
	}
	dec := json.NewDecoder(strings.NewReader(r.stderr))
	if err := dec.Decode(&obj); err != nil {
		t.Fatalf("stderr is not a JSON object: %v\n%s", err, r.stderr)
	}
	if dec.More() {
		t.Fatalf("stderr holds more than one JSON value:\n%s", r.stderr)
	}
	for _, k := range []string{"exit_code", "class", "status", "reason", "message", "retryable", "hint"} {
		if _, ok := obj.Error[k]; !ok {
			t.Errorf("error object lacks %q: %v", k, obj.Error)
		}
	}
	if obj.Error["exit_code"] != float64(ExitUsage) || obj.Error["class"] != "usage" {
		t.Errorf("wrong code/class: %v", obj.Error)
	}
}

func TestJSONErrorModeFromEnvironment(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.env["GOG_JSON"] = "1"
	r := h.run("config", "get", "nonsense_key")
	if r.code != ExitUsage || !strings.HasPrefix(r.stderr, `{"error":`) {
		t.Fatalf("exit %d stderr %s", r.code, r.stderr)
	}
}

func TestBadBooleanEnvironmentIsUsageError(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.env["GOG_JSON"] = "perhaps"
	r := h.run("config", "list")
	if r.code != ExitUsage {
		t.Fatalf("exit %d stderr %s", r.code, r.stderr)
	}
	mustContain(t, "stderr", r.stderr, "GOG_JSON")
}

func TestInvalidJQIsUsageErrorBeforeAnythingRuns(t *testing.T) {
	t.Parallel()
	r := newHarness(t).run("--jq", ".[", "config", "list")
	if r.code != ExitUsage {
		t.Fatalf("exit %d stderr %s", r.code, r.stderr)
	}
	mustContain(t, "stderr", r.stderr, "--jq")
}

func TestSchemaDescribesCommandsFlagsEnvAndExitCodes(t *testing.T) {
	t.Parallel()
	r := newHarness(t).run("schema", "--json")
	var doc schemaDoc
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	if len(doc.ExitCodes) != len(ExitCodes()) {
		t.Errorf("exit codes: %v", doc.ExitCodes)
	}
	var account *schemaFlag
	for i, f := range doc.GlobalFlags {
		if f.Name == "account" {
			account = &doc.GlobalFlags[i]
		}
	}
	if account == nil || account.Env != "GOG_ACCOUNT" || account.Shorthand != "a" || account.Type != "string" {
		t.Errorf("account flag: %+v", account)
	}
	var get *schemaCommand
	for _, c := range doc.Commands {
		if c.Path == "gog config" {
			for i, s := range c.Subcommands {
				if s.Path == "gog config get" {
					get = &c.Subcommands[i]
				}
			}
		}
	}
	if get == nil || len(get.Args) != 1 || get.Args[0].Name != "KEY" || !get.Args[0].Required {
		t.Errorf("config get: %+v", get)
	}
}

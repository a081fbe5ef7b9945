package e2e

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// served is a running `gog sandbox serve` process.
type served struct {
	URL  string
	stop func() (exitCode int, extraStdout string)
}

// serve starts `gog sandbox serve` for home with extra flags, waits for its one base_url line, and stops it
// with SIGINT when the test ends (unless the test stopped it first).
func serve(t *testing.T, h *home, flags ...string) *served {
	t.Helper()
	args := append([]string{"sandbox", "serve", "--state", filepath.Join(h.dir, "served-sandbox")}, flags...)
	cmd, _, errOut := h.command(t.Context(), "", args...)
	cmd.Stdout = nil
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	reader := bufio.NewReader(stdout)
	line, err := reader.ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("gog sandbox serve printed no line: %v; stderr: %s", err, errOut.String())
	}
	var ready struct {
		BaseURL string `json:"base_url"`
	}
	if err := json.Unmarshal([]byte(line), &ready); err != nil || !strings.HasPrefix(ready.BaseURL, "http://127.0.0.1:") {
		t.Fatalf("first line %q is not {\"base_url\":\"http://127.0.0.1:PORT\"}: %v", line, err)
	}
	rest := make(chan string, 1)
	go func() { b, _ := io.ReadAll(reader); rest <- string(b) }()
	var done bool
	var code int
	var extra string
	s := &served{URL: ready.BaseURL}
	s.stop = func() (int, string) {
		if done {
			return code, extra
		}
		done = true
		_ = cmd.Process.Signal(syscall.SIGINT)
		extra = <-rest
		err := cmd.Wait()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			code = -1
		}
		return code, extra
	}
	t.Cleanup(func() { s.stop() })
	return s
}

// control calls the sandbox's control API with a JSON body and decodes the JSON answer.
func control(t *testing.T, method, url, body string) map[string]any {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode >= 300 {
		t.Fatalf("%s %s: %d %v", method, url, resp.StatusCode, out)
	}
	return out
}

// signInServed installs a client from the served sandbox and signs its demo account in with `gog auth add`,
// exactly as a user would: no browser (gog follows the sandbox's consent redirect itself).
func signInServed(t *testing.T, h *home, s *served, extra ...string) {
	t.Helper()
	client := control(t, "POST", s.URL+"/_sandbox/clients", "{}")
	raw, _ := json.Marshal(client)
	if r := h.run(string(raw), "--endpoint", s.URL, "auth", "credentials", "-"); r.code != 0 {
		t.Fatalf("auth credentials: %d %s", r.code, r.stderr)
	}
	h.must(append([]string{"--endpoint", s.URL, "--no-input", "auth", "add", "you@example.com", "--services", "all"}, extra...)...)
}

func TestSandboxServePrintsOneLineServesAndExitsZeroOnSIGINT(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	s := serve(t, h)
	signInServed(t, h, s)
	r := h.must("--endpoint", s.URL, "--json", "calendar", "events")
	if !strings.Contains(r.stdout, `"summary"`) {
		t.Fatalf("no demo events from the served sandbox:\n%s", r.stdout)
	}
	reqs := control(t, "GET", s.URL+"/_sandbox/requests", "")
	if list, _ := reqs["requests"].([]any); len(list) == 0 {
		t.Fatal("the request log is empty")
	}
	code, extra := s.stop()
	if code != 0 || extra != "" {
		t.Fatalf("serve: exit %d, extra stdout %q", code, extra)
	}
	// The state survived: a new server on the same state still knows the sign-in's refresh token... and data.
	s2 := serve(t, h)
	accounts := control(t, "GET", s2.URL+"/_sandbox/accounts", "")
	if !strings.Contains(mustJSON(accounts), "you@example.com") {
		t.Fatalf("accounts after restart: %v", accounts)
	}
}

func TestReadmeFirstCommandPrintsDemoEventsOnAFreshHome(t *testing.T) {
	t.Parallel()
	h := newHome(t)
	delete(h.env, "GOG_KEYRING_BACKEND")
	delete(h.env, "GOG_KEYRING_PASSWORD")
	r := h.must("--sandbox", "calendar", "events")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if lines[0] != "START\tEND\tSUMMARY\tID" || len(lines) < 3 {
		t.Fatalf("gog --sandbox calendar events:\n%s\nstderr: %s", r.stdout, r.stderr)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Package bench measures gog as a user meets it: each operation is a separate gog process against
// `gog sandbox serve --latency L` (default 100ms, as if Google were 100 ms away; set GOG_BENCH_LATENCY).
// Besides time per operation, every benchmark reports requests/op (requests the sandbox logged, /token
// included), the number the user pays the latency for.
//
//	go test -run '^$' -bench . -benchtime 10x ./bench/
//
// The test binary is gog too (TestMain re-executes it with GOG_BENCH_AS_GOG=1), so no build step is needed.
package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/gogcli/gog/internal/cli"
)

func TestMain(m *testing.M) {
	if os.Getenv("GOG_BENCH_AS_GOG") == "1" {
		os.Exit(cli.Main(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// machine is a GOG_HOME signed in to a served sandbox.
type machine struct {
	b    *testing.B
	home string
	url  string
}

func latency() string {
	if l := os.Getenv("GOG_BENCH_LATENCY"); l != "" {
		return l
	}
	return "100ms"
}

// newMachine serves a sandbox with latency and signs its demo account in for every service.
func newMachine(b *testing.B) *machine {
	b.Helper()
	m := &machine{b: b, home: b.TempDir()}
	serve := m.cmd("sandbox", "serve", "--state", filepath.Join(m.home, "sandbox"), "--latency", latency())
	serve.Stdout = nil
	out, err := serve.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := serve.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = serve.Process.Signal(syscall.SIGINT); _ = serve.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		b.Fatalf("serve: %v", err)
	}
	var ready struct {
		BaseURL string `json:"base_url"`
	}
	if err := json.Unmarshal([]byte(line), &ready); err != nil {
		b.Fatal(err)
	}
	m.url = ready.BaseURL
	resp, err := http.Post(m.url+"/_sandbox/clients", "application/json", nil)
	if err != nil {
		b.Fatal(err)
	}
	var client bytes.Buffer
	_, _ = client.ReadFrom(resp.Body)
	resp.Body.Close()
	creds := m.cmd("auth", "credentials", "-")
	creds.Stdin = &client
	m.run(creds)
	m.run(m.cmd("--no-input", "auth", "add", "you@example.com", "--services", "all", "--extra-scopes", "youtube.force-ssl"))
	return m
}

func (m *machine) cmd(args ...string) *exec.Cmd {
	if m.url != "" {
		args = append([]string{"--endpoint", m.url}, args...)
	}
	c := exec.Command(os.Args[0], args...)
	c.Env = []string{"GOG_BENCH_AS_GOG=1", "GOG_HOME=" + m.home, "HOME=" + m.home, "PATH=" + os.Getenv("PATH"),
		"GOG_KEYRING_BACKEND=file", "GOG_KEYRING_PASSWORD=bench"}
	c.Stdout = &bytes.Buffer{}
	c.Stderr = &bytes.Buffer{}
	return c
}

func (m *machine) run(c *exec.Cmd) {
	m.b.Helper()
	if err := c.Run(); err != nil {
		m.b.Fatalf("gog %s: %v\n%s", strings.Join(c.Args[1:], " "), err, c.Stderr)
	}
}

// requests returns how many requests the sandbox logged, and clears the log.
func (m *machine) requests() int {
	m.b.Helper()
	resp, err := http.Get(m.url + "/_sandbox/requests")
	if err != nil {
		m.b.Fatal(err)
	}
	var log struct {
		Requests []json.RawMessage `json:"requests"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&log)
	resp.Body.Close()
	req, _ := http.NewRequest("DELETE", m.url+"/_sandbox/requests", nil)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
	}
	return len(log.Requests)
}

// bench runs gog args b.N times, one process each, and reports requests/op.
func bench(b *testing.B, m *machine, args ...string) {
	m.run(m.cmd(args...)) // warm: the access token is cached from here on
	m.requests()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.run(m.cmd(args...))
	}
	b.StopTimer()
	b.ReportMetric(float64(m.requests())/float64(b.N), "requests/op")
}

func BenchmarkCalendarEventsDefault(b *testing.B) {
	bench(b, newMachine(b), "calendar", "events")
}

func BenchmarkCalendarEventsWithTimezone(b *testing.B) {
	bench(b, newMachine(b), "calendar", "events", "--timezone", "UTC")
}

func BenchmarkCalendarEventsAllCalendars(b *testing.B) {
	bench(b, newMachine(b), "calendar", "events", "--all")
}

func BenchmarkVersionProcessStart(b *testing.B) {
	m := &machine{b: b, home: b.TempDir()}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.run(m.cmd("version"))
	}
}

func BenchmarkContactsList(b *testing.B) {
	bench(b, newMachine(b), "contacts", "list")
}

func BenchmarkYouTubeVideosChart(b *testing.B) {
	bench(b, newMachine(b), "youtube", "videos", "list", "--chart", "mostPopular")
}

func BenchmarkCalendarCreateWithMeet(b *testing.B) {
	bench(b, newMachine(b), "calendar", "create", "primary", "--summary", "bench", "--from", "2026-12-01T10:00:00Z",
		"--to", "2026-12-01T11:00:00Z", "--with-meet")
}

package secrets

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func TestConcurrentSetsOfDifferentKeysLoseNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const writers, perWriter = 16, 10

	// Each goroutine opens its own handle on a fresh directory, as separate gog processes would, so the
	// first-use race on the header is part of the test.
	var wg sync.WaitGroup
	errc := make(chan error, writers)
	for w := range writers {
		wg.Go(func() {
			s, err := Open(context.Background(), fileOptions(t, dir, "pw"))
			if err != nil {
				errc <- err
				return
			}
			for i := range perWriter {
				if err := s.Set(fmt.Sprintf("token:w%d-%d@example.com", w, i), []byte(strconv.Itoa(w*1000+i))); err != nil {
					errc <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatal(err)
	}
	requireAllWritten(t, dir, writers, perWriter, "w")
	requireNoTempFiles(t, dir)
}

// requireAllWritten opens dir afresh and checks every writer's every key.
func requireAllWritten(t *testing.T, dir string, writers, perWriter int, prefix string) {
	t.Helper()
	s := openFileStore(t, dir, "pw")
	keys, err := s.Keys()
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != writers*perWriter {
		t.Fatalf("%d keys survived, want %d", len(keys), writers*perWriter)
	}
	for w := range writers {
		for i := range perWriter {
			mustGet(t, s, fmt.Sprintf("token:%s%d-%d@example.com", prefix, w, i), strconv.Itoa(w*1000+i))
		}
	}
}

// helperEnv tells a re-executed test binary to act as one writer process.
const helperEnv = "GOG_SECRETS_TEST_WRITER"

func TestSeparateProcessesWritingDifferentKeysLoseNothing(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts processes")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	const procs, perProc = 6, 8
	cmds := make([]*exec.Cmd, procs)
	for p := range procs {
		cmd := exec.CommandContext(t.Context(), exe, "-test.run=^TestHelperProcessWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s|%d|%d", helperEnv, dir, p, perProc))
		cmds[p] = cmd
	}
	for _, cmd := range cmds { // start all before waiting for any: they race on the header and the directory
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for p, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer process %d: %v", p, err)
		}
	}
	requireAllWritten(t, dir, procs, perProc, "p")
	requireNoTempFiles(t, dir)
}

// TestHelperProcessWriter is not a test: it is the body of one writer process started by the test above.
func TestHelperProcessWriter(t *testing.T) {
	spec := os.Getenv(helperEnv)
	if spec == "" {
		t.Skip("helper process only")
	}
	parts := strings.Split(spec, "|")
	if len(parts) != 3 {
		t.Fatalf("bad %s=%q", helperEnv, spec)
	}
	dir := parts[0]
	id, _ := strconv.Atoi(parts[1])
	n, _ := strconv.Atoi(parts[2])
	s := openFileStore(t, dir, "pw")
	for i := range n {
		mustSet(t, s, fmt.Sprintf("token:p%d-%d@example.com", id, i), strconv.Itoa(id*1000+i))
	}
}

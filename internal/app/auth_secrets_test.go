package app

import (
	"bytes"
	"path/filepath"
	"testing"
)

func TestKeyringFallbackNoteIsShownOnceAcrossRuns(t *testing.T) {
	t.Parallel()
	marker := filepath.Join(t.TempDir(), "state", "keyring-fallback-noted")
	var stderr bytes.Buffer
	for run := 0; run < 3; run++ {
		n := &noteOnce{marker: marker, w: &stderr} // a new process each time
		if _, err := n.Write([]byte("note: using the encrypted file store\n")); err != nil {
			t.Fatal(err)
		}
	}
	if got := stderr.String(); got != "note: using the encrypted file store\n" {
		t.Fatalf("stderr after three runs: %q", got)
	}
}

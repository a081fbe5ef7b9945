package sandbox

import (
	"testing"
	"time"
)

func TestRequestLogKeepsTheNewestEntriesAndLateStatuses(t *testing.T) {
	t.Parallel()
	l := newRequestLog(3)
	var seqs []int64
	for i := 0; i < 5; i++ {
		seqs = append(seqs, l.begin(RequestEntry{Method: "GET", Path: string(rune('a' + i)), At: time.Unix(int64(i), 0)}))
	}
	l.setStatus(seqs[0], 500) // evicted: ignored
	l.setStatus(seqs[3], 201)
	got := l.list()
	if len(got) != 3 || got[0].Path != "c" || got[1].Status != 201 || got[2].Path != "e" {
		t.Fatalf("log = %+v", got)
	}
	l.clear()
	s := l.begin(RequestEntry{Path: "f"})
	l.setStatus(s, 204)
	if got := l.list(); len(got) != 1 || got[0].Status != 204 {
		t.Fatalf("after clear: %+v", got)
	}
}

func TestRedactQueryHidesCredentialsOnly(t *testing.T) {
	t.Parallel()
	in := "alt=json&access_token=ya29.secret&prettyPrint=false&code=4%2F0Asecret&q=code"
	want := "alt=json&access_token=REDACTED&prettyPrint=false&code=REDACTED&q=code"
	if got := redactQuery(in); got != want {
		t.Errorf("redactQuery = %q, want %q", got, want)
	}
}

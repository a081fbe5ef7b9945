package transport

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/transport/redact"
)

// attemptNote carries what the retry layer decided about one attempt to the trace layer below it, so that the
// trace prints one line per attempt that says both what happened and what comes next. The retry layer records its
// verdict before it closes a discarded answer, and the line goes out when the answer's body is closed (only then
// are the bytes received known); for a failed round trip it goes out when the retry layer calls finish.
type attemptNote struct {
	mu      sync.Mutex
	n       int
	wait    time.Duration
	verdict string
	pending func(suffix string)
}

type noteKey struct{}

func withNote(ctx context.Context, n *attemptNote) context.Context {
	return context.WithValue(ctx, noteKey{}, n)
}

func noteFrom(ctx context.Context) *attemptNote {
	n, _ := ctx.Value(noteKey{}).(*attemptNote)
	return n
}

// decide records what the retry layer does after this attempt: wait then retry (wait > 0), or just why it stops
// or goes on.
func (n *attemptNote) decide(wait time.Duration, verdict string) {
	n.mu.Lock()
	n.wait, n.verdict = wait, verdict
	n.mu.Unlock()
}

func (n *attemptNote) prefix() string {
	if n == nil {
		return ""
	}
	return fmt.Sprintf("attempt %d: ", n.n)
}

func (n *attemptNote) suffix() string {
	if n == nil {
		return ""
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	switch {
	case n.wait > 0:
		return fmt.Sprintf("; waiting %s: %s", n.wait.Round(time.Millisecond), n.verdict)
	case n.verdict != "":
		return "; " + n.verdict
	}
	return ""
}

// hold keeps a failed round trip's line until finish, when the verdict is known.
func (n *attemptNote) hold(line func(string)) {
	n.mu.Lock()
	n.pending = line
	n.mu.Unlock()
}

// finish prints a held line, if any.
func (n *attemptNote) finish() {
	n.mu.Lock()
	line := n.pending
	n.pending = nil
	n.mu.Unlock()
	if line != nil {
		line(n.suffix())
	}
}

// tracer writes one line per round trip to w, with every secret redacted.
type tracer struct {
	next http.RoundTripper
	clk  clock.Clock
	mu   sync.Mutex // one line goes out in one Write, lines never interleave
	w    io.Writer
}

// NewTrace wraps base so that every round trip writes one line to w: method, redacted URL, status or error,
// time to the answer's headers, bytes out and in, and — under New's retry layer — the attempt number and the
// wait chosen and why. The auth core uses it for its /token calls. A nil w returns base unchanged.
func NewTrace(base http.RoundTripper, w io.Writer, clk clock.Clock) http.RoundTripper {
	if w == nil {
		return base
	}
	if base == nil {
		base = http.DefaultTransport
	}
	if clk == nil {
		clk = clock.Real{}
	}
	return &tracer{next: base, clk: clk, w: w}
}

func (t *tracer) RoundTrip(req *http.Request) (*http.Response, error) {
	note := noteFrom(req.Context())
	start := t.clk.Now()
	out := &counter{n: req.ContentLength}
	if req.Body != nil && req.Body != http.NoBody && req.ContentLength <= 0 {
		r := *req // shallow copy: a RoundTripper must not modify the caller's request
		out.n = 0
		out.r = req.Body
		r.Body = out
		req = &r
	}
	if out.n < 0 {
		out.n = 0
	}
	head := fmt.Sprintf("%s%s %s", note.prefix(), req.Method, redact.String(req.URL.String()))
	resp, err := t.next.RoundTrip(req)
	took := t.clk.Now().Sub(start).Round(time.Millisecond)
	if err != nil {
		line := func(suffix string) {
			t.printf("%s → error after %s: %s (out %d B)%s", head, took, redact.String(err.Error()), out.count(), suffix)
		}
		if note != nil {
			note.hold(line)
		} else {
			line("")
		}
		return nil, err
	}
	status := fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	printLine := func(in int64) {
		t.printf("%s → %s in %s (out %d B, in %d B)%s", head, strings.TrimSpace(status), took, out.count(), in, note.suffix())
	}
	if resp.Body == nil {
		printLine(0)
		return resp, nil
	}
	resp.Body = &tracedBody{rc: resp.Body, done: printLine}
	return resp, nil
}

func (t *tracer) printf(format string, args ...any) {
	line := "gog http: " + fmt.Sprintf(format, args...) + "\n"
	t.mu.Lock()
	defer t.mu.Unlock()
	_, _ = io.WriteString(t.w, line)
}

// counter counts the request bytes actually sent when the length is not known up front.
type counter struct {
	mu sync.Mutex
	r  io.ReadCloser
	n  int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.mu.Lock()
	c.n += int64(n)
	c.mu.Unlock()
	return n, err
}

func (c *counter) Close() error { return c.r.Close() }

func (c *counter) count() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// tracedBody counts the answer's bytes and prints the attempt's line when closed.
type tracedBody struct {
	rc   io.ReadCloser
	mu   sync.Mutex
	n    int64
	once sync.Once
	done func(in int64)
}

func (b *tracedBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	b.mu.Lock()
	b.n += int64(n)
	b.mu.Unlock()
	return n, err
}

func (b *tracedBody) Close() error {
	err := b.rc.Close()
	b.once.Do(func() {
		b.mu.Lock()
		n := b.n
		b.mu.Unlock()
		b.done(n)
	})
	return err
}

package google

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/gogcli/gog/internal/transport"
)

// ErrDryRun is returned (wrapped) by a call that --dry-run stopped before it left the machine. The cli treats it
// as success: the request was printed, which is what the user asked for.
var ErrDryRun = errors.New("dry run: request printed, not sent")

// DryRun is the outermost RoundTripper under --dry-run: reads pass through (a command may need to read before
// it writes, e.g. an etag), every write is printed to Out as JSON and not sent.
type DryRun struct {
	Next http.RoundTripper
	Out  io.Writer
	mu   sync.Mutex
}

// DryRunRequest is what --dry-run prints for each write.
type DryRunRequest struct {
	DryRun bool            `json:"dry_run"`
	Method string          `json:"method"`
	URL    string          `json:"url"`
	Body   json.RawMessage `json:"body,omitempty"`
}

// RoundTrip implements http.RoundTripper.
func (d *DryRun) RoundTrip(req *http.Request) (*http.Response, error) {
	if transport.IsReadOnlyRequest(req) {
		return d.Next.RoundTrip(req)
	}
	out := DryRunRequest{DryRun: true, Method: req.Method, URL: transport.Redact(req.URL.String())}
	if req.Body != nil {
		raw, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		if json.Valid(raw) {
			out.Body = raw
		} else if len(raw) > 0 {
			quoted, _ := json.Marshal(transport.Redact(strings.TrimSpace(string(raw))))
			out.Body = quoted
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	d.mu.Lock()
	_, err := d.Out.Write(b.Bytes())
	d.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return nil, ErrDryRun
}

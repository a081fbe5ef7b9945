package sandbox

import (
	"bufio"
	"errors"
	"net"
	"net/http"
	"strings"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/oauth"
)

// serveHTTP is the front door. Control-API requests go straight to the control mux. Every other request is a
// Google-path request: it is logged, delayed by Options.Latency, offered to the faults, and only then routed to
// OAuth or an API (so faults answer before any auth or scope check).
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/_sandbox" || strings.HasPrefix(r.URL.Path, "/_sandbox/") {
		s.control.ServeHTTP(w, r)
		return
	}
	seq := s.log.begin(RequestEntry{Method: r.Method, Path: r.URL.Path, Query: redactQuery(r.URL.RawQuery), At: s.clock.Now()})
	rec := &recorder{ResponseWriter: w, onHeader: func(status int) { s.log.setStatus(seq, status) }}
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler { //nolint:errorlint // sentinel compared as net/http does
				panic(v)
			}
			if !rec.wrote {
				gapi.WriteError(rec, gapi.Legacy, gapi.BackendError())
			}
		}
	}()
	if s.opts.Latency > 0 {
		if err := s.clock.Sleep(r.Context(), s.opts.Latency); err != nil {
			rec.drop()
			return
		}
	}
	if s.applyFaults(rec, r) {
		return
	}
	if oauth.Owns(r.URL.Path) {
		s.oauth.ServeHTTP(rec, r)
		return
	}
	s.router.ServeHTTP(rec, r)
}

// recorder reports the status to the request log as soon as it is decided, and knows how to hang up.
type recorder struct {
	http.ResponseWriter
	onHeader func(int)
	wrote    bool
}

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.wrote = true
		r.onHeader(status)
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if !r.wrote {
		r.WriteHeader(http.StatusOK)
	}
	return r.ResponseWriter.Write(b)
}

// dropper is implemented by the in-process transport's response writer.
type dropper interface{ Drop() }

// drop hangs up without an answer: the in-process transport turns it into io.ErrUnexpectedEOF; over a socket the
// connection is hijacked and closed; failing both, the handler aborts (net/http closes the connection).
func (r *recorder) drop() {
	r.wrote = true
	r.onHeader(0)
	if d, ok := r.ResponseWriter.(dropper); ok {
		d.Drop()
		return
	}
	if hj, ok := r.ResponseWriter.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0) // reset rather than a clean FIN: what a crashed front end looks like
			}
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// Hijack lets the recorder stand in for a hijackable writer.
func (r *recorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := r.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("hijack not supported")
	}
	return hj.Hijack()
}

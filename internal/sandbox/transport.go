package sandbox

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

// inProcess is the socket-less RoundTripper of Server.Transport: it runs the handler on the caller's goroutine
// and buffers the answer. It honours the request context: a request whose context ends (before or during the
// handler, for example while a latency or delay fault waits) fails with the context's error.
type inProcess struct {
	h http.Handler
}

func (t *inProcess) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if req.Body != nil {
		defer req.Body.Close()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sreq := req.Clone(ctx)
	if sreq.Body == nil {
		sreq.Body = http.NoBody
	}
	sreq.RequestURI = req.URL.RequestURI()
	sreq.RemoteAddr = "127.0.0.1:0"
	if sreq.Host == "" {
		sreq.Host = req.URL.Host
	}
	w := &memWriter{header: http.Header{}}
	if aborted := serveCatchingAbort(t.h, w, sreq); aborted {
		w.dropped = true
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if w.dropped {
		return nil, fmt.Errorf("sandbox: %s %s: server hung up: %w", req.Method, req.URL.Path, io.ErrUnexpectedEOF)
	}
	if w.status == 0 {
		w.status = http.StatusOK
	}
	body := w.buf.Bytes()
	if w.header.Get("Content-Length") == "" {
		w.header.Set("Content-Length", strconv.Itoa(len(body)))
	}
	return &http.Response{
		Status:     fmt.Sprintf("%d %s", w.status, http.StatusText(w.status)),
		StatusCode: w.status, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: w.header, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)),
		Request: req,
	}, nil
}

// serveCatchingAbort runs h, reporting a panic(http.ErrAbortHandler) as an abort (as net/http's server does).
func serveCatchingAbort(h http.Handler, w http.ResponseWriter, r *http.Request) (aborted bool) {
	defer func() {
		if v := recover(); v != nil {
			if v != http.ErrAbortHandler { //nolint:errorlint // sentinel compared as net/http does
				panic(v)
			}
			aborted = true
		}
	}()
	h.ServeHTTP(w, r)
	return false
}

// memWriter is the in-process ResponseWriter.
type memWriter struct {
	header  http.Header
	status  int
	buf     bytes.Buffer
	dropped bool
}

func (w *memWriter) Header() http.Header { return w.header }

func (w *memWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *memWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.buf.Write(b)
}

// Drop marks the exchange as hung up (see recorder.drop).
func (w *memWriter) Drop() { w.dropped = true }

package transport

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
)

const (
	// maxBuffered is the largest body of known length the transport copies into memory to be able to send it
	// again; a larger (or unknown-length, GetBody-less) body makes the request not replayable.
	maxBuffered = 16 << 20
	// maxPeek is how much of an error answer is read to classify it; the rest stays unread for the caller.
	maxPeek = 1 << 20
	// maxDrain is how much of a discarded answer is read so the connection can be reused; beyond it, close.
	maxDrain = 256 << 10
)

// replay hands out the request body for each attempt.
type replay struct {
	none       bool                          // no body at all
	first      io.ReadCloser                 // the caller's body, for the first attempt only
	getBody    func() (io.ReadCloser, error) // the caller's GetBody, or one over buf
	buf        []byte
	replayable bool
}

// newReplay takes over req.Body. It buffers a body of known length up to maxBuffered that has no GetBody.
func newReplay(req *http.Request) (*replay, error) {
	switch {
	case req.Body == nil || req.Body == http.NoBody:
		return &replay{none: true, replayable: true}, nil
	case req.GetBody != nil:
		return &replay{first: req.Body, getBody: req.GetBody, replayable: true}, nil
	case req.ContentLength > 0 && req.ContentLength <= maxBuffered:
		buf, err := io.ReadAll(io.LimitReader(req.Body, req.ContentLength+1))
		_ = req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("reading the request body: %w", err)
		}
		if int64(len(buf)) != req.ContentLength {
			return nil, fmt.Errorf("request body is %d bytes, ContentLength says %d", len(buf), req.ContentLength)
		}
		r := &replay{buf: buf, replayable: true}
		r.getBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(r.buf)), nil }
		return r, nil
	default:
		return &replay{first: req.Body}, nil
	}
}

// next returns the body for the coming attempt and the GetBody to attach to it.
func (r *replay) next() (io.ReadCloser, func() (io.ReadCloser, error), error) {
	if r.none {
		return http.NoBody, nil, nil
	}
	if r.first != nil {
		b := r.first
		r.first = nil
		return b, r.getBody, nil
	}
	if r.getBody == nil {
		return nil, nil, fmt.Errorf("request body cannot be sent again")
	}
	b, err := r.getBody()
	if err != nil {
		return nil, nil, fmt.Errorf("rewinding the request body: %w", err)
	}
	return b, r.getBody, nil
}

// close releases the caller's body if no attempt ever took it (a RoundTripper must always close it).
func (r *replay) close() {
	if r.first != nil {
		_ = r.first.Close()
		r.first = nil
	}
}

// peekedBody replays the classified prefix and then the rest of the original body; closing closes the original.
type peekedBody struct {
	io.Reader
	io.Closer
}

// peek reads up to maxPeek bytes of resp's body to classify it and puts back a body that yields all of it.
func peek(resp *http.Response) []byte {
	if resp.Body == nil {
		resp.Body = http.NoBody
		return nil
	}
	prefix, _ := io.ReadAll(io.LimitReader(resp.Body, maxPeek))
	resp.Body = peekedBody{Reader: io.MultiReader(bytes.NewReader(prefix), resp.Body), Closer: resp.Body}
	return prefix
}

// discard finishes with an answer the caller will never see.
func discard(resp *http.Response) {
	if resp == nil || resp.Body == nil {
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxDrain))
	_ = resp.Body.Close()
}

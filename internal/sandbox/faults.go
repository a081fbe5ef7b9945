package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gogcli/gog/internal/discovery"
	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// Fault makes matching Google-path requests fail on purpose (control API POST /_sandbox/faults).
//
// A request matches when its path starts with PathPrefix and (if set) its method is Method. Faults are checked
// in creation order, before any auth or scope check. A matching fault first skips After requests, then fires:
// it waits DelayMS (through the sandbox clock, honouring the request's context) and then answers with Status,
// Body and Headers, or hangs up (Drop); a fault with only DelayMS lets the request go on to later faults and the
// real handler. Times counts firings down; the fault disappears when it reaches zero (0 = until cleared).
type Fault struct {
	ID         string            `json:"id"`
	Method     string            `json:"method,omitempty"`
	PathPrefix string            `json:"path_prefix,omitempty"`
	Status     int               `json:"status,omitempty"`
	Body       json.RawMessage   `json:"body,omitempty"` // a JSON object is sent as JSON; a JSON string is sent verbatim
	Headers    map[string]string `json:"headers,omitempty"`
	Times      int               `json:"times,omitempty"`
	After      int               `json:"after,omitempty"`
	DelayMS    int               `json:"delay_ms,omitempty"`
	Drop       bool              `json:"drop,omitempty"`
	// Preset fills Status, Body and headers with one of Google's exact answers; see presets.go.
	Preset string `json:"preset,omitempty"`
	Seq    int64  `json:"seq"`
}

func (f *Fault) answers() bool { return f.Status != 0 || f.Drop || f.Preset != "" }

func (f *Fault) matches(r *http.Request) bool {
	if f.Method != "" && !strings.EqualFold(f.Method, r.Method) {
		return false
	}
	return strings.HasPrefix(r.URL.Path, f.PathPrefix)
}

// validate checks a fault as posted and fills what its preset implies.
func (f *Fault) validate() error {
	switch {
	case f.Times < 0 || f.After < 0 || f.DelayMS < 0:
		return errors.New("times, after and delay_ms must not be negative")
	case f.Status != 0 && (f.Status < 200 || f.Status > 599):
		return fmt.Errorf("status %d is not an HTTP status this fault can send", f.Status)
	case f.Preset != "" && !knownPreset(f.Preset):
		return fmt.Errorf("unknown preset %q (known: %s)", f.Preset, strings.Join(presetNames(), ", "))
	case f.Drop && (f.Status != 0 || f.Preset != "" || len(f.Body) > 0):
		return errors.New("drop hangs up: it cannot be combined with status, preset or body")
	case !f.answers() && f.DelayMS == 0:
		return errors.New("a fault needs status, preset, drop or delay_ms")
	case len(f.Body) > 0 && !json.Valid(f.Body):
		return errors.New("body must be JSON (an object, or a string sent verbatim)")
	case f.Status == 0 && (len(f.Body) > 0 || len(f.Headers) > 0) && f.Preset == "":
		return errors.New("body and headers need a status")
	}
	return nil
}

// faultSet is the active faults, persisted on every change (counters included) so a restart resumes them.
type faultSet struct {
	mu     sync.Mutex
	st     *store.Store
	faults []Fault
	next   int64
}

const bucketFaults = "sandbox/faults"

func loadFaults(ctx context.Context, st *store.Store) (*faultSet, error) {
	fs := &faultSet{st: st}
	err := st.View(ctx, func(tx *store.Tx) error {
		var err error
		fs.faults, err = store.List[Fault](tx, bucketFaults, "")
		return err
	})
	for _, f := range fs.faults {
		fs.next = max(fs.next, f.Seq)
	}
	return fs, err
}

// faultKey orders faults by creation in the store.
func faultKey(seq int64) string { return fmt.Sprintf("%020d", seq) }

func (fs *faultSet) add(ctx context.Context, f Fault) (Fault, error) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f.Seq = fs.next + 1
	f.ID = "fault-" + strconv.FormatInt(f.Seq, 10)
	if err := fs.st.Update(ctx, func(tx *store.Tx) error { return store.Put(tx, bucketFaults, faultKey(f.Seq), f) }); err != nil {
		return Fault{}, err
	}
	fs.next = f.Seq
	fs.faults = append(fs.faults, f)
	return f, nil
}

func (fs *faultSet) list() []Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return append([]Fault{}, fs.faults...)
}

// remove deletes one fault by id ("" removes all) and reports whether any was removed.
func (fs *faultSet) remove(ctx context.Context, id string) (bool, error) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	var keep, gone []Fault
	for _, f := range fs.faults {
		if id == "" || f.ID == id {
			gone = append(gone, f)
		} else {
			keep = append(keep, f)
		}
	}
	err := fs.st.Update(ctx, func(tx *store.Tx) error {
		for _, f := range gone {
			if err := store.Delete(tx, bucketFaults, faultKey(f.Seq)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, err
	}
	fs.faults = keep
	return len(gone) > 0, nil
}

// take decides which faults fire for r, consuming their after/times counters, and returns them in order: any
// delay-only faults, then at most one answering fault.
func (fs *faultSet) take(ctx context.Context, r *http.Request) ([]Fault, error) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	var fired []Fault
	changed := map[int]bool{}
	for i := range fs.faults {
		f := &fs.faults[i]
		if !f.matches(r) {
			continue
		}
		if f.After > 0 {
			f.After--
			changed[i] = true
			continue
		}
		fired = append(fired, *f)
		if f.Times > 0 {
			f.Times--
			changed[i] = true
			if f.Times == 0 {
				f.Times = -1 // exhausted: removed below
			}
		}
		if f.answers() {
			break
		}
	}
	if len(changed) == 0 {
		return fired, nil // no counter moved: nothing to persist
	}
	var keep []Fault
	err := fs.st.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		for i, f := range fs.faults {
			switch {
			case f.Times < 0:
				if err := store.Delete(tx, bucketFaults, faultKey(f.Seq)); err != nil {
					return err
				}
				continue
			case changed[i]:
				if err := store.Put(tx, bucketFaults, faultKey(f.Seq), f); err != nil {
					return err
				}
			}
			keep = append(keep, f)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	fs.faults = keep
	return fired, nil
}

// applyFaults runs the faults that fire for r. It reports whether the request has been answered (or hung up on)
// and must go no further.
func (s *Server) applyFaults(w *recorder, r *http.Request) bool {
	fired, err := s.faults.take(r.Context(), r)
	if err != nil {
		gapi.WriteError(w, gapi.Legacy, gapi.BackendError())
		return true
	}
	for _, f := range fired {
		if f.DelayMS > 0 {
			if err := s.clock.Sleep(r.Context(), time.Duration(f.DelayMS)*time.Millisecond); err != nil {
				w.drop()
				return true
			}
		}
		if f.Drop {
			w.drop()
			return true
		}
		if f.answers() {
			writeFault(w, r, f)
			return true
		}
	}
	return false
}

// writeFault sends a fault's answer: its preset (if any) overlaid with its own status, body and headers.
func writeFault(w http.ResponseWriter, r *http.Request, f Fault) {
	status, body, header := f.Status, []byte(nil), http.Header{}
	if f.Preset != "" {
		ps, pb, ph := preset(f.Preset, r)
		if status == 0 {
			status = ps
		}
		body, header = pb, ph
	}
	ctype := gapi.JSONContentType
	if len(f.Body) > 0 {
		var s string
		if json.Unmarshal(f.Body, &s) == nil {
			body, ctype = []byte(s), "text/plain; charset=utf-8"
		} else {
			body = f.Body
		}
	}
	if body == nil {
		body = genericError(status, r).Envelope(styleFor(r))
	}
	for k, v := range f.Headers {
		header.Set(k, v)
	}
	if header.Get("Content-Type") == "" {
		header.Set("Content-Type", ctype)
	}
	for k, vs := range header {
		w.Header()[k] = vs
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// styleFor is the envelope style of the API a request is for (legacy when it is for no known method).
func styleFor(r *http.Request) gapi.Style {
	if m, res, _ := discovery.Lookup(r.Method, r.URL.EscapedPath()); res == discovery.Found {
		return gapi.StyleOf(m.Method)
	}
	return gapi.Legacy
}

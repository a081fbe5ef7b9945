package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/gogcli/gog/internal/sandbox/oauth"
)

// controlMux is the control API under /_sandbox/ (docs/sandbox.md). It is not Google: plain JSON in and out,
// errors as {"error":{"code":N,"message":"…"}}, never logged, never faulted, never delayed.
func (s *Server) controlMux() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /_sandbox/{$}", s.ctlInfo)
	mux.HandleFunc("GET /_sandbox/accounts", s.ctlListAccounts)
	mux.HandleFunc("POST /_sandbox/accounts", s.ctlCreateAccount)
	mux.HandleFunc("POST /_sandbox/clients", s.ctlCreateClient)
	mux.HandleFunc("POST /_sandbox/tokens", s.ctlMintTokens)
	mux.HandleFunc("GET /_sandbox/grants", s.ctlGrants)
	mux.HandleFunc("POST /_sandbox/service-accounts", s.ctlServiceAccount)
	mux.HandleFunc("GET /_sandbox/faults", s.ctlListFaults)
	mux.HandleFunc("POST /_sandbox/faults", s.ctlAddFault)
	mux.HandleFunc("DELETE /_sandbox/faults", s.ctlClearFaults)
	mux.HandleFunc("DELETE /_sandbox/faults/{id}", s.ctlDeleteFault)
	mux.HandleFunc("GET /_sandbox/requests", s.ctlRequests)
	mux.HandleFunc("DELETE /_sandbox/requests", s.ctlClearRequests)
	mux.HandleFunc("GET /_sandbox/clock", s.ctlClock)
	mux.HandleFunc("POST /_sandbox/clock", s.ctlAdvanceClock)
	mux.HandleFunc("GET /_sandbox/consent", s.ctlConsent)
	mux.HandleFunc("POST /_sandbox/consent", s.ctlSetConsent)
	mux.HandleFunc("/_sandbox/", func(w http.ResponseWriter, r *http.Request) {
		ctlError(w, http.StatusNotFound, "no control endpoint %s %s (see docs/sandbox.md)", r.Method, r.URL.Path)
	})
	return mux
}

func ctlJSON(w http.ResponseWriter, status int, v any) {
	raw, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(raw, '\n'))
}

func ctlError(w http.ResponseWriter, status int, format string, args ...any) {
	ctlJSON(w, status, map[string]any{"error": map[string]any{"code": status, "message": fmt.Sprintf(format, args...)}})
}

// ctlFail maps an error from a Server method to a control-API answer.
func ctlFail(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, ErrBadInput), errors.Is(err, oauth.ErrInvalidScope):
		ctlError(w, http.StatusBadRequest, "%v", err)
	case errors.Is(err, oauth.ErrNotFound):
		ctlError(w, http.StatusNotFound, "%v", err)
	default:
		ctlError(w, http.StatusInternalServerError, "%v", err)
	}
}

// decodeControl reads a small JSON body; an empty body is {}.
func decodeControl(w http.ResponseWriter, r *http.Request, v any) bool {
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		ctlError(w, http.StatusRequestEntityTooLarge, "body too large")
		return false
	}
	if len(raw) == 0 {
		return true
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		ctlError(w, http.StatusBadRequest, "invalid JSON body: %v", err)
		return false
	}
	return true
}

func (s *Server) ctlInfo(w http.ResponseWriter, _ *http.Request) {
	ctlJSON(w, http.StatusOK, map[string]any{"base_url": s.opts.BaseURL, "now": s.clock.Now()})
}

func (s *Server) ctlListAccounts(w http.ResponseWriter, r *http.Request) {
	accts, err := s.Accounts(r.Context())
	if err != nil {
		ctlFail(w, err)
		return
	}
	ctlJSON(w, http.StatusOK, map[string]any{"accounts": accts})
}

func (s *Server) ctlCreateAccount(w http.ResponseWriter, r *http.Request) {
	var spec AccountSpec
	if !decodeControl(w, r, &spec) {
		return
	}
	acct, created, err := s.CreateAccount(r.Context(), spec)
	if err != nil {
		ctlFail(w, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	ctlJSON(w, status, map[string]any{"email": acct.Email, "sub": acct.Sub, "name": acct.Name, "created": created})
}

func (s *Server) ctlCreateClient(w http.ResponseWriter, r *http.Request) {
	raw, err := s.CreateClient(r.Context())
	if err != nil {
		ctlFail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_, _ = w.Write(append(raw, '\n'))
}

func (s *Server) ctlMintTokens(w http.ResponseWriter, r *http.Request) {
	var req TokenRequest
	if !decodeControl(w, r, &req) {
		return
	}
	if req.Email == "" || len(req.Scopes) == 0 {
		ctlError(w, http.StatusBadRequest, "email and scopes are required")
		return
	}
	resp, err := s.MintTokens(r.Context(), req)
	if err != nil {
		ctlFail(w, err)
		return
	}
	ctlJSON(w, http.StatusOK, resp)
}

func (s *Server) ctlGrants(w http.ResponseWriter, r *http.Request) {
	g, err := s.oauth.Grants(r.Context())
	if err != nil {
		ctlFail(w, err)
		return
	}
	ctlJSON(w, http.StatusOK, map[string]any{"grants": g})
}

func (s *Server) ctlServiceAccount(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string `json:"name"`
	}
	if !decodeControl(w, r, &req) {
		return
	}
	key, err := s.CreateServiceAccountKey(r.Context(), req.Name)
	if err != nil {
		ctlFail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_, _ = w.Write(append(key, '\n'))
}

func (s *Server) ctlListFaults(w http.ResponseWriter, _ *http.Request) {
	ctlJSON(w, http.StatusOK, map[string]any{"faults": s.faults.list()})
}

func (s *Server) ctlAddFault(w http.ResponseWriter, r *http.Request) {
	var f Fault
	if !decodeControl(w, r, &f) {
		return
	}
	f, err := s.AddFault(r.Context(), f)
	if err != nil {
		ctlFail(w, err)
		return
	}
	ctlJSON(w, http.StatusCreated, map[string]any{"id": f.ID})
}

func (s *Server) ctlClearFaults(w http.ResponseWriter, r *http.Request) {
	if err := s.ClearFaults(r.Context()); err != nil {
		ctlFail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) ctlDeleteFault(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	found, err := s.faults.remove(r.Context(), id)
	switch {
	case err != nil:
		ctlFail(w, err)
	case id == "" || !found:
		ctlError(w, http.StatusNotFound, "no fault %q", id)
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}

func (s *Server) ctlRequests(w http.ResponseWriter, _ *http.Request) {
	ctlJSON(w, http.StatusOK, map[string]any{"requests": s.Requests()})
}

func (s *Server) ctlClearRequests(w http.ResponseWriter, _ *http.Request) {
	s.ClearRequests()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) ctlClock(w http.ResponseWriter, _ *http.Request) {
	ctlJSON(w, http.StatusOK, map[string]any{"now": s.clock.Now()})
}

func (s *Server) ctlAdvanceClock(w http.ResponseWriter, r *http.Request) {
	var req struct {
		AdvanceSeconds float64 `json:"advance_seconds"`
	}
	if !decodeControl(w, r, &req) {
		return
	}
	if req.AdvanceSeconds < 0 {
		ctlError(w, http.StatusBadRequest, "advance_seconds must not be negative: the sandbox clock only moves forward")
		return
	}
	now, err := s.AdvanceClock(r.Context(), time.Duration(req.AdvanceSeconds*float64(time.Second)))
	if err != nil {
		ctlFail(w, err)
		return
	}
	ctlJSON(w, http.StatusOK, map[string]any{"now": now})
}

func (s *Server) ctlConsent(w http.ResponseWriter, r *http.Request) {
	c, err := s.oauth.Consent(r.Context())
	if err != nil {
		ctlFail(w, err)
		return
	}
	ctlJSON(w, http.StatusOK, c)
}

func (s *Server) ctlSetConsent(w http.ResponseWriter, r *http.Request) {
	var c oauth.Consent
	if !decodeControl(w, r, &c) {
		return
	}
	if err := s.SetConsent(r.Context(), c); err != nil {
		ctlFail(w, err)
		return
	}
	c, _ = s.oauth.Consent(r.Context())
	ctlJSON(w, http.StatusOK, c)
}

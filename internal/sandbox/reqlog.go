package sandbox

import (
	"net/url"
	"strings"
	"sync"
	"time"
)

// maxLogEntries bounds the in-memory request log; the oldest entries fall off.
const maxLogEntries = 10000

// RequestEntry is one Google-path request as the control API reports it. Status 0 means the sandbox hung up
// (a drop fault) or the client went away before an answer.
type RequestEntry struct {
	Method string    `json:"method"`
	Path   string    `json:"path"`
	Query  string    `json:"query"` // raw query, credentials redacted
	Status int       `json:"status"`
	At     time.Time `json:"at"` // sandbox time of arrival
}

// requestLog keeps entries in arrival order. An entry is added when a request arrives and its status filled in
// when the answer's header is written, so a client that has its answer always finds its entry complete.
type requestLog struct {
	mu      sync.Mutex
	entries []RequestEntry
	first   int64 // sequence number of entries[0]
	limit   int
}

func newRequestLog(limit int) *requestLog { return &requestLog{limit: limit} }

// begin records an arriving request and returns its sequence number.
func (l *requestLog) begin(e RequestEntry) int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.entries) >= l.limit {
		drop := len(l.entries) - l.limit + 1
		l.entries = append(l.entries[:0], l.entries[drop:]...)
		l.first += int64(drop)
	}
	l.entries = append(l.entries, e)
	return l.first + int64(len(l.entries)) - 1
}

func (l *requestLog) setStatus(seq int64, status int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i := seq - l.first; i >= 0 && i < int64(len(l.entries)) {
		l.entries[i].Status = status
	}
}

func (l *requestLog) list() []RequestEntry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]RequestEntry{}, l.entries...)
}

func (l *requestLog) clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.first += int64(len(l.entries))
	l.entries = nil
}

// isSecretParam names the query parameters whose values never reach the log.
func isSecretParam(name string) bool {
	switch name {
	case "access_token", "token", "code", "refresh_token", "client_secret", "code_verifier", "assertion", "id_token", "key":
		return true
	}
	return false
}

// redactQuery blanks credential values in a raw query, leaving everything else byte for byte as sent.
func redactQuery(raw string) string {
	if raw == "" {
		return ""
	}
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		k, _, hasValue := strings.Cut(p, "=")
		name, err := url.QueryUnescape(k)
		if err != nil {
			name = k
		}
		if hasValue && isSecretParam(name) {
			parts[i] = k + "=REDACTED"
		}
	}
	return strings.Join(parts, "&")
}

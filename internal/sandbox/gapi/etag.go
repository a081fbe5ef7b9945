package gapi

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"strconv"
	"strings"
)

// ETag returns a quoted etag for a resource: the decimal digest of its JSON form, shaped like Calendar's
// ("3181161784712000"). Compute it with the resource's own Etag field cleared so it is stable.
func ETag(v any) string {
	raw, _ := json.Marshal(v)
	h := sha256.Sum256(raw)
	return `"` + strconv.FormatUint(binary.BigEndian.Uint64(h[:8])>>11, 10) + `"`
}

// CheckIfMatch enforces an If-Match request header against the resource's current etag: absent or "*" passes,
// anything else must list the current etag or the call fails with 412 conditionNotMet.
func (c *Call) CheckIfMatch(current string) error {
	h := c.Request.Header.Get("If-Match")
	if h == "" || h == "*" {
		return nil
	}
	for _, e := range strings.Split(h, ",") {
		if strings.TrimSpace(e) == current {
			return nil
		}
	}
	return PreconditionFailed()
}

// NotModified reports whether an If-None-Match request header already names the current etag (the handler may
// then answer 304 with Raw{Status: 304}).
func (c *Call) NotModified(current string) bool {
	h := c.Request.Header.Get("If-None-Match")
	for _, e := range strings.Split(h, ",") {
		if strings.TrimSpace(e) == current {
			return true
		}
	}
	return false
}

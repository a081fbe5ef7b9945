package gapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

// JSONContentType is the Content-Type of every API response (the token endpoint differs: see package oauth).
const JSONContentType = "application/json; charset=UTF-8"

// DefaultMaxBody is the request-body limit unless a method sets its own (uploads will).
const DefaultMaxBody int64 = 1 << 20

// Decode reads the JSON request body into v. An empty body decodes as {}. A body over the limit is a 413,
// malformed JSON a 400 in the API's style: legacy APIs answer "Parse Error" (reason parseError); modern ones
// "Invalid JSON payload received." and also reject unknown field names, as Google's newer front ends do.
func (c *Call) Decode(v any) error {
	limit := c.MaxBody
	if limit <= 0 {
		limit = DefaultMaxBody
	}
	raw, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, limit))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return TooLarge(limit)
		}
		return BadRequest("Bad Request")
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if c.Style == Modern {
		dec.DisallowUnknownFields()
	}
	err = dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("unexpected data after the JSON value")
	}
	if err == nil {
		return nil
	}
	if c.Style == Legacy {
		return &Error{Code: 400, Message: "Parse Error", Reason: "parseError"}
	}
	return &Error{Code: 400, Message: fmt.Sprintf("Invalid JSON payload received. %s", err), Reason: "badRequest"}
}

// WriteJSON writes v as a JSON response with Google's API Content-Type.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	raw, err := json.Marshal(v)
	if err != nil {
		WriteError(w, Legacy, BackendError())
		return
	}
	w.Header().Set("Content-Type", JSONContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(raw)))
	w.WriteHeader(status)
	_, _ = w.Write(raw)
}

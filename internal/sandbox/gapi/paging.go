package gapi

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"sort"
	"strings"
)

// PageSpec is a list method's page-size parameter: its name, default and maximum (shared/google-wire.md §8).
type PageSpec struct {
	Param   string // "maxResults" or "pageSize"
	Default int
	Max     int
	// RejectOverMax makes a size above Max a 400 (YouTube, People) instead of silently capping it (Calendar,
	// Drive, Gmail).
	RejectOverMax bool
}

// Page is the slice of a result list one request asks for.
type Page struct {
	Offset, Size int
	binding      string
}

// pageToken is the decoded form of an opaque page token: where the next page starts and a digest of the query
// it belongs to, so a token replayed with a different query (or by another account or method) is refused.
type pageToken struct {
	Offset  int    `json:"o"`
	Binding string `json:"b"`
}

// queryBinding digests everything that shapes a result list: the method, the principal, the path parameters and
// the query minus the parameters that only select a page or a response format.
func (c *Call) queryBinding(sizeParam string) string {
	skip := map[string]bool{"pageToken": true, sizeParam: true, "alt": true, "prettyPrint": true, "fields": true,
		"key": true, "quotaUser": true, "access_token": true, "$.xgafv": true}
	q := url.Values{}
	for k, vs := range c.Query() {
		if !skip[k] {
			q[k] = vs
		}
	}
	var params []string
	for k, v := range c.Params {
		params = append(params, k+"="+v)
	}
	sort.Strings(params)
	h := sha256.Sum256([]byte(c.Method.ID + "\n" + c.Principal.Email + "\n" + strings.Join(params, "&") + "\n" + q.Encode()))
	return hex.EncodeToString(h[:8])
}

// Page reads the page size and page token of a list call. A bad size or a token that is malformed or was issued
// for a different query is a 400 (reason invalid, location the parameter).
func (c *Call) Page(spec PageSpec) (Page, error) {
	p := Page{Size: spec.Default, binding: c.queryBinding(spec.Param)}
	if n, ok, err := c.Int(spec.Param); err != nil {
		return p, err
	} else if ok {
		switch {
		case n < 1:
			return p, InvalidParam(spec.Param)
		case n > spec.Max && spec.RejectOverMax:
			return p, InvalidParam(spec.Param)
		case n > spec.Max:
			n = spec.Max
		}
		p.Size = n
	}
	if raw := c.String("pageToken"); raw != "" {
		var t pageToken
		b, err := base64.RawURLEncoding.DecodeString(raw)
		if err != nil || json.Unmarshal(b, &t) != nil || t.Offset < 0 || t.Binding != p.binding {
			return p, InvalidParam("pageToken")
		}
		p.Offset = t.Offset
	}
	return p, nil
}

// Next returns the token for the page after p in a list of total items, or "" when p is the last page (Go's
// Pages() helpers stop on an empty token).
func (p Page) Next(total int) string {
	if p.Offset+p.Size >= total {
		return ""
	}
	b, _ := json.Marshal(pageToken{Offset: p.Offset + p.Size, Binding: p.binding})
	return base64.RawURLEncoding.EncodeToString(b)
}

// Prev returns the token for the page before p, or "" when p is the first page (YouTube answers every page
// after the first with a prevPageToken).
func (p Page) Prev() string {
	if p.Offset <= 0 {
		return ""
	}
	b, _ := json.Marshal(pageToken{Offset: max(0, p.Offset-p.Size), Binding: p.binding})
	return base64.RawURLEncoding.EncodeToString(b)
}

// Bounds returns the [start, end) indexes of p within a list of total items.
func (p Page) Bounds(total int) (start, end int) {
	start = min(p.Offset, total)
	return start, min(start+p.Size, total)
}

// Paginate cuts one page out of items and returns it with the next page token ("" on the last page).
func Paginate[T any](c *Call, spec PageSpec, items []T) (page []T, next string, err error) {
	p, err := c.Page(spec)
	if err != nil {
		return nil, "", err
	}
	start, end := p.Bounds(len(items))
	return items[start:end], p.Next(len(items)), nil
}

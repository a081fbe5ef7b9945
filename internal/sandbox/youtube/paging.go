package youtube

import (
	"errors"
	"fmt"

	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/sandbox/gapi"
)

// pageSpec is a list method's maxResults range (from the discovery document).
type pageSpec struct {
	def, min, max int
}

// standardPage is most list methods' maxResults: 5 by default, 0 to 50 (0 answers pageInfo alone).
func standardPage() pageSpec { return pageSpec{def: 5, min: 0, max: 50} }

// videosPage is videos.list's: 5 by default, 1 to 50.
func videosPage() pageSpec { return pageSpec{def: 5, min: 1, max: 50} }

// threadsPage is commentThreads.list's: 20 by default, 1 to 100.
func threadsPage() pageSpec { return pageSpec{def: 20, min: 1, max: 100} }

// page is one page of a list answer with its YouTube paging fields.
type page[T any] struct {
	items      []T
	info       *youtube.PageInfo
	next, prev string
}

// paginate cuts one page out of items. Tokens are gapi's (opaque, bound to the query); their errors and range
// errors are rewritten in YouTube's words.
func paginate[T any](c *gapi.Call, spec pageSpec, items []T) (page[T], error) {
	if n, ok, err := c.Int("maxResults"); err != nil || (ok && (n < spec.min || n > spec.max)) {
		return page[T]{}, rangeError(c.String("maxResults"), spec)
	} else if ok && n == 0 {
		return page[T]{info: pageInfo(len(items), 0)}, nil
	}
	p, err := c.Page(gapi.PageSpec{Param: "maxResults", Default: spec.def, Max: spec.max, RejectOverMax: true})
	if err != nil {
		var ge *gapi.Error
		if errors.As(err, &ge) && ge.Location == "pageToken" {
			return page[T]{}, paramTokenError()
		}
		return page[T]{}, err
	}
	start, end := p.Bounds(len(items))
	return page[T]{items: items[start:end], info: pageInfo(len(items), p.Size), next: p.Next(len(items)), prev: p.Prev()}, nil
}

// pageInfo is YouTube's pageInfo; both numbers are sent even when zero, as YouTube does.
func pageInfo(total, perPage int) *youtube.PageInfo {
	return &youtube.PageInfo{TotalResults: int64(total), ResultsPerPage: int64(perPage),
		ForceSendFields: []string{"TotalResults", "ResultsPerPage"}}
}

func rangeError(value string, spec pageSpec) *gapi.Error {
	return &gapi.Error{Code: 400, Reason: "invalidParameter", Domain: "youtube.parameter", Location: "maxResults",
		LocationType: "parameter",
		Message:      fmt.Sprintf("Invalid value '%s'. Values must be within the range: [%d, %d]", value, spec.min, spec.max)}
}

func paramTokenError() *gapi.Error {
	return &gapi.Error{Code: 400, Reason: "invalidPageToken", Domain: "youtube.parameter", Location: "pageToken",
		LocationType: "parameter", Message: "The request specifies an invalid page token."}
}

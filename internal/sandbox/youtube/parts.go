package youtube

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/gogcli/gog/internal/sandbox/gapi"
)

// The parts each resource has (the discovery document's part descriptions and the API reference).
var (
	videoParts = []string{"contentDetails", "fileDetails", "id", "liveStreamingDetails", "localizations",
		"paidProductPlacementDetails", "player", "processingDetails", "recordingDetails", "snippet", "statistics",
		"status", "suggestions", "topicDetails"}
	channelParts = []string{"auditDetails", "brandingSettings", "contentDetails", "contentOwnerDetails", "id",
		"localizations", "snippet", "statistics", "status", "topicDetails"}
	playlistParts     = []string{"contentDetails", "id", "localizations", "player", "snippet", "status"}
	playlistItemParts = []string{"contentDetails", "id", "snippet", "status"}
	searchParts       = []string{"id", "snippet"}
	threadParts       = []string{"id", "replies", "snippet"}
	// ownerOnlyParts are the video parts only the video's owner may read.
	ownerOnlyParts = []string{"fileDetails", "processingDetails", "suggestions"}
)

// partSet is the parts a request asked for.
type partSet map[string]bool

// parseParts reads the required part parameter, a comma list that may also be repeated (part=a,b or
// part=a&part=b, which is how the Go client sends a slice): missing is Google's 400 required, a name the
// resource does not have is YouTube's 400 unknownPart naming it.
func parseParts(c *gapi.Call, valid []string) (partSet, error) {
	set := partSet{}
	for _, p := range strings.Split(strings.Join(c.Query()["part"], ","), ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !slices.Contains(valid, p) {
			return nil, &gapi.Error{Code: 400, Message: "'" + p + "'", Reason: "unknownPart", Domain: "youtube.part",
				Location: "part", LocationType: "parameter"}
		}
		set[p] = true
	}
	if len(set) == 0 {
		return nil, &gapi.Error{Code: 400, Message: "Required parameter: part", Reason: "required",
			Location: "part", LocationType: "parameter"}
	}
	return set, nil
}

// hasAny reports whether the set holds one of names.
func (s partSet) hasAny(names []string) bool {
	for _, n := range names {
		if s[n] {
			return true
		}
	}
	return false
}

// project returns a copy of full with only the requested parts (and kind, etag, id), through its JSON form so
// it works for every generated type alike.
func project[T any](full *T, parts partSet) (*T, error) {
	raw, err := json.Marshal(full)
	if err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, err
	}
	for k := range fields {
		if k != "kind" && k != "etag" && k != "id" && !parts[k] {
			delete(fields, k)
		}
	}
	if raw, err = json.Marshal(fields); err != nil {
		return nil, err
	}
	out := new(T)
	return out, json.Unmarshal(raw, out)
}

// oneFilter returns the single filter parameter the request uses out of names. None is YouTube's 400
// missingRequiredParameter ("No filter selected. Expected one of: …"), several its 400 incompatibleParameters.
func oneFilter(c *gapi.Call, names ...string) (string, error) {
	var used []string
	for _, n := range names {
		if c.Has(n) {
			used = append(used, n)
		}
	}
	switch len(used) {
	case 0:
		return "", paramError("missingRequiredParameter", "No filter selected. Expected one of: "+strings.Join(names, ", "))
	case 1:
		return used[0], nil
	}
	return "", paramError("incompatibleParameters", "Incompatible parameters specified in the request: "+strings.Join(used, ", "))
}

// paramError is a 400 about the combination of parameters, as YouTube words it (domain youtube.parameter,
// location "parameters.").
func paramError(reason, msg string) *gapi.Error {
	return &gapi.Error{Code: 400, Message: msg, Reason: reason, Domain: "youtube.parameter",
		Location: "parameters.", LocationType: "other"}
}

// ownerOnlyForbidden is videos.list's 403 when fileDetails, processingDetails or suggestions are asked for a
// video the caller does not own.
func ownerOnlyForbidden() *gapi.Error {
	return &gapi.Error{Code: 403, Reason: "forbidden", Domain: "youtube.video",
		Message: "The request is not properly authorized to access video file or processing information. Note that " +
			"the fileDetails, processingDetails, and suggestions parts are only available to that video's owner."}
}

// trueParam reads a boolean filter (mine=true); false or a bad value selects nothing.
func trueParam(c *gapi.Call, name string) bool {
	b, err := c.Bool(name, false)
	return err == nil && b
}

// projectAll projects every resource of a page.
func projectAll[T any](full []*T, parts partSet) ([]*T, error) {
	out := make([]*T, 0, len(full))
	for _, f := range full {
		p, err := project(f, parts)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

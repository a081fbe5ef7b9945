package youtube

import (
	"slices"
	"strings"

	"github.com/gogcli/gog/internal/errs"
)

// partsSpec is what --parts accepts for one resource: the parts it has, the default, and what "all" means.
type partsSpec struct {
	resource string
	valid    []string
	def      []string
	all      []string
}

// videoParts: "all" is every part a non-owner may read; fileDetails, processingDetails and suggestions (owner
// only: YouTube refuses the whole request with 403 for anyone else's video) must be named explicitly.
func videoParts() partsSpec {
	return partsSpec{resource: "video",
		valid: []string{"contentDetails", "fileDetails", "id", "liveStreamingDetails", "localizations",
			"paidProductPlacementDetails", "player", "processingDetails", "recordingDetails", "snippet", "statistics",
			"status", "suggestions", "topicDetails"},
		def: []string{"snippet", "contentDetails", "statistics"},
		all: []string{"contentDetails", "id", "liveStreamingDetails", "localizations", "paidProductPlacementDetails",
			"player", "recordingDetails", "snippet", "statistics", "status", "topicDetails"}}
}

// channelParts: "all" leaves out auditDetails and contentOwnerDetails, which need YouTube partner scopes.
func channelParts() partsSpec {
	return partsSpec{resource: "channel",
		valid: []string{"auditDetails", "brandingSettings", "contentDetails", "contentOwnerDetails", "id",
			"localizations", "snippet", "statistics", "status", "topicDetails"},
		def: []string{"snippet", "contentDetails", "statistics"},
		all: []string{"brandingSettings", "contentDetails", "id", "localizations", "snippet", "statistics", "status", "topicDetails"}}
}

func playlistParts() partsSpec {
	all := []string{"contentDetails", "id", "localizations", "player", "snippet", "status"}
	return partsSpec{resource: "playlist", valid: all, all: all, def: []string{"snippet", "contentDetails", "status"}}
}

func playlistItemParts() partsSpec {
	all := []string{"contentDetails", "id", "snippet", "status"}
	return partsSpec{resource: "playlist item", valid: all, all: all, def: []string{"snippet", "contentDetails", "status"}}
}

func threadParts() partsSpec {
	all := []string{"id", "replies", "snippet"}
	return partsSpec{resource: "comment thread", valid: all, all: all, def: []string{"snippet"}}
}

// doc is the --parts flag's help.
func (s partsSpec) doc() string {
	return "comma-separated " + s.resource + " `PARTS` to fetch, or \"all\" (default " + strings.Join(s.def, ",") +
		"; valid: " + strings.Join(s.valid, ", ") + ")"
}

// resolve turns the --parts value into the part parameter: the default when empty, the "all" list for "all".
// Unknown parts, and "all" mixed with named ones, are usage errors, so nothing is sent.
func (s partsSpec) resolve(flag string) (string, error) {
	var named []string
	for _, p := range strings.Split(flag, ",") {
		if p = strings.TrimSpace(p); p != "" && !slices.Contains(named, p) {
			named = append(named, p)
		}
	}
	switch {
	case len(named) == 0:
		return strings.Join(s.def, ","), nil
	case slices.Contains(named, "all") && len(named) > 1:
		return "", errs.Usagef("--parts all cannot be mixed with named parts (%s)", flag).
			WithHint("use --parts all alone, or list the parts you want")
	case named[0] == "all":
		return strings.Join(s.all, ","), nil
	}
	for _, p := range named {
		if !slices.Contains(s.valid, p) {
			return "", errs.Usagef("%q is not a %s part", p, s.resource).
				WithHint("valid parts: %s (or all)", strings.Join(s.valid, ", "))
		}
	}
	return strings.Join(named, ","), nil
}

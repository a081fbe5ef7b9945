package people

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"time"

	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// syncTokenLife is how long Google honours a People sync token (shared/google-wire.md §8).
const syncTokenLife = 7 * 24 * time.Hour

var sortOrders = []string{"LAST_MODIFIED_ASCENDING", "LAST_MODIFIED_DESCENDING", "FIRST_NAME_ASCENDING", "LAST_NAME_ASCENDING"}

// connectionsList is people.connections.list: the account's contacts in the requested order, paged; with a
// sync token, only the contacts changed since it was issued (deleted ones as tombstones).
func (a *API) connectionsList(c *gapi.Call) (any, error) {
	if c.Param("peopleId") != "me" {
		return nil, invalidArgument("Only people/me is a valid resource name for connections.")
	}
	m, err := readMask(c, maskSpec{param: "personFields", valid: personFields, required: true, doc: "people.connections/list"})
	if err != nil {
		return nil, err
	}
	if err := checkSources(c, readSources, false); err != nil {
		return nil, err
	}
	order := c.String("sortOrder")
	if order == "" {
		order = "LAST_MODIFIED_ASCENDING"
	} else if !slices.Contains(sortOrders, order) {
		return nil, gapi.InvalidParam("sortOrder")
	}
	wantSync, err := c.Bool("requestSyncToken", false)
	if err != nil {
		return nil, err
	}
	spec := pageSpec(c, 100, 1000, true)
	var recs []contactRec
	var seq int64
	err = a.env.Store.View(c.Ctx, func(tx *store.Tx) error {
		since, syncing, err := readSyncToken(c, "connections")
		if err != nil {
			return err
		}
		all, err := allContacts(tx, c.Principal.Email)
		if err != nil {
			return err
		}
		for _, r := range all {
			if (syncing && r.Seq > since) || (!syncing && !r.deleted()) {
				recs = append(recs, r)
			}
		}
		seq, err = currentSeq(tx, c.Principal.Email)
		return err
	})
	if err != nil {
		return nil, err
	}
	sortContacts(recs, order)
	page, next, err := gapi.Paginate(c, spec, recs)
	if err != nil {
		return nil, err
	}
	out := &people.ListConnectionsResponse{NextPageToken: next, TotalItems: int64(len(recs)), TotalPeople: int64(len(recs))}
	for _, r := range page {
		out.Connections = append(out.Connections, projectRec(r, m))
	}
	if wantSync && next == "" {
		out.NextSyncToken = newSyncToken(c, "connections", seq)
	}
	return out, nil
}

// projectRec projects a contact; a tombstone keeps its metadata whatever the mask, so a sync sees the deletion.
func projectRec(r contactRec, m mask) *people.Person {
	if r.deleted() {
		return &people.Person{ResourceName: r.Person.ResourceName, Etag: r.Person.Etag, Metadata: r.Person.Metadata}
	}
	return project(r.Person, m)
}

// sortContacts orders contacts as sortOrder asks; ties fall back to the change order, so the order is total.
func sortContacts(recs []contactRec, order string) {
	key := func(r contactRec, family bool) string {
		if len(r.Person.Names) == 0 {
			return "\uffff" // people without a name sort last, as in Google Contacts
		}
		n := r.Person.Names[0]
		if family {
			return strings.ToLower(n.FamilyName + "\x00" + n.GivenName)
		}
		return strings.ToLower(n.GivenName + "\x00" + n.FamilyName)
	}
	sort.SliceStable(recs, func(i, j int) bool {
		a, b := recs[i], recs[j]
		switch order {
		case "LAST_MODIFIED_DESCENDING":
			return a.Seq > b.Seq
		case "FIRST_NAME_ASCENDING", "LAST_NAME_ASCENDING":
			ka, kb := key(a, order == "LAST_NAME_ASCENDING"), key(b, order == "LAST_NAME_ASCENDING")
			if ka != kb {
				return ka < kb
			}
		}
		return a.Seq < b.Seq
	})
}

// syncState is the decoded form of a sync token: the account's change counter when it was issued, when that
// was, and a digest binding it to the principal and the list it came from.
type syncState struct {
	Seq     int64  `json:"s"`
	Issued  int64  `json:"t"`
	Binding string `json:"b"`
}

func syncBinding(c *gapi.Call, list string) string {
	h := sha256.Sum256([]byte(list + "\n" + c.Principal.Email))
	return hex.EncodeToString(h[:8])
}

func newSyncToken(c *gapi.Call, list string, seq int64) string {
	raw, _ := json.Marshal(syncState{Seq: seq, Issued: c.Now.Unix(), Binding: syncBinding(c, list)})
	return base64.RawURLEncoding.EncodeToString(raw)
}

// readSyncToken reads the syncToken parameter. A token from another list or account is a 400; one older than
// seven days is Google's expired-token 400 (ErrorInfo EXPIRED_SYNC_TOKEN), after which a client must do a
// full sync.
func readSyncToken(c *gapi.Call, list string) (since int64, syncing bool, err error) {
	tok := c.String("syncToken")
	if tok == "" {
		return 0, false, nil
	}
	var st syncState
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || json.Unmarshal(raw, &st) != nil || st.Binding != syncBinding(c, list) {
		return 0, false, gapi.InvalidParam("syncToken")
	}
	if c.Now.Sub(time.Unix(st.Issued, 0)) > syncTokenLife {
		return 0, false, &gapi.Error{Code: 400, Status: "FAILED_PRECONDITION", Reason: "failedPrecondition",
			Message: "Sync token is expired. Clear local cache and retry call without the sync token.",
			Details: []any{gapi.NewErrorInfo("EXPIRED_SYNC_TOKEN", c.Method)}}
	}
	return st.Seq, true, nil
}

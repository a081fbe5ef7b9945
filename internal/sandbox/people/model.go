package people

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

const (
	bucketContacts  = "people/contacts"  // store.Key(email, "c<id>") → contactRec
	bucketOther     = "people/other"     // store.Key(email, "c<id>") → people.Person (an "Other contact")
	bucketDirectory = "people/directory" // store.Key(email, id) → people.Person (a domain profile)
	bucketSeq       = "people/seq"       // email → int64, the account's change counter
)

// contactRec is one stored contact: the full Person as Google would return it with every field requested, and
// the account's change counter at its last write.
type contactRec struct {
	Person *people.Person `json:"person"`
	Seq    int64          `json:"seq"`
}

func (r contactRec) deleted() bool { return r.Person.Metadata != nil && r.Person.Metadata.Deleted }

// contactID is a contact's numeric id. Google names a contact "people/c<decimal>" and its CONTACT source by the
// same number in hexadecimal.
type contactID uint64

func (id contactID) key() string      { return "c" + strconv.FormatUint(uint64(id), 10) }
func (id contactID) resource() string { return "people/" + id.key() }
func (id contactID) sourceID() string { return strconv.FormatUint(uint64(id), 16) }

// parseContactID reads the peopleId of a contact ("c1234…"); ok is false for anything else (me, profile ids).
func parseContactID(peopleID string) (contactID, bool) {
	rest, ok := strings.CutPrefix(peopleID, "c")
	if !ok || rest == "" {
		return 0, false
	}
	n, err := strconv.ParseUint(rest, 10, 64)
	if err != nil {
		return 0, false
	}
	return contactID(n), true
}

// newContactID returns a random id in Google's range (19 decimal digits at most).
func newContactID() contactID {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return contactID(binary.BigEndian.Uint64(b[:])>>1 | 1<<61)
}

// stableID is a deterministic id for demo data.
func stableID(parts ...string) uint64 {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return binary.BigEndian.Uint64(h[:8])>>1 | 1<<61
}

// profileID is a Google-account-style numeric id (21 digits, like a "sub") for directory people.
func profileID(email string) string {
	h := sha256.Sum256([]byte("profile:" + email))
	return fmt.Sprintf("1%020d", binary.BigEndian.Uint64(h[:8]))
}

// stamp formats a time as People reports updateTime.
func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000Z") }

// withETags sets the person's etag and its first source's etag from its content. People's etags are opaque
// base64 strings: "%…" for the person, "#…" for a source.
func withETags(p *people.Person) {
	p.Etag = ""
	if p.Metadata != nil && len(p.Metadata.Sources) > 0 {
		p.Metadata.Sources[0].Etag = ""
	}
	raw, _ := json.Marshal(p)
	h := sha256.Sum256(raw)
	p.Etag = "%" + base64.StdEncoding.EncodeToString(h[:18])
	if p.Metadata != nil && len(p.Metadata.Sources) > 0 {
		p.Metadata.Sources[0].Etag = "#" + base64.StdEncoding.EncodeToString(h[18:27])
	}
}

// sourceETag is the etag of the person's first source, "" when it has none.
func sourceETag(p *people.Person) string {
	if p.Metadata == nil || len(p.Metadata.Sources) == 0 {
		return ""
	}
	return p.Metadata.Sources[0].Etag
}

// nextSeq advances the account's change counter and returns the new value.
func nextSeq(tx *store.Tx, email string) (int64, error) {
	n, _, err := store.Get[int64](tx, bucketSeq, email)
	if err != nil {
		return 0, err
	}
	n++
	return n, store.Put(tx, bucketSeq, email, n)
}

// currentSeq is the account's change counter (0 before any write).
func currentSeq(tx *store.Tx, email string) (int64, error) {
	n, _, err := store.Get[int64](tx, bucketSeq, email)
	return n, err
}

// loadContact reads a live contact; a missing or deleted one is Google's 404.
func loadContact(tx *store.Tx, email string, id contactID) (contactRec, error) {
	rec, ok, err := store.Get[contactRec](tx, bucketContacts, store.Key(email, id.key()))
	if err != nil {
		return rec, err
	}
	if !ok || rec.deleted() {
		return rec, notFound()
	}
	return rec, nil
}

// saveContact stamps the contact with the next change count, its update time and etags, and stores it.
func saveContact(tx *store.Tx, email string, id contactID, p *people.Person, now time.Time) (contactRec, error) {
	seq, err := nextSeq(tx, email)
	if err != nil {
		return contactRec{}, err
	}
	if p.Metadata != nil && len(p.Metadata.Sources) > 0 {
		p.Metadata.Sources[0].UpdateTime = stamp(now)
	}
	withETags(p)
	rec := contactRec{Person: p, Seq: seq}
	return rec, store.Put(tx, bucketContacts, store.Key(email, id.key()), rec)
}

// allContacts returns every stored contact of the account, tombstones included, in key order.
func allContacts(tx *store.Tx, email string) ([]contactRec, error) {
	return store.List[contactRec](tx, bucketContacts, store.Prefix(email))
}

// notFound is People's 404.
func notFound() *gapi.Error {
	return &gapi.Error{Code: 404, Message: "Requested entity was not found.", Reason: "notFound", Status: "NOT_FOUND"}
}

// invalidArgument is People's 400 INVALID_ARGUMENT with a message of its own.
func invalidArgument(format string, args ...any) *gapi.Error {
	e := gapi.BadRequest(format, args...)
	e.Status = "INVALID_ARGUMENT"
	return e
}

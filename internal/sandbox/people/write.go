package people

import (
	"errors"
	"net/http"

	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

// errStale aborts an update transaction whose etag no longer matches (nothing is written).
var errStale = errors.New("stale etag")

// returnMask reads the optional personFields of a write; without one, every field is returned.
func returnMask(c *gapi.Call, doc string) (mask, error) {
	m, err := readMask(c, maskSpec{param: "personFields", valid: personFields, doc: doc})
	if err != nil {
		return nil, err
	}
	if err := checkSources(c, readSources, false); err != nil {
		return nil, err
	}
	if m == nil {
		m = allFields()
	}
	return m, nil
}

// createContact is people.createContact: a new contact with a server-chosen id in the myContacts group.
func (a *API) createContact(c *gapi.Call) (any, error) {
	m, err := returnMask(c, "people/createContact")
	if err != nil {
		return nil, err
	}
	var in people.Person
	if err := c.Decode(&in); err != nil {
		return nil, err
	}
	id := newContactID()
	p, err := prepareContact(&in, id, c.Now)
	if err != nil {
		return nil, err
	}
	var rec contactRec
	err = a.env.Store.Update(c.Ctx, func(tx *store.Tx) error {
		rec, err = saveContact(tx, c.Principal.Email, id, p, c.Now)
		return err
	})
	if err != nil {
		return nil, err
	}
	return project(rec.Person, m), nil
}

// updateContact is people.updateContact: the fields named in updatePersonFields are replaced by the request's
// (absent ones cleared), the rest kept. The request must carry the contact's current etag (person.etag, or its
// contact source's etag); a different one means the contact changed since the client read it, and Google
// answers 400 failedPrecondition rather than overwrite the other change.
func (a *API) updateContact(c *gapi.Call) (any, error) {
	id, ok := parseContactID(c.Param("peopleId"))
	if !ok {
		return nil, invalidArgument("Resource name people/%s is not a contact; only contacts (people/c…) can be updated.", c.Param("peopleId"))
	}
	upd, err := readMask(c, maskSpec{param: "updatePersonFields", valid: updatableFields, required: true, doc: "people/updateContact"})
	if err != nil {
		return nil, err
	}
	m, err := returnMask(c, "people/updateContact")
	if err != nil {
		return nil, err
	}
	var in people.Person
	if err := c.Decode(&in); err != nil {
		return nil, err
	}
	wantETag, wantSourceETag := in.Etag, contactSourceETag(&in)
	if wantETag == "" && wantSourceETag == "" {
		return nil, invalidArgument("Request person must carry the contact's etag: set person.etag or person.metadata.sources[].etag.")
	}
	var rec contactRec
	err = a.env.Store.Update(c.Ctx, func(tx *store.Tx) error {
		cur, err := loadContact(tx, c.Principal.Email, id)
		if err != nil {
			return err
		}
		if (wantETag != "" && wantETag != cur.Person.Etag) || (wantSourceETag != "" && wantSourceETag != sourceETag(cur.Person)) {
			return errStale
		}
		fields, err := toFields(cur.Person)
		if err != nil {
			return err
		}
		sent, err := toFields(&in)
		if err != nil {
			return err
		}
		for f := range upd {
			if v, ok := sent[f]; ok {
				fields[f] = v
			} else {
				delete(fields, f)
			}
		}
		merged, err := fromFields(fields)
		if err != nil {
			return err
		}
		p, err := prepareContact(merged, id, c.Now)
		if err != nil {
			return err
		}
		rec, err = saveContact(tx, c.Principal.Email, id, p, c.Now)
		return err
	})
	if errors.Is(err, errStale) {
		return staleETag(), nil
	}
	if err != nil {
		return nil, err
	}
	return project(rec.Person, m), nil
}

// contactSourceETag is the etag the request gives for its CONTACT source, if any.
func contactSourceETag(p *people.Person) string {
	if p.Metadata == nil {
		return ""
	}
	for _, s := range p.Metadata.Sources {
		if s != nil && s.Type == "CONTACT" {
			return s.Etag
		}
	}
	return ""
}

// staleETag is Google's answer to an update with an outdated etag. Unlike People's other errors it carries the
// legacy errors[] item (reason failedPrecondition): the Go client reports it as "Error 400: Request person.etag
// is different than the current person.etag. Clear local cache and get the latest person., failedPrecondition"
// (googleapis/google-api-go-client#1904), which it prints only for a body with exactly that one item.
func staleETag() gapi.Raw {
	e := &gapi.Error{Code: 400, Status: "FAILED_PRECONDITION", Reason: "failedPrecondition",
		Message: "Request person.etag is different than the current person.etag. Clear local cache and get the latest person."}
	return gapi.Raw{Status: e.Code, Header: http.Header{"Content-Type": {gapi.JSONContentType}}, Body: e.Envelope(gapi.Legacy)}
}

// deleteContact is people.deleteContact. The contact becomes a tombstone (reported by the next sync, 404 to
// everything else); Google answers 200 with an empty object.
func (a *API) deleteContact(c *gapi.Call) (any, error) {
	id, ok := parseContactID(c.Param("peopleId"))
	if !ok {
		return nil, notFound()
	}
	err := a.env.Store.Update(c.Ctx, func(tx *store.Tx) error {
		if _, err := loadContact(tx, c.Principal.Email, id); err != nil {
			return err
		}
		tomb := &people.Person{ResourceName: id.resource(), Metadata: &people.PersonMetadata{Deleted: true, ObjectType: "PERSON",
			Sources: []*people.Source{{Type: "CONTACT", Id: id.sourceID()}}}}
		_, err := saveContact(tx, c.Principal.Email, id, tomb, c.Now)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &people.Empty{}, nil
}

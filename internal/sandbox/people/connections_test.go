package people_test

import (
	"strings"
	"testing"
	"time"

	"google.golang.org/api/people/v1"
)

func TestConnectionsPageThroughTheDemoContactsWithTotals(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	seen := map[string]bool{}
	var names []string
	token := ""
	for pages := 0; ; pages++ {
		call := svc.People.Connections.List("people/me").PersonFields("names,emailAddresses").PageSize(5)
		if token != "" {
			call = call.PageToken(token)
		}
		resp, err := call.Do()
		if err != nil {
			t.Fatal(err)
		}
		if resp.TotalItems != 12 || resp.TotalPeople != 12 || len(resp.Connections) > 5 {
			t.Fatalf("page %d: totals %d/%d, %d connections", pages, resp.TotalItems, resp.TotalPeople, len(resp.Connections))
		}
		for _, p := range resp.Connections {
			if seen[p.ResourceName] || len(p.EmailAddresses) == 0 || p.PhoneNumbers != nil {
				t.Errorf("repeated or wrongly masked: %+v", p)
			}
			seen[p.ResourceName] = true
			names = append(names, displayName(p))
		}
		if token = resp.NextPageToken; token == "" {
			if pages != 2 || resp.NextSyncToken != "" {
				t.Errorf("ended after %d pages, sync token %q without requestSyncToken", pages+1, resp.NextSyncToken)
			}
			break
		}
	}
	// LAST_MODIFIED_ASCENDING is the default: the demo contacts were written Ada first, Edsger last.
	if len(names) != 12 || names[0] != "Ada Lovelace" || names[11] != "Edsger Dijkstra" {
		t.Errorf("order: %v", names)
	}
}

func TestConnectionsSortOrders(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	list := func(order string) []*people.Person {
		resp, err := svc.People.Connections.List("people/me").PersonFields("names").SortOrder(order).Do()
		if err != nil {
			t.Fatalf("%s: %v", order, err)
		}
		return resp.Connections
	}
	for _, c := range []struct {
		order string
		key   func(*people.Person) string
	}{
		{"FIRST_NAME_ASCENDING", func(p *people.Person) string { return strings.ToLower(p.Names[0].GivenName) }},
		{"LAST_NAME_ASCENDING", func(p *people.Person) string { return strings.ToLower(p.Names[0].FamilyName) }},
	} {
		got := list(c.order)
		for i := 1; i < len(got); i++ {
			if c.key(got[i-1]) > c.key(got[i]) {
				t.Errorf("%s: %q before %q", c.order, displayName(got[i-1]), displayName(got[i]))
			}
		}
	}
	asc, desc := list("LAST_MODIFIED_ASCENDING"), list("LAST_MODIFIED_DESCENDING")
	for i := range asc {
		if asc[i].ResourceName != desc[len(desc)-1-i].ResourceName {
			t.Fatalf("descending is not the reverse of ascending at %d", i)
		}
	}
}

func TestConnectionsRefuseBadRequestsLikeGoogle(t *testing.T) {
	t.Parallel()
	_, svc := newService(t)
	for name, call := range map[string]*people.PeopleConnectionsListCall{
		"no personFields":   svc.People.Connections.List("people/me"),
		"not people/me":     svc.People.Connections.List("people/c1").PersonFields("names"),
		"pageSize 1001":     svc.People.Connections.List("people/me").PersonFields("names").PageSize(1001),
		"unknown sortOrder": svc.People.Connections.List("people/me").PersonFields("names").SortOrder("BY_MOOD"),
		"foreign pageToken": svc.People.Connections.List("people/me").PersonFields("names").PageToken("garbage"),
	} {
		if _, err := call.Do(); code(t, err) != 400 {
			t.Errorf("%s: %v", name, err)
		}
	}
	// pageSize 0 means the default (100), as Google documents.
	resp, err := svc.People.Connections.List("people/me").PersonFields("names").PageSize(0).Do()
	if err != nil || len(resp.Connections) != 12 {
		t.Errorf("pageSize 0: %v", err)
	}
}

func TestSyncTokensReportChangesAndDeletionsSinceTheyWereIssued(t *testing.T) {
	t.Parallel()
	sb, svc := newService(t)
	full, err := svc.People.Connections.List("people/me").PersonFields("names").RequestSyncToken(true).Do()
	if err != nil || full.NextSyncToken == "" {
		t.Fatalf("full sync: %v %+v", err, full)
	}
	// Three changes in the same sandbox instant as the token: none may be missed.
	created, err := svc.People.CreateContact(&people.Person{Names: []*people.Name{{GivenName: "New"}}}).Do()
	if err != nil {
		t.Fatal(err)
	}
	upd := full.Connections[1]
	upd.Names[0].GivenName = "Renamed"
	if _, err := svc.People.UpdateContact(upd.ResourceName, upd).UpdatePersonFields("names").Do(); err != nil {
		t.Fatal(err)
	}
	gone := full.Connections[2].ResourceName
	if _, err := svc.People.DeleteContact(gone).Do(); err != nil {
		t.Fatal(err)
	}
	delta, err := svc.People.Connections.List("people/me").PersonFields("names").RequestSyncToken(true).
		SyncToken(full.NextSyncToken).Do()
	if err != nil || len(delta.Connections) != 3 || delta.NextSyncToken == "" {
		t.Fatalf("incremental sync: %v %+v", err, delta)
	}
	byName := map[string]*people.Person{}
	for _, p := range delta.Connections {
		byName[p.ResourceName] = p
	}
	if byName[created.ResourceName] == nil || byName[upd.ResourceName] == nil || byName[upd.ResourceName].Names[0].GivenName != "Renamed" {
		t.Errorf("delta: %+v", delta.Connections)
	}
	if d := byName[gone]; d == nil || d.Metadata == nil || !d.Metadata.Deleted || d.Names != nil {
		t.Errorf("deleted contact in the delta: %+v", d)
	}
	again, err := svc.People.Connections.List("people/me").PersonFields("names").SyncToken(delta.NextSyncToken).Do()
	if err != nil || len(again.Connections) != 0 {
		t.Errorf("nothing changed since the last sync: %v %+v", err, again)
	}
	sb.AdvanceClock(8 * 24 * time.Hour)
	svc = serviceFor(t, sb, scopeContactsRO) // the old access token expired with the clock
	_, err = svc.People.Connections.List("people/me").PersonFields("names").SyncToken(delta.NextSyncToken).Do()
	status, _, msg := envelope(t, err)
	if code(t, err) != 400 || status != "FAILED_PRECONDITION" || !strings.HasPrefix(msg, "Sync token is expired.") ||
		!strings.Contains(apiError(t, err).Body, "EXPIRED_SYNC_TOKEN") {
		t.Errorf("expired sync token: %v", err)
	}
}

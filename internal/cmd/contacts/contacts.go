// Package contacts implements `gog contacts`: the account's contacts (list, search, get, create, update,
// delete, export), its "Other contacts" and the Workspace directory, through the People API.
//
// Each verb is one file with an options struct, NewCmdX(app, runF) (runF lets flag tests capture the parsed
// options) and an xRun function that talks to Google through app.Google and prints through app.Printer. JSON
// output is Google's response shape: {"connections":[…]} for list, {"results":[{"person":…}]} for searches,
// the Person itself for get/create/update.
//
// Choices worth knowing:
//   - Searches send Google's documented "warm-up" request (an empty query) first. Google's search index is a
//     cache that lags writes; without the warm-up, `contacts create` followed by `contacts search` in a script
//     misses the new contact. It costs one small request per search.
//   - update reads the contact, changes only what the flags name, and sends the etag it read with exactly those
//     fields in updatePersonFields. If someone changed the contact in between, Google refuses (400
//     failedPrecondition) and gog reports a conflict instead of retrying over the other change.
//   - export writes vCard 3.0 or 4.0 by hand (RFC 6350 escaping, 75-octet folding that never splits a UTF-8
//     sequence) and CSV with encoding/csv: the vCard subset gog writes is a page of code, smaller than a
//     dependency, and its rules are tested directly.
package contacts

import (
	"context"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
)

// New returns the `contacts` command group.
func New(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:         "contacts",
		Short:       "Google Contacts: your contacts, other contacts and the Workspace directory",
		Annotations: map[string]string{app.ServiceAnnotation: "contacts"},
	}
	cmd.AddCommand(NewCmdList(a, nil), NewCmdSearch(a, nil), NewCmdGet(a, nil), NewCmdCreate(a, nil),
		NewCmdUpdate(a, nil), NewCmdDelete(a, nil), newOtherCmd(a), newDirectoryCmd(a), NewCmdExport(a, nil))
	return cmd
}

// service returns the People client of the signed-in account.
func service(ctx context.Context, a *app.App) (*people.Service, error) {
	g, err := a.Google(ctx)
	if err != nil {
		return nil, err
	}
	return g.People(ctx)
}

var bareContactID = regexp.MustCompile(`^c[0-9]+$`)

// ResourceName normalizes a person argument: "people/ID" as given, a bare contact id "c123" as "people/c123".
// Anything else is a usage error naming the accepted forms (what names mean is the API's business, so ids of
// other kinds pass through as long as they carry the people/ prefix).
func ResourceName(arg string) (string, error) {
	switch {
	case strings.HasPrefix(arg, "people/") && len(arg) > len("people/") && !strings.ContainsAny(arg[len("people/"):], "/?#"):
		return arg, nil
	case bareContactID.MatchString(arg):
		return "people/" + arg, nil
	}
	return "", errs.Usagef("%q is not a person's resource name", arg).
		WithHint("give people/ID as printed in the RESOURCE column of gog contacts list (or an email address where the command accepts one)")
}

// warmUp sends the empty-query request Google asks for before a search, so the search sees recent changes.
func warmUp(ctx context.Context, svc *people.Service) error {
	_, err := svc.People.SearchContacts().Query("").ReadMask("names").Context(ctx).Do()
	return err
}

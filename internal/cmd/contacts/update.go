package contacts

import (
	"context"
	"errors"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
)

// UpdateOptions are the argument and flags of `gog contacts update`.
type UpdateOptions struct {
	ResourceName string
	Fields       ContactFields
}

// NewCmdUpdate returns `gog contacts update people/ID`; runF replaces the run function in flag tests.
func NewCmdUpdate(a *app.App, runF func(context.Context, *UpdateOptions) error) *cobra.Command {
	opts := &UpdateOptions{}
	cmd := &cobra.Command{
		Use:   "update people/ID [flags]",
		Short: "Change fields of a contact",
		Long: `Change the fields of a contact that the flags name; everything else is left as it is.

--email and --phone replace all of the contact's addresses or numbers with the ones given (repeat the flag for
several); an empty value (--note "") clears the field. gog sends the version of the contact it read: if the
contact changed in the meantime, nothing is overwritten and gog exits with a conflict (exit 1).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, err := ResourceName(args[0])
			if err != nil {
				return err
			}
			opts.ResourceName = name
			if err := opts.Fields.parse(cmd); err != nil {
				return err
			}
			if !opts.Fields.any() {
				return errs.Usagef("nothing to update").
					WithHint("name what to change, e.g. --email NEW@EXAMPLE.COM or --note \"\" (see --help)")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return updateRun(cmd.Context(), a, opts)
		},
	}
	addContactFlags(cmd, &opts.Fields)
	return cmd
}

func updateRun(ctx context.Context, a *app.App, opts *UpdateOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	mask := opts.Fields.updateMask()
	cur, err := svc.People.Get(opts.ResourceName).PersonFields(strings.Join(mask, ",")).Context(ctx).Do()
	if err != nil {
		return err
	}
	next := opts.Fields.apply(cur)
	next.Etag = cur.Etag
	p, err := svc.People.UpdateContact(opts.ResourceName, next).UpdatePersonFields(strings.Join(mask, ",")).
		PersonFields(DetailFields).Context(ctx).Do()
	if isStaleETag(err) {
		gog := a.GogCommand()
		return &errs.Error{Class: errs.Conflict, Status: 400, Reason: "failedPrecondition", Err: err,
			Message: opts.ResourceName + " changed after gog read it (someone else edited it at the same time); nothing was overwritten",
			Hint: "run the same " + gog + " contacts update again to apply your change to the current version " +
				"(see it first with: " + gog + " contacts get " + opts.ResourceName + ")"}
	}
	if err != nil {
		return err
	}
	return a.Printer().Resource(p, DetailTable(p))
}

// isStaleETag recognizes Google's answer to an update whose etag is no longer current: 400 with reason
// failedPrecondition (or, without errors[], status FAILED_PRECONDITION).
func isStaleETag(err error) bool {
	var ge *googleapi.Error
	if !errors.As(err, &ge) || ge.Code != 400 {
		return false
	}
	for _, item := range ge.Errors {
		if item.Reason == "failedPrecondition" {
			return true
		}
	}
	return strings.Contains(ge.Body, `"FAILED_PRECONDITION"`) && strings.Contains(ge.Message, "etag")
}

// updateMask is updatePersonFields for the flags given, sorted (the fields update reads and replaces).
func (f *ContactFields) updateMask() []string {
	field := map[string]string{"given-name": "names", "family-name": "names", "email": "emailAddresses",
		"phone": "phoneNumbers", "org": "organizations", "title": "organizations", "birthday": "birthdays", "note": "biographies"}
	set := map[string]bool{}
	for flag := range f.Set {
		set[field[flag]] = true
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// apply returns the fields to send: the current values of each field in the mask, changed as the flags say.
// Output-only parts (metadata, display names, formatted types) are left out; Google derives them again.
func (f *ContactFields) apply(cur *people.Person) *people.Person {
	p := &people.Person{}
	if f.Set["given-name"] || f.Set["family-name"] {
		n := &people.Name{}
		if len(cur.Names) > 0 {
			c := cur.Names[0]
			n = &people.Name{GivenName: c.GivenName, FamilyName: c.FamilyName, MiddleName: c.MiddleName,
				HonorificPrefix: c.HonorificPrefix, HonorificSuffix: c.HonorificSuffix}
		}
		if f.Set["given-name"] {
			n.GivenName = f.GivenName
		}
		if f.Set["family-name"] {
			n.FamilyName = f.FamilyName
		}
		if n.GivenName+n.FamilyName+n.MiddleName+n.HonorificPrefix+n.HonorificSuffix != "" {
			p.Names = []*people.Name{n}
		}
	}
	if f.Set["email"] {
		p.EmailAddresses = emails(f.Emails)
	}
	if f.Set["phone"] {
		p.PhoneNumbers = phones(f.Phones)
	}
	if f.Set["org"] || f.Set["title"] {
		p.Organizations = f.organizations(cur.Organizations)
	}
	if f.Set["birthday"] && f.Birthday != nil {
		p.Birthdays = []*people.Birthday{{Date: f.Birthday}}
	}
	if f.Set["note"] && f.Note != "" {
		p.Biographies = []*people.Biography{{Value: f.Note, ContentType: "TEXT_PLAIN"}}
	}
	return p
}

// organizations changes the name and/or title of the first organization and keeps the others.
func (f *ContactFields) organizations(cur []*people.Organization) []*people.Organization {
	var out []*people.Organization
	for i, o := range cur {
		c := *o
		c.Metadata, c.FormattedType = nil, ""
		c.ForceSendFields, c.NullFields = nil, nil
		if i == 0 {
			f.setOrg(&c)
		}
		out = append(out, &c)
	}
	if len(out) == 0 {
		c := people.Organization{}
		f.setOrg(&c)
		out = append(out, &c)
	}
	if first := out[0]; first.Name == "" && first.Title == "" && first.Department == "" {
		out = out[1:]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (f *ContactFields) setOrg(o *people.Organization) {
	if f.Set["org"] {
		o.Name = f.Org
	}
	if f.Set["title"] {
		o.Title = f.Title
	}
}

package contacts

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/errs"
)

// GetOptions are the argument of `gog contacts get`: a resource name, or an email address to look up.
type GetOptions struct {
	ResourceName string
	Email        string
}

// NewCmdGet returns `gog contacts get people/ID|EMAIL`; runF replaces the run function in flag tests.
func NewCmdGet(a *app.App, runF func(context.Context, *GetOptions) error) *cobra.Command {
	opts := &GetOptions{}
	cmd := &cobra.Command{
		Use:   "get people/ID|EMAIL",
		Short: "Show one contact, by resource name or email address",
		Long: `Show one contact.

With an email address, gog searches your contacts for the one that has exactly that address; when several do,
it lists their resource names so you can pick one.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			arg := strings.TrimSpace(args[0])
			if strings.Contains(arg, "@") && !strings.HasPrefix(arg, "people/") {
				opts.Email = arg
			} else {
				name, err := ResourceName(arg)
				if err != nil {
					return err
				}
				opts.ResourceName = name
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return getRun(cmd.Context(), a, opts)
		},
	}
	return cmd
}

func getRun(ctx context.Context, a *app.App, opts *GetOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	var p *people.Person
	if opts.Email != "" {
		p, err = findByEmail(ctx, a, svc, opts.Email)
	} else {
		p, err = svc.People.Get(opts.ResourceName).PersonFields(DetailFields).Context(ctx).Do()
	}
	if err != nil {
		return err
	}
	return a.Printer().Resource(p, DetailTable(p))
}

// findByEmail finds the one contact with exactly this email address (case-insensitively), by search.
func findByEmail(ctx context.Context, a *app.App, svc *people.Service, email string) (*people.Person, error) {
	resp, err := searchContacts(ctx, svc, email, DetailFields, maxSearchResults)
	if err != nil {
		return nil, err
	}
	var found []*people.Person
	for _, r := range resp.Results {
		if r.Person == nil {
			continue
		}
		for _, e := range r.Person.EmailAddresses {
			if strings.EqualFold(strings.TrimSpace(e.Value), email) {
				found = append(found, r.Person)
				break
			}
		}
	}
	gog := a.GogCommand()
	switch len(found) {
	case 0:
		return nil, errs.New(errs.NotFound, "no contact has the email address %s", email).
			WithHint("search more broadly: %s contacts search %s", gog, strings.SplitN(email, "@", 2)[0])
	case 1:
		return found[0], nil
	}
	var names []string
	for _, p := range found {
		names = append(names, p.ResourceName+" ("+Name(p)+")")
	}
	return nil, errs.Usagef("%d contacts have the email address %s: %s", len(found), email, strings.Join(names, ", ")).
		WithHint("pick one: %s contacts get %s", gog, found[0].ResourceName)
}

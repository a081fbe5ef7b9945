package contacts

import (
	"context"
	"encoding/csv"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/cmd/cmdutil"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
)

// ExportOptions are the flags of `gog contacts export`.
type ExportOptions struct {
	Format       string // vcard or csv
	VCardVersion string // 3.0 or 4.0
}

// NewCmdExport returns `gog contacts export`; runF replaces the run function in flag tests.
func NewCmdExport(a *app.App, runF func(context.Context, *ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{}
	cmd := &cobra.Command{
		Use:   "export [--format vcard|csv]",
		Short: "Write all your contacts to stdout as vCard or CSV",
		Long: `Write every contact (all pages) to stdout as vCard (default 3.0, the version most address books import;
--vcard-version 4.0 for RFC 6350) or as CSV with a header row. In CSV, a field with several values (emails,
phones) joins them with " ::: ", as Google Contacts' own CSV export does. With --json, the contacts are printed
as Google's Person resources instead.`,
		Example: "  gog contacts export > contacts.vcf\n  gog contacts export --format csv > contacts.csv",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Format = strings.ToLower(opts.Format)
			if opts.Format != "vcard" && opts.Format != "csv" {
				return errs.Usagef("--format %q is not vcard or csv", opts.Format)
			}
			if opts.VCardVersion != "3.0" && opts.VCardVersion != "4.0" {
				return errs.Usagef("--vcard-version %q is not 3.0 or 4.0", opts.VCardVersion)
			}
			if opts.Format == "csv" && cmd.Flags().Changed("vcard-version") {
				return errs.Usagef("--vcard-version applies to --format vcard only")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return exportRun(cmd.Context(), a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "vcard", "output `FORMAT`: vcard or csv")
	cmd.Flags().StringVar(&opts.VCardVersion, "vcard-version", "3.0", "vCard `VERSION`: 3.0 or 4.0")
	return cmd
}

func exportRun(ctx context.Context, a *app.App, opts *ExportOptions) error {
	svc, err := service(ctx, a)
	if err != nil {
		return err
	}
	every := cmdutil.Paging{AllPages: true}
	all, _, err := cmdutil.Collect(&every, func(token string) ([]*people.Person, string, error) {
		resp, err := listConnections(ctx, svc, ExportFields, "", token, maxConnectionsPerPage)
		if err != nil {
			return nil, "", err
		}
		return resp.Connections, resp.NextPageToken, nil
	})
	if err != nil {
		return err
	}
	if p := a.Printer(); p.Format == output.FormatJSON {
		return p.List("connections", all, "", nil)
	}
	if opts.Format == "csv" {
		return writeCSV(a.IO.Out, all)
	}
	return writeVCards(a.IO.Out, all, opts.VCardVersion)
}

// csvHeader is the header row of the CSV export.
var csvHeader = []string{"resourceName", "name", "givenName", "familyName", "nickname", "emails", "phones",
	"organization", "title", "birthday", "note"}

// multiSep joins several values in one CSV field, as Google Contacts' CSV export does.
const multiSep = " ::: "

func writeCSV(w io.Writer, ps []*people.Person) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, p := range ps {
		var given, family, nick, org, title, bday, note string
		if len(p.Names) > 0 {
			given, family = p.Names[0].GivenName, p.Names[0].FamilyName
		}
		if len(p.Nicknames) > 0 {
			nick = p.Nicknames[0].Value
		}
		if len(p.Organizations) > 0 {
			org, title = p.Organizations[0].Name, p.Organizations[0].Title
		}
		if len(p.Birthdays) > 0 {
			bday = FormatDate(p.Birthdays[0].Date, p.Birthdays[0].Text)
		}
		if len(p.Biographies) > 0 {
			note = p.Biographies[0].Value
		}
		var mails, tels []string
		for _, e := range p.EmailAddresses {
			mails = append(mails, e.Value)
		}
		for _, t := range p.PhoneNumbers {
			tels = append(tels, t.Value)
		}
		row := []string{p.ResourceName, Name(p), given, family, nick, strings.Join(mails, multiSep),
			strings.Join(tels, multiSep), org, title, bday, note}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

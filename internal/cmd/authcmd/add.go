package authcmd

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/auth"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/output"
	"github.com/gogcli/gog/internal/scopes"
)

type addOptions struct {
	email        string
	services     string
	extraScopes  []string
	forceConsent bool
	manual       bool
	remote       bool
	step         int
	authURL      string
	client       string
	timeout      time.Duration
}

func newAdd(a *app.App) *cobra.Command {
	o := &addOptions{}
	cmd := &cobra.Command{
		Use:   "add EMAIL",
		Short: "Sign in an account (browser, --manual, or --remote in two steps)",
		Long: `Sign in an account with OAuth and store its refresh token in the secret store.

By default gog listens on 127.0.0.1 and opens the browser (the URL is always printed too). Over SSH, use
--manual (paste back the address the browser lands on) or --remote: step 1 prints the URL and remembers the
sign-in for 10 minutes; step 2 completes it with the address the browser was redirected to.

The global --readonly asks for the read-only variant of each service's scopes. Adding services to an account
that is already signed in asks again for everything it had plus the new ones (Google has no incremental consent
for installed apps). Against the sandbox or another --endpoint, gog completes the consent itself: no browser.`,
		Example: `  gog auth add you@gmail.com
  gog auth add you@gmail.com --services calendar,contacts --readonly
  gog auth add you@gmail.com --services youtube --extra-scopes youtube.force-ssl --force-consent
  gog auth add you@gmail.com --remote --step 1
  gog auth add you@gmail.com --remote --step 2 --auth-url 'http://127.0.0.1:1/?code=...&state=...'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.email = args[0]
			return runAdd(cmd, a, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.services, "services", "all", "services to sign in for: "+strings.Join(scopes.Names(), ",")+" or all")
	f.StringSliceVar(&o.extraScopes, "extra-scopes", nil, "more OAuth scopes (`URL,...`; short forms like youtube.force-ssl work)")
	f.BoolVar(&o.forceConsent, "force-consent", false, "show the consent screen again (and get a new refresh token)")
	f.BoolVar(&o.manual, "manual", false, "paste the redirected address instead of running a local listener")
	f.BoolVar(&o.remote, "remote", false, "two-step sign-in for a machine without a browser (with --step)")
	f.IntVar(&o.step, "step", 0, "with --remote: 1 prints the URL, 2 completes the sign-in")
	f.StringVar(&o.authURL, "auth-url", "", "with --remote --step 2: the `URL` the browser was redirected to")
	f.StringVar(&o.client, "client", "", "OAuth client `NAME` (default: config default_client, else \"default\")")
	f.DurationVar(&o.timeout, "timeout", auth.DefaultSignInTimeout, "how long to wait for the browser")
	return cmd
}

func (o *addOptions) flow(a *app.App) (auth.FlowMode, error) {
	switch {
	case o.manual && o.remote:
		return 0, errs.Usagef("--manual and --remote cannot be used together").WithHint("pick one")
	case o.remote:
		switch o.step {
		case 1:
			if o.authURL != "" {
				return 0, errs.Usagef("--auth-url belongs to --step 2").WithHint("run step 1 without it")
			}
			return auth.FlowRemoteStart, nil
		case 2:
			if o.authURL == "" {
				return 0, errs.Usagef("--remote --step 2 needs --auth-url URL").
					WithHint("pass the address the browser was redirected to after step 1's URL")
			}
			return auth.FlowRemoteFinish, nil
		}
		return 0, errs.Usagef("--remote needs --step 1 or --step 2")
	case o.step != 0 || o.authURL != "":
		return 0, errs.Usagef("--step and --auth-url belong to --remote").WithHint("add --remote")
	case o.manual:
		if a.Flags.NoInput && a.IO.IsStdinTTY() {
			return 0, errs.Usagef("--manual reads the redirected address from the terminal, and --no-input forbids asking").
				WithHint("use --remote --step 1 and --step 2, or pipe the address into gog auth add --manual")
		}
		return auth.FlowManual, nil
	}
	return auth.FlowLoopback, nil
}

func runAdd(cmd *cobra.Command, a *app.App, o *addOptions) error {
	flow, err := o.flow(a)
	if err != nil {
		return err
	}
	services, err := scopes.ParseServices(o.services)
	if err != nil {
		return errs.Wrap(err, errs.Usage, "%v", err)
	}
	ctx, m, err := manager(cmd, a)
	if err != nil {
		return err
	}
	client := ""
	if flow != auth.FlowRemoteFinish {
		if client, err = m.PickClient(ctx, o.client, a.Setting("default_client")); err != nil {
			return err
		}
	}
	res, err := m.SignIn(ctx, auth.SignInRequest{
		Email: o.email, Services: services, ReadOnly: a.Flags.ReadOnly, ExtraScopes: o.extraScopes,
		ForceConsent: o.forceConsent, Client: client, Flow: flow, RedirectURL: o.authURL,
		Prompt: a.IO.ErrOut, Paste: a.IO.In, Timeout: o.timeout,
	})
	if err != nil {
		return err
	}
	p := a.Printer()
	if flow == auth.FlowRemoteStart {
		return printRemoteStart(a, m, p, res)
	}
	if p.Format == output.FormatJSON {
		if err := p.JSON(res); err != nil {
			return err
		}
	} else if _, err := fmt.Fprintf(a.IO.Out, "Signed in %s (%s) for: %s\n", res.Email, realmLabel(res.Realm), join(res.Services)); err != nil {
		return err
	}
	explainResult(a, m, res)
	return nil
}

func printRemoteStart(a *app.App, m *auth.Manager, p *output.Printer, res *auth.SignInResult) error {
	next := fmt.Sprintf("%s auth add %s --remote --step 2 --auth-url 'URL'", m.Command(), res.Email)
	if p.Format == output.FormatJSON {
		return p.JSON(map[string]any{"auth_url": res.AuthURL, "expires_at": res.ExpiresAt, "email": res.Email, "next": next})
	}
	if _, err := fmt.Fprintln(a.IO.Out, res.AuthURL); err != nil {
		return err
	}
	note(a, "Open the URL above in a browser on any machine and sign in as %s. The browser then fails to load\n"+
		"http://127.0.0.1:1/?code=...: copy that whole address and, within 10 minutes (by %s), run:\n  %s",
		res.Email, res.ExpiresAt.Local().Format("15:04"), next)
	return nil
}

// explainResult tells the person what differs from what they asked: another account, a narrower grant.
func explainResult(a *app.App, m *auth.Manager, res *auth.SignInResult) {
	if res.AskedFor != "" {
		note(a, "Note: you signed in as %s, not %s; the sign-in is stored under %s.", res.Email, res.AskedFor, res.Email)
	}
	if res.Widened {
		note(a, "The grant now covers everything it had plus what you asked for.")
	}
	if len(res.Missing) == 0 {
		return
	}
	var affected []string
	for _, name := range res.Services {
		if svc, ok := scopes.Lookup(name); ok && len(scopes.Missing(svc.ReadOnly, res.Granted)) > 0 && len(scopes.Missing(svc.Full, res.Granted)) > 0 {
			affected = append(affected, name)
		}
	}
	note(a, "Warning: Google granted fewer scopes than requested (some were unticked on the consent screen). Missing:")
	for _, s := range res.Missing {
		note(a, "  %s", s)
	}
	if len(affected) > 0 {
		note(a, "These services will fail: %s. To grant them: %s auth add %s --services %s --force-consent",
			strings.Join(affected, ", "), m.Command(), res.Email, strings.Join(affected, ","))
	}
}

package contacts

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"google.golang.org/api/people/v1"
)

// vCard writing (RFC 6350 for 4.0, RFC 2426 for 3.0). Lines end in CRLF and are folded at 75 octets, never
// inside a UTF-8 sequence; text values escape backslash, comma, semicolon and newline.

// maxLineOctets is the longest content line RFC 6350 §3.2 allows before folding (line break excluded).
const maxLineOctets = 75

// writeVCards writes one vCard per person.
func writeVCards(w io.Writer, ps []*people.Person, version string) error {
	var b strings.Builder
	for _, p := range ps {
		vcard(&b, p, version == "4.0")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func vcard(b *strings.Builder, p *people.Person, v4 bool) {
	line := func(name, value string) { fold(b, name+":"+value) }
	line("BEGIN", "VCARD")
	if v4 {
		line("VERSION", "4.0")
	} else {
		line("VERSION", "3.0")
	}
	line("FN", escapeText(formattedName(p)))
	if len(p.Names) > 0 {
		n := p.Names[0]
		line("N", compound(n.FamilyName, n.GivenName, n.MiddleName, n.HonorificPrefix, n.HonorificSuffix))
	} else if !v4 {
		line("N", compound("", "", "", "", "")) // required in 3.0
	}
	if len(p.Nicknames) > 0 {
		var nicks []string
		for _, n := range p.Nicknames {
			nicks = append(nicks, escapeText(n.Value))
		}
		line("NICKNAME", strings.Join(nicks, ","))
	}
	for _, e := range p.EmailAddresses {
		line("EMAIL"+typeParam(placeTypes[e.Type]), escapeText(e.Value))
	}
	for _, ph := range p.PhoneNumbers {
		line("TEL"+typeParam(phoneTypes[ph.Type]), escapeText(ph.Value))
	}
	for _, a := range p.Addresses {
		line("ADR"+typeParam(placeTypes[a.Type]),
			compound(a.PoBox, a.ExtendedAddress, a.StreetAddress, a.City, a.Region, a.PostalCode, a.Country))
	}
	if len(p.Organizations) > 0 {
		o := p.Organizations[0]
		if o.Name != "" || o.Department != "" {
			if o.Department != "" {
				line("ORG", compound(o.Name, o.Department))
			} else {
				line("ORG", escapeText(o.Name))
			}
		}
		if o.Title != "" {
			line("TITLE", escapeText(o.Title))
		}
	}
	for _, bd := range p.Birthdays {
		if v := vcardDate(bd.Date, v4); v != "" {
			line("BDAY", v)
			break
		}
	}
	for _, u := range p.Urls {
		line("URL", strings.NewReplacer("\r", "", "\n", "").Replace(u.Value))
	}
	for _, n := range p.Biographies {
		line("NOTE", escapeText(n.Value))
	}
	line("END", "VCARD")
}

// placeTypes (emails, addresses) and phoneTypes map People's predefined types to vCard TYPE values; other and
// custom types get no TYPE.
var placeTypes = map[string]string{"home": "home", "work": "work"}

var phoneTypes = map[string]string{"mobile": "cell", "home": "home", "work": "work", "homeFax": "home,fax",
	"workFax": "work,fax", "otherFax": "fax", "pager": "pager", "workMobile": "work,cell", "workPager": "work,pager",
	"main": "voice"}

func typeParam(t string) string {
	if t == "" {
		return ""
	}
	return ";TYPE=" + t
}

func formattedName(p *people.Person) string {
	if n := Name(p); n != "" {
		return n
	}
	if len(p.Nicknames) > 0 && p.Nicknames[0].Value != "" {
		return p.Nicknames[0].Value
	}
	for _, o := range p.Organizations {
		if o.Name != "" {
			return o.Name
		}
	}
	return firstEmail(p)
}

// escapeText escapes a TEXT value: backslash, comma, semicolon, and line breaks as \n (RFC 6350 §3.4).
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// compound joins the components of a structured value (N, ADR, ORG) with unescaped semicolons.
func compound(parts ...string) string {
	for i, p := range parts {
		parts[i] = escapeText(p)
	}
	return strings.Join(parts, ";")
}

// vcardDate renders a birthday: 4.0 uses the basic form (19851210, --1210), 3.0 the extended one.
func vcardDate(d *people.Date, v4 bool) string {
	if d == nil {
		return ""
	}
	switch {
	case d.Year != 0 && d.Month != 0 && d.Day != 0 && v4:
		return fmt.Sprintf("%04d%02d%02d", d.Year, d.Month, d.Day)
	case d.Year == 0 && d.Month != 0 && d.Day != 0 && v4:
		return fmt.Sprintf("--%02d%02d", d.Month, d.Day)
	}
	return FormatDate(d, "")
}

// fold writes one content line, breaking it into 75-octet pieces joined by CRLF and a space (the space counts
// toward the next piece's length), with every break on a character boundary.
func fold(b *strings.Builder, s string) {
	limit := maxLineOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLineOctets - 1
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

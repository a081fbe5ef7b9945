package discovery

import (
	"net/url"
	"strings"
)

// segment is one "/"-separated piece of a path template: a literal, or a parameter with optional literal text
// around it ("{peopleId}:updateContact" has name "peopleId" and suffix ":updateContact").
type segment struct {
	literal        string // used when !param
	param          bool
	name           string
	prefix, suffix string
}

type template struct {
	segs   []segment
	method int  // index into methods
	upload bool // template is the method's upload path
}

type table struct {
	byID map[string]int
	// bySize groups templates by segment count; a request only ever matches templates of its own length.
	bySize map[int][]template
}

func buildIndex() *table {
	t := &table{byID: make(map[string]int, len(methods)), bySize: map[int][]template{}}
	for i, m := range methods {
		t.byID[m.ID] = i
		t.add(m.Path, i, false)
		if m.UploadPath != "" {
			t.add(m.UploadPath, i, true)
		}
	}
	return t
}

func (t *table) add(path string, i int, upload bool) {
	parts := strings.Split(strings.TrimPrefix(path, "/"), "/")
	segs := make([]segment, len(parts))
	for j, p := range parts {
		open, close := strings.IndexByte(p, '{'), strings.IndexByte(p, '}')
		if open < 0 || close < open {
			segs[j] = segment{literal: p}
			continue
		}
		segs[j] = segment{param: true, name: p[open+1 : close], prefix: p[:open], suffix: p[close+1:]}
	}
	t.bySize[len(segs)] = append(t.bySize[len(segs)], template{segs: segs, method: i, upload: upload})
}

// score ranks how specific a matching template is, segment by segment: a literal beats a parameter with literal
// text around it, which beats a bare parameter. So "/v1/people:searchContacts" wins over "/v1/{resource}" and
// "{peopleId}:updateContact" over "{peopleId}".
func score(segs []segment) []int {
	s := make([]int, len(segs))
	for i, g := range segs {
		switch {
		case !g.param:
			s[i] = 3
		case g.prefix != "" || g.suffix != "":
			s[i] = 2
		default:
			s[i] = 1
		}
	}
	return s
}

func better(a, b []int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] > b[i]
		}
	}
	return false
}

func (t *table) lookup(httpMethod, escapedPath string) (Match, Result, []string) {
	parts := strings.Split(strings.TrimPrefix(escapedPath, "/"), "/")
	var best *template
	var bestScore []int
	var bestParams map[string]string
	var allowed []string
	for k := range t.bySize[len(parts)] {
		tpl := &t.bySize[len(parts)][k]
		params, ok := tpl.match(parts)
		if !ok {
			continue
		}
		m := methods[tpl.method]
		if m.HTTPMethod != httpMethod {
			allowed = appendUnique(allowed, m.HTTPMethod)
			continue
		}
		sc := score(tpl.segs)
		if best == nil || better(sc, bestScore) {
			best, bestScore, bestParams = tpl, sc, params
		}
	}
	if best != nil {
		return Match{Method: methods[best.method], Params: bestParams, Upload: best.upload}, Found, nil
	}
	if len(allowed) > 0 {
		return Match{}, WrongMethod, allowed
	}
	return Match{}, NotFound, nil
}

func (tpl *template) match(parts []string) (map[string]string, bool) {
	var params map[string]string
	for i, g := range tpl.segs {
		p := parts[i]
		if !g.param {
			if p != g.literal {
				return nil, false
			}
			continue
		}
		if len(p) < len(g.prefix)+len(g.suffix) || !strings.HasPrefix(p, g.prefix) || !strings.HasSuffix(p, g.suffix) {
			return nil, false
		}
		raw := p[len(g.prefix) : len(p)-len(g.suffix)]
		// A bare parameter must not swallow a custom verb meant for a more specific template; an empty value
		// never names a resource.
		if raw == "" {
			return nil, false
		}
		v, err := url.PathUnescape(raw)
		if err != nil {
			return nil, false
		}
		if params == nil {
			params = map[string]string{}
		}
		params[g.name] = v
	}
	return params, true
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

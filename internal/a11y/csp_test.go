package a11y

import (
	"regexp"
	"strings"
	"testing"
)

// cspMeta finds the Content-Security-Policy meta element, minified or not.
var cspMeta = regexp.MustCompile(`<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"`)

// policyProblems says what a Content-Security-Policy lacks of what every
// page must have: default-src 'self', object-src 'none', base-uri 'self',
// and no 'unsafe-inline' or 'unsafe-eval' anywhere.
func policyProblems(policy string) []string {
	dirs := map[string]string{}
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			dirs[strings.ToLower(f[0])] = strings.Join(f[1:], " ")
		}
	}
	var out []string
	for dir, want := range map[string]string{"default-src": "'self'", "object-src": "'none'", "base-uri": "'self'"} {
		if dirs[dir] != want {
			out = append(out, dir+" is "+quoteOrMissing(dirs, dir)+", want "+want)
		}
	}
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"} {
		for dir, v := range dirs {
			if strings.Contains(" "+v+" ", " "+bad+" ") {
				out = append(out, dir+" allows "+bad)
			}
		}
	}
	return out
}

func quoteOrMissing(m map[string]string, k string) string {
	v, ok := m[k]
	if !ok {
		return "missing"
	}
	return `"` + v + `"`
}

// TestCSP checks that every page of every site carries the policy in a
// meta element, and that the _headers file sends it for every path, as
// the test server does. (TestAudit checks in the browser that no page
// breaks it.)
func TestCSP(t *testing.T) {
	t.Parallel()
	rep := newReport()
	for _, s := range []*site{exampleSite(t), formSite(t), corpusSite(t)} {
		for _, p := range s.pages {
			b, _ := s.out.Get(outputFile(p))
			m := cspMeta.FindSubmatch(b)
			if m == nil {
				rep.add("CSP: a page has no Content-Security-Policy meta element", s.name+" "+p, "missing")
				continue
			}
			policy := strings.ReplaceAll(string(m[1]), "&#39;", "'")
			rep.add("CSP: the meta element's policy is not strict enough", s.name+" "+p, policyProblems(policy)...)
			h := headersFor(s.out, p)["Content-Security-Policy"]
			if h == "" {
				rep.add("CSP: _headers sends no Content-Security-Policy for a page", s.name+" "+p, "missing")
				continue
			}
			rep.add("CSP: the _headers policy is not strict enough", s.name+" "+p, policyProblems(h)...)
			if !strings.HasPrefix(h, policy) {
				rep.add("CSP: _headers and the meta element differ", s.name+" "+p, "header: "+h+" | meta: "+policy)
			}
		}
	}
	rep.fail(t, 10)
}

// TestPolicyProblems proves the policy check fails what it must.
func TestPolicyProblems(t *testing.T) {
	for policy, want := range map[string]int{
		"default-src 'self'; object-src 'none'; base-uri 'self'":                            0,
		"default-src 'self'; object-src 'none'; base-uri 'self'; style-src 'unsafe-inline'": 1,
		"default-src *; object-src 'none'; base-uri 'self'":                                 2,
		"default-src 'self'; base-uri 'self'":                                               1,
		"":                                                                                  3,
	} {
		if got := policyProblems(policy); len(got) != want {
			t.Errorf("policyProblems(%q) = %q, want %d problems", policy, got, want)
		}
	}
}

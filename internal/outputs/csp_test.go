package outputs_test

import (
	"strings"
	"testing"

	"github.com/torv/torv/internal/outputs"
)

func directives(csp string) map[string]string {
	m := map[string]string{}
	for d := range strings.SplitSeq(csp, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		if name != "" {
			m[name] = value
		}
	}
	return m
}

func TestCSP(t *testing.T) {
	d := directives(outputs.CSP)
	want := map[string]string{
		"default-src": "'self'",
		"object-src":  "'none'",
		"base-uri":    "'self'",
	}
	for name, value := range want {
		if d[name] != value {
			t.Errorf("%s is %q, want %q", name, d[name], value)
		}
	}
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "*"} {
		for name, value := range d {
			if slicesContains(strings.Fields(value), bad) {
				t.Errorf("%s allows %s", name, bad)
			}
		}
	}
	for _, name := range []string{"script-src", "style-src"} {
		if v, ok := d[name]; ok {
			t.Errorf("%s %q widens default-src", name, v)
		}
	}
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

package outputs_test

import (
	"regexp"
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

func TestHeaders(t *testing.T) {
	tests := []struct {
		basePath string
		paths    []string
	}{
		{"/", []string{"/*", "/css/*", "/js/*"}},
		{"/borger/", []string{"/borger/*", "/borger/css/*", "/borger/js/*"}},
	}
	for _, tt := range tests {
		got := string(outputs.Headers(tt.basePath))
		// Path lines start in column 1; header lines are indented.
		var paths []string
		for line := range strings.SplitSeq(strings.TrimSpace(got), "\n") {
			if !strings.HasPrefix(line, " ") {
				paths = append(paths, line)
			}
		}
		if strings.Join(paths, " ") != strings.Join(tt.paths, " ") {
			t.Errorf("base %s: paths %v, want %v", tt.basePath, paths, tt.paths)
		}
		csp := regexp.MustCompile(`(?m)^  Content-Security-Policy: (.*)$`).FindStringSubmatch(got)
		if csp == nil {
			t.Fatalf("base %s: no Content-Security-Policy:\n%s", tt.basePath, got)
		}
		d := directives(csp[1])
		if d["default-src"] != "'self'" || d["object-src"] != "'none'" || d["base-uri"] != "'self'" || d["frame-ancestors"] != "'none'" {
			t.Errorf("base %s: CSP %q", tt.basePath, csp[1])
		}
		if strings.Contains(csp[1], "unsafe-inline") {
			t.Errorf("base %s: CSP allows inline script or style", tt.basePath)
		}
		for _, h := range []string{"X-Content-Type-Options: nosniff", "Referrer-Policy: same-origin"} {
			if !strings.Contains(got, "  "+h+"\n") {
				t.Errorf("base %s: no %s", tt.basePath, h)
			}
		}
		// Fingerprinted files can be cached for ever; pages cannot.
		cache := regexp.MustCompile(`(?m)^(\S+)\n  Cache-Control: public, max-age=31536000, immutable$`).FindAllStringSubmatch(got, -1)
		if len(cache) != 2 || cache[0][1] != tt.basePath+"css/*" || cache[1][1] != tt.basePath+"js/*" {
			t.Errorf("base %s: long caching on %v, want on css/* and js/* only", tt.basePath, cache)
		}
	}
}

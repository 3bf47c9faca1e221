package outputs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/torv/torv/internal/diag"
)

// This file is the one definition of what a host sends besides the files:
// the security headers on every response, long caching for fingerprinted
// files only, the 404 page, and the pages' aliases as redirects. Each
// host's file (netlify.go, nginx.go, apache.go) writes HostRules in its
// own format and adds nothing of its own, so the formats cannot drift.

// CSP is the Content-Security-Policy of every page: nothing but the site's
// own files, no inline script or style, no plugins, no <base> tricks.
const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self' https: mailto:"

// HeaderCSP is the Content-Security-Policy header: the meta element's
// policy (CSP) and frame-ancestors, which a browser reads only from a
// header.
const HeaderCSP = CSP + "; frame-ancestors 'none'"

// CacheImmutable is the Cache-Control of a fingerprinted file: its name
// changes with its bytes, so a browser may keep it for a year unasked.
const CacheImmutable = "public, max-age=31536000, immutable"

// PermissionsPolicy switches off what a citizen's page never needs. It
// names only features browsers know: an unknown one (FLoC's
// interest-cohort, gone since 2022) is an error in every visitor's console.
const PermissionsPolicy = "camera=(), microphone=(), geolocation=()"

// The host files, at the top of the output.
const (
	NginxFile     = "torv-nginx.conf"
	ApacheFile    = ".htaccess"
	HeadersFile   = "_headers"
	RedirectsFile = "_redirects"
)

// A Header is one HTTP header.
type Header struct{ Name, Value string }

// A Move is a redirect: an old address (a page's alias) and the page's,
// both URL paths with the base path.
type Move struct{ From, To string }

// HostRules is what every host file says, in URL paths with the base
// path in front.
type HostRules struct {
	Base      string   // the site's base path: "/", "/borger/"
	Headers   []Header // on every response: pages, files, redirects, the 404 page
	Immutable []string // fingerprinted files, cached for a year (CacheImmutable)
	NotFound  string   // the 404 page
	Moves     []Move   // 301 redirects, sorted by From
	Private   []string // the host files: answered with 404, as a host that reads them does
}

// Rules is the site's HostRules.
func Rules(in *Input) *HostRules {
	r := &HostRules{Base: in.URL("/"), Headers: SecurityHeaders(in.Config.HSTSMaxAge()), NotFound: in.URL("/404.html")}
	if in.Assets != nil {
		if in.Assets.CSS.URL != "" {
			r.Immutable = append(r.Immutable, in.URL(in.Assets.CSS.URL))
		}
		for _, a := range in.Assets.JS {
			r.Immutable = append(r.Immutable, in.URL(a.URL))
		}
		slices.Sort(r.Immutable)
	}
	for _, rd := range in.Site.Redirects() {
		r.Moves = append(r.Moves, Move{in.URL(rd.From), in.URL(rd.Page.URL)})
	}
	for _, f := range []string{HeadersFile, RedirectsFile, NginxFile, ApacheFile} {
		r.Private = append(r.Private, in.URL("/"+f))
	}
	return r
}

// SecurityHeaders are the headers of every response; hsts is the max-age
// of Strict-Transport-Security, 0 for none.
func SecurityHeaders(hsts int64) []Header {
	h := []Header{
		{"Content-Security-Policy", HeaderCSP},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "same-origin"},
		{"Permissions-Policy", PermissionsPolicy},
		{"Cross-Origin-Opener-Policy", "same-origin"},
	}
	if hsts > 0 {
		h = append(h, Header{"Strict-Transport-Security", fmt.Sprintf("max-age=%d", hsts)})
	}
	return h
}

// hostStage is the stage of one host file format: it writes its files
// when config.toml's [publish] hosts names one of the hosts that read
// them.
func hostStage(name string, hosts []string, write func(*HostRules) []File) Stage {
	return Stage{Name: name, Make: func(in *Input) ([]File, diag.List) {
		if !slices.ContainsFunc(hosts, in.Config.WritesHost) {
			return nil, nil
		}
		r := Rules(in)
		if strings.Trim(r.Base, safePath) != "" {
			line, col := in.Config.Pos("baseurl")
			return nil, diag.List{diag.Errorf("config.toml", line, col, "the base URL's path %s holds characters a server's configuration cannot take as they are", r.Base).
				WithHint("write the path with a-z, A-Z, 0-9, -, _, . and ~, or leave %s out of [publish] hosts", strings.Join(hosts, " and "))}
		}
		return write(r), nil
	}}
}

// safePath are the characters of a path that every host file format
// takes unquoted and unescaped; content checks aliases against the same.
const safePath = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/"

// banner is the comment at the top of each host file.
func banner(comment, what string) string {
	var b strings.Builder
	for line := range strings.SplitSeq("Made by torv build; do not edit: it is written again with every build.\n"+what, "\n") {
		b.WriteString(strings.TrimRight(comment+" "+line, " ") + "\n")
	}
	return b.String()
}

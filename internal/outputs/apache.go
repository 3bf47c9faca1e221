package outputs

import (
	"regexp"
	"strings"
)

// apacheStage writes .htaccess, which Apache reads from the published
// folder when the server allows it (AllowOverride All, or FileInfo and
// Indexes), with mod_headers and mod_alias loaded; without them Apache
// answers 500 rather than serving the site without its headers.
func apacheStage() Stage {
	return hostStage("apache", []string{"apache"}, func(r *HostRules) []File {
		return []File{{Path: ApacheFile, Bytes: Apache(r)}}
	})
}

// Apache is the .htaccess file of r. "Header always set" sends a header
// on every response, redirects and the 404 page included; RedirectMatch
// matches an alias exactly (Redirect would match every path below it).
func Apache(r *HostRules) []byte {
	var b strings.Builder
	b.WriteString(banner("#", "Apache reads this file when AllowOverride allows it (All, or FileInfo\n"+
		"and Indexes), with mod_headers, mod_alias, mod_dir and mod_mime loaded."))
	b.WriteString("DirectoryIndex index.html\n")
	b.WriteString("AddDefaultCharset utf-8\n")
	b.WriteString("ErrorDocument 404 " + r.NotFound + "\n")
	for _, h := range r.Headers {
		b.WriteString(`Header always set ` + h.Name + ` "` + h.Value + `"` + "\n")
	}
	if len(r.Immutable) > 0 {
		quoted := make([]string, len(r.Immutable))
		for i, p := range r.Immutable {
			quoted[i] = "'" + p + "'"
		}
		b.WriteString(`<If "%{REQUEST_URI} in { ` + strings.Join(quoted, ", ") + ` }">` + "\n")
		b.WriteString(`	Header always set Cache-Control "` + CacheImmutable + `"` + "\n</If>\n")
	}
	for _, m := range r.Moves {
		b.WriteString(`RedirectMatch 301 "^` + regexp.QuoteMeta(m.From) + `$" "` + m.To + `"` + "\n")
	}
	for _, p := range r.Private {
		b.WriteString(`RedirectMatch 404 "^` + regexp.QuoteMeta(p) + `$"` + "\n")
	}
	return []byte(b.String())
}

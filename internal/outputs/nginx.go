package outputs

import "strings"

// nginxStage writes torv-nginx.conf, a file to include in the nginx
// server block that serves the published folder.
func nginxStage() Stage {
	return hostStage("nginx", []string{"nginx"}, func(r *HostRules) []File {
		return []File{{Path: NginxFile, Bytes: Nginx(r)}}
	})
}

// Nginx is the nginx include file of r. nginx drops every add_header of
// the server block in a location that has an add_header of its own, so
// the security headers are written at the server level, where the
// redirects' and the 404 page's locations inherit them, and again in each
// location that adds Cache-Control. "always" sends them on 3xx and 4xx
// responses too.
func Nginx(r *HostRules) []byte {
	var b strings.Builder
	b.WriteString(banner("#", "nginx: include it in the server block whose root is this folder, as\n"+
		"    include /srv/fjordby/public/"+NginxFile+";\n"+
		"Your own location blocks must not use add_header, or nginx drops these\n"+
		"headers there; put your headers in the server block instead."))
	b.WriteString("charset utf-8;\n")
	b.WriteString("error_page 404 " + r.NotFound + ";\n")
	nginxHeaders(&b, "", r.Headers)
	for _, p := range r.Immutable {
		b.WriteString("location = " + p + " {\n")
		nginxHeaders(&b, "\t", append([]Header{{"Cache-Control", CacheImmutable}}, r.Headers...))
		b.WriteString("}\n")
	}
	for _, m := range r.Moves {
		b.WriteString("location = " + m.From + " {\n\treturn 301 " + m.To + ";\n}\n")
	}
	for _, p := range r.Private {
		b.WriteString("location = " + p + " {\n\treturn 404;\n}\n")
	}
	return []byte(b.String())
}

func nginxHeaders(b *strings.Builder, indent string, hs []Header) {
	for _, h := range hs {
		b.WriteString(indent + "add_header " + h.Name + ` "` + h.Value + `" always;` + "\n")
	}
}

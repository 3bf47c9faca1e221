package outputs

import (
	"bytes"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"github.com/torv/torv/internal/content"
)

// This file writes one Atom 1.0 feed (RFC 4287). Every address in it is
// absolute, those in the entries' HTML too: a feed reader shows the text
// away from the site, and not every reader resolves xml:base.

// atomTime is an Atom date (RFC 3339). Pages carry days, not times: a day
// is its midnight in UTC.
func atomTime(d content.Date) string {
	if d.IsZero() {
		return time.Unix(0, 0).UTC().Format(time.RFC3339) // a feed with nothing dated yet
	}
	return d.UTC().Format(time.RFC3339)
}

// atom writes feed f.
func atom(in *Input, f Feed) ([]byte, error) {
	title, err := f.Title(in.Config, in.T)
	if err != nil {
		return nil, err
	}
	entries := f.Entries(in.Site)
	updated := f.Page.Updated()
	for i, p := range entries {
		if d := changed(p); i == 0 || d.After(updated.Time) {
			updated = d
		}
	}
	lang := f.Page.Lang
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="` + esc(lang) + `">` + "\n")
	elem(&b, "id", in.Abs(f.Path))
	elem(&b, "title", title)
	if d := cmpOr(f.Page.Description(), in.Config.DescriptionIn(lang)); d != "" {
		elem(&b, "subtitle", d)
	}
	elem(&b, "updated", atomTime(updated))
	b.WriteString("<author>\n")
	elem(&b, "name", in.Config.Municipality)
	elem(&b, "uri", in.Abs(in.Site.HomeOf(lang).URL))
	b.WriteString("</author>\n")
	link(&b, "self", "application/atom+xml", "", in.Abs(f.Path))
	link(&b, "alternate", "text/html", lang, in.Abs(f.Page.URL))
	elem(&b, "generator", "torv")
	for _, p := range entries {
		entry(&b, in, f, p)
	}
	b.WriteString("</feed>\n")
	return b.Bytes(), nil
}

// entry writes one page as an entry: its title, address, dates, the
// description as the summary and the body, as the page shows it, as the
// content.
func entry(b *bytes.Buffer, in *Input, f Feed, p *content.Page) {
	abs := in.Abs(p.URL)
	b.WriteString("<entry>\n")
	if f.News {
		elem(b, "id", abs)
	} else {
		elem(b, "id", changeID(in, p))
	}
	elem(b, "title", p.Title())
	link(b, "alternate", "text/html", "", abs)
	if f.News && !p.Date().IsZero() {
		elem(b, "published", atomTime(p.Date()))
	}
	elem(b, "updated", atomTime(changed(p)))
	if d := p.Description(); d != "" {
		elem(b, "summary", d)
	}
	for _, t := range p.Tags {
		b.WriteString(`<category term="` + esc(t.Name) + `" scheme="` + esc(in.Abs(strings.TrimSuffix(t.URL, t.Slug+"/"))) + `"/>` + "\n")
	}
	if in.Content != nil {
		if h := in.Content(p); strings.TrimSpace(h) != "" {
			b.WriteString(`<content type="html">`)
			b.WriteString(esc(absHTML(h, in.Origin(), abs)))
			b.WriteString("</content>\n")
		}
	}
	b.WriteString("</entry>\n")
}

// changeID is the id of one change of page p in a feed of changes: a tag
// URI (RFC 4151) of the site's host, the day of the change and the page's
// path, so that a change is a new entry and the page's next change another.
func changeID(in *Input, p *content.Page) string {
	host := in.Origin()
	if u, err := url.Parse(host); err == nil {
		host = u.Hostname()
	}
	return "tag:" + host + "," + changed(p).ISO() + ":" + in.URL(p.URL)
}

func elem(b *bytes.Buffer, name, text string) {
	b.WriteString("<" + name + ">" + esc(text) + "</" + name + ">\n")
}

func link(b *bytes.Buffer, rel, typ, hreflang, href string) {
	b.WriteString(`<link rel="` + rel + `" type="` + typ + `"`)
	if hreflang != "" {
		b.WriteString(` hreflang="` + esc(hreflang) + `"`)
	}
	b.WriteString(` href="` + esc(href) + `"/>` + "\n")
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// esc escapes s for XML text and attributes, and drops what XML 1.0 does
// not allow at all (control characters but tab and newlines, invalid
// UTF-8), which a Markdown file may hold and a feed reader would refuse
// the whole feed for.
func esc(s string) string {
	ok := func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != utf8.RuneError && r != 0xFFFE && r != 0xFFFF && (r < 0xD800 || r > 0xDFFF)
	}
	if strings.IndexFunc(s, func(r rune) bool { return !ok(r) }) >= 0 {
		s = strings.Map(func(r rune) rune {
			if ok(r) {
				return r
			}
			return -1
		}, s)
	}
	return xmlEscaper.Replace(s)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// absHTML makes the site's addresses in a page's HTML absolute: href and
// src that start with "/" get the origin in front (they carry the base
// path already), and a link to a part of the page ("#…") the page's
// address. The HTML is otherwise kept byte for byte.
func absHTML(h, origin, page string) string {
	var out bytes.Buffer
	l := html.NewLexer(parse.NewInputString(h))
	for {
		tt, data := l.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt == html.AttributeToken {
			key := string(l.AttrKey())
			if raw := l.AttrVal(); (key == "href" || key == "src") && len(raw) > 0 {
				q, v := byte('"'), string(raw)
				if len(raw) >= 2 && (raw[0] == '"' || raw[0] == '\'') {
					q, v = raw[0], string(raw[1:len(raw)-1])
				}
				switch {
				case strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//"):
					v = origin + v
				case strings.HasPrefix(v, "#"):
					v = esc(page) + v
				default:
					out.Write(data)
					continue
				}
				out.Write(data[:bytes.Index(data, l.AttrKey())+len(key)])
				out.WriteString("=" + string(q) + v + string(q))
				continue
			}
		}
		out.Write(data)
	}
	return out.String()
}

package check

import (
	"bytes"
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/markup"
)

// Rules link-text, link-same-text, link-pdf, mailto-tel and anchor: what a
// link says and where it goes. Links to pages or files that do not exist
// are the build's own errors (markup reports them at the link), so they
// need no rule here; anchors need every page's headings and are judged
// when all pages are checked.

type linkSeen struct {
	dest, target string // as written, and resolved ("" until needed)
	link         *ast.Link
}

// link checks one link of the body. Resolving a link costs more than all
// else a link rule does, so it happens only when a rule needs the target:
// for an anchor, for a second link with the same text, and (targets) for
// a glossary term left unexplained.
func (pc *pageCheck) link(l *ast.Link, st *walkState) {
	dest := string(util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(l.Destination))))
	pc.dests = append(pc.dests, dest)
	text := nodeText(l, pc.src)
	// The position costs a look-up of lines: only findings need it.
	line, col := 0, 0
	at := func() (int, int) {
		if line == 0 {
			line, col = pc.posNode(l)
		}
		return line, col
	}
	scheme, rest, hasScheme := strings.Cut(dest, ":")
	if !hasScheme || strings.ContainsAny(scheme, "/?#") {
		scheme, rest = "", dest
	}
	// A law citation, [](lov:sygedagpenge), may be written without text:
	// the build writes the law's short title.
	_, _, cite := markup.CitedLaw(dest)
	switch strings.ToLower(scheme) {
	case "mailto":
		if msg := badMailto(dest); msg != "" && pc.on("mailto-tel") {
			line, col := at()
			pc.add("mailto-tel", diag.LevelError, line, col, fmt.Sprintf("%s: %s", msg, dest),
				"write it like mailto:borgerservice@fjordby.dk")
		}
	case "tel":
		if msg := badTel(dest); msg != "" && pc.on("mailto-tel") {
			line, col := at()
			pc.add("mailto-tel", diag.LevelError, line, col, fmt.Sprintf("%s: %s", msg, dest),
				"write the number with its country code and without spaces, like tel:+4570203040")
		}
	}
	norm := normLinkText(text, &pc.w.scratch)
	switch {
	case norm == "" && !hasImage(l) && !cite:
		line, col := at()
		pc.add("link-text", diag.LevelWarning, line, col, "link without text",
			"write what the reader finds there between the brackets: [Klage over en afgørelse](...)")
	case pc.c.vague[pc.lang][norm]:
		line, col := at()
		pc.add("link-text", diag.LevelWarning, line, col,
			fmt.Sprintf("link text %q says nothing about where the link goes", strings.TrimSpace(text)),
			"write what the reader finds there, like [sådan klager du](...); screen-reader users often hear only the links")
	case norm != "":
		first, ok := st.seen[norm]
		if !ok {
			st.seen[norm] = &linkSeen{dest: dest, link: l}
			break
		}
		if first.dest == dest {
			break
		}
		if first.target == "" {
			first.target = pc.resolve(first.dest)
		}
		if pc.resolve(dest) != first.target {
			line, col := at()
			firstLine, _ := pc.posNode(first.link)
			pc.add("link-same-text", diag.LevelWarning, line, col,
				fmt.Sprintf("link text %q leads to %s here, but to %s on line %d", strings.TrimSpace(text), dest, first.dest, firstLine),
				"give each target a link text of its own, so readers can tell them apart")
		}
	}
	p, _, _ := strings.Cut(rest, "#")
	p, _, _ = strings.Cut(p, "?")
	if strings.EqualFold(path.Ext(p), ".pdf") && !strings.Contains(strings.ToLower(text), "pdf") {
		line, col := at()
		pc.add("link-pdf", diag.LevelWarning, line, col,
			fmt.Sprintf("the link to %s does not say it opens a PDF", path.Base(p)),
			fmt.Sprintf("add it to the link text, like [%s (PDF)](...)", cmpOr(strings.TrimSpace(text), "Skema")))
	}
	if (scheme == "" || cite) && strings.Contains(dest, "#") && pc.on("anchor") {
		resolved, internal, exists := pc.c.site.ResolveLink(pc.p, dest)
		u, err := url.Parse(resolved)
		if err != nil || !internal || !exists || u.Fragment == "" {
			return
		}
		target := u.Path
		if target == "" {
			target = pc.p.URL
		}
		if pc.c.site.PageByURL(target) != nil {
			line, col := at()
			pc.res.anchors = append(pc.res.anchors, pendingAnchor{line: line, col: col, dest: dest, target: target, frag: u.Fragment})
		}
	}
}

// resolve returns where a link goes: the site path of an internal link
// (with its fragment), or the link as written.
func (pc *pageCheck) resolve(dest string) string {
	resolved, _, _ := pc.c.site.ResolveLink(pc.p, dest)
	return resolved
}

// targets returns the site paths (without fragment) of the pages and files
// the body links to, resolved on first use.
func (pc *pageCheck) targets() map[string]bool {
	if pc.targetSet != nil {
		return pc.targetSet
	}
	pc.targetSet = map[string]bool{}
	for _, d := range pc.dests {
		if to, internal, exists := pc.c.site.ResolveLink(pc.p, d); internal && exists {
			to, _, _ = strings.Cut(to, "#")
			to, _, _ = strings.Cut(to, "?")
			pc.targetSet[to] = true
		}
	}
	return pc.targetSet
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func hasImage(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.Image); ok {
			return true
		}
	}
	return false
}

// nodeText is the text a reader sees in n; see markup.PlainText.
func nodeText(n ast.Node, src []byte) string { return string(markup.PlainText(n, src)) }

// normLinkText lower-cases a link text and trims space and punctuation, so
// that "Læs mere …" is "læs mere"; runs of space become one. scratch is
// reused.
func normLinkText(s string, scratch *[]byte) string {
	b := (*scratch)[:0]
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = len(b) > 0
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			// Punctuation inside ("e-mail") stays; at the ends it goes.
			if len(b) > 0 {
				if space {
					b = append(b, ' ')
					space = false
				}
				b = utf8.AppendRune(b, r)
			}
		default:
			if space {
				b = append(b, ' ')
				space = false
			}
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	*scratch = b
	return strings.TrimRightFunc(string(b), func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) || r == ' ' })
}

// badMailto says what is wrong with a mailto: address, or "".
func badMailto(dest string) string {
	addr := dest[len("mailto:"):]
	addr, _, _ = strings.Cut(addr, "?")
	if addr == "" {
		return "mailto: link without an e-mail address"
	}
	if s, err := url.PathUnescape(addr); err == nil {
		addr = s
	}
	for a := range strings.SplitSeq(addr, ",") {
		if !validEmail(strings.TrimSpace(a)) {
			return fmt.Sprintf("%q is not an e-mail address", strings.TrimSpace(a))
		}
	}
	return ""
}

func validEmail(a string) bool {
	local, domain, ok := strings.Cut(a, "@")
	if !ok || local == "" || strings.ContainsAny(a, " \t<>()[]\\,;:\"") || strings.Contains(domain, "@") {
		return false
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false
		}
	}
	return len(labels[len(labels)-1]) >= 2
}

// badTel says what is wrong with a tel: number (RFC 3966: digits, a
// leading "+" and the separators - . ( )), or "".
func badTel(dest string) string {
	num := dest[len("tel:"):]
	num, _, _ = strings.Cut(num, ";")
	if s, err := url.PathUnescape(num); err == nil {
		num = s
	}
	digits := 0
	for i, r := range num {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, r == '-', r == '.', r == '(', r == ')':
		case r == ' ':
			return "a phone number in a tel: link cannot hold spaces"
		default:
			return fmt.Sprintf("a phone number cannot hold %q", r)
		}
	}
	if digits < 3 {
		return "tel: link without a phone number"
	}
	return ""
}

// idsFunc adds the ids of the rendered page at a site path to m.
type idsFunc func(sitePath string, m map[string]bool)

// fromHTML reads ids from the pages html returns.
func fromHTML(html HTMLFunc) idsFunc {
	if html == nil {
		return nil
	}
	return func(u string, m map[string]bool) { htmlIDs(html(u), m) }
}

// resolveAnchors checks the links to #anchors of every result against the
// ids of the pages they name: the ids the build gives their headings, and
// every id of their HTML when rendered has it (the layouts' own, such as
// #main). Both are looked up only for pages that anchors name, the HTML
// only when the headings do not settle it.
func (c *Checker) resolveAnchors(results []*pageResult, rendered idsFunc) {
	htmlIDs := map[string]map[string]bool{}
	headIDs := map[string]map[string]bool{}
	heads := func(u string) map[string]bool {
		if m, ok := headIDs[u]; ok {
			return m
		}
		m := map[string]bool{}
		if p := c.site.PageByURL(u); p != nil && p.File != "" {
			for _, id := range c.headingIDs(p) {
				m[id] = true
			}
		}
		headIDs[u] = m
		return m
	}
	for _, r := range results {
		if r == nil {
			continue
		}
		for _, a := range r.anchors {
			h := heads(a.target)
			if h[a.frag] {
				continue
			}
			if rendered != nil {
				m, ok := htmlIDs[a.target]
				if !ok {
					m = map[string]bool{}
					rendered(a.target, m)
					htmlIDs[a.target] = m
				}
				if m[a.frag] {
					continue
				}
			}
			pc := &pageCheck{c: c, p: r.page, res: r, off: offOf(r)}
			hint := "link to a heading of the page by its id; a heading's id is its text in lower case with - for spaces"
			if s := diag.Suggest(a.frag, slices.Sorted(maps.Keys(h))); s != "" {
				hint = fmt.Sprintf("did you mean #%s?", s)
			} else if known := sortedIDs(h); len(known) > 0 {
				hint = "link to one of its headings: " + strings.Join(known, ", ")
			}
			where := "the page"
			if a.target != r.page.URL {
				where = a.target
			}
			pc.add("anchor", diag.LevelError, a.line, a.col, fmt.Sprintf("%s has no part #%s: %s", where, a.frag, a.dest), hint)
		}
	}
}

// offOf rebuilds the switched-off rules of a result, to add findings to
// it after its check.
func offOf(r *pageResult) map[string]*Off {
	m := map[string]*Off{}
	for i := range r.report.Off {
		m[r.report.Off[i].Rule] = &r.report.Off[i]
	}
	return m
}

// htmlIDs adds the values of the id attributes in b to m.
func htmlIDs(b []byte, m map[string]bool) {
	for {
		i := bytes.Index(b, []byte(" id="))
		if i < 0 {
			return
		}
		b = b[i+4:]
		if len(b) == 0 {
			return
		}
		var id []byte
		if q := b[0]; q == '"' || q == '\'' {
			end := bytes.IndexByte(b[1:], q)
			if end < 0 {
				return
			}
			id, b = b[1:1+end], b[2+end:]
		} else {
			end := bytes.IndexAny(b, " >\t\n")
			if end < 0 {
				end = len(b)
			}
			id, b = b[:end], b[end:]
		}
		m[string(id)] = true
	}
}

// sortedIDs returns the ids of m in order, at most eight of them.
func sortedIDs(m map[string]bool) []string {
	ids := slices.Sorted(maps.Keys(m))
	if len(ids) > 8 {
		ids = append(ids[:8], "...")
	}
	for i, id := range ids {
		if id != "..." {
			ids[i] = "#" + id
		}
	}
	return ids
}

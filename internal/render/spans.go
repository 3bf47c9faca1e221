package render

import (
	"bytes"
	"cmp"
	"slices"
)

// The spans: the parts of a page a minifier need not read. A page's
// Markdown body is most of its bytes, and goldmark's HTML has nothing in
// it to take out but a newline a block. A long list is most of a list
// page's bytes, thousands of entries that each list showing a page
// minified again: an entry minified once, as it is made, and lists of
// such entries, are left as they are too. A title edit renders the lists
// that show the page, a few MB at 10 000 pages, and their minifying was
// the larger part of its work.

// MinifyEntries has the renderer minify each list entry once, as it is
// made, with min (false: it could not), and join the entries of a list
// that are one li element each without the newline between them, as a
// minifier would. The page's minified HTML is then the same bytes whether
// its minifier reads such a list or copies it. Call it before the first
// page renders; the build does it when it minifies.
func (r *Renderer) MinifyEntries(min func([]byte) ([]byte, bool)) { r.minEntry = min }

// minifyEntry is entry e as the renderer keeps it, and whether it is a
// minified li element. An entry that is not one li element (a layout's
// own entry template) is kept as it was made: between inline elements a
// minifier keeps one space of the whitespace around an entry, and which
// one it keeps depends on the entries beside it, so only the whole list
// minified with its page gives the page's bytes.
func (r *Renderer) minifyEntry(e []byte) ([]byte, bool) {
	if r.minEntry == nil {
		return e, false
	}
	if m, ok := r.minEntry(e); ok && oneLi(m) {
		return m, true
	}
	return e, false
}

// oneLi reports whether e is one li element: it starts with the li's
// start tag and ends with its end tag, and holds no other li of its own
// level.
func oneLi(e []byte) bool {
	if !bytes.HasPrefix(e, []byte("<li")) || !bytes.HasSuffix(e, []byte("</li>")) {
		return false
	}
	if c := e[3]; c != '>' && c != ' ' {
		return false // <link>, say
	}
	// Nested lists end with </li> too: count the li elements' depth.
	depth := 0
	for i := 0; i < len(e); {
		j := bytes.IndexByte(e[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := e[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<li>")) || bytes.HasPrefix(rest, []byte("<li ")):
			depth++
		case bytes.HasPrefix(rest, []byte("</li>")):
			depth--
			if depth == 0 && i+len("</li>") != len(e) {
				return false // two li elements
			}
		}
		i++
	}
	return depth == 0
}

// forgetLists empties w.lists and lets its lists go: a worker that made a
// long list page would otherwise keep its MBs until its next list.
func (w *worker) forgetLists() {
	clear(w.lists)
	w.lists = w.lists[:0]
}

// spans finds the spans of page b: its Markdown body's HTML and the lists
// of minified entries items made for it. Each is looked for where it
// first is; one shorter than minSpan is not worth the search.
func (w *worker) spans(b, body []byte) []Span {
	var out []Span
	find := func(part []byte) {
		if len(part) < minSpan {
			return
		}
		if i := bytes.Index(b, part); i >= 0 {
			out = append(out, Span{i, i + len(part)})
		}
	}
	find(body)
	for _, l := range w.lists {
		find(l)
	}
	w.forgetLists()
	slices.SortFunc(out, func(x, y Span) int { return cmp.Compare(x.Start, y.Start) })
	// The same list twice is found at one place: keep the spans apart.
	kept := out[:0]
	for _, s := range out {
		if len(kept) == 0 || s.Start >= kept[len(kept)-1].End {
			kept = append(kept, s)
		}
	}
	return kept
}

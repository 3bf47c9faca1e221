package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/readability"
)

// Rules long-word, jargon, glossary and abbreviation: the words of every
// block of prose (running text, headings, table cells, front-matter text).
// Each reports a word or phrase once per page, at its first use, with the
// number of uses.

// use is where a word or phrase is used on the page.
type use struct {
	off     int // buffer offset of its first word
	end     int
	kind    blockKind
	inLink  bool
	auto    bool // the build links it: its exact form is in the body's running text
	count   int
	letters int
	display string
}

func (pc *pageCheck) words() {
	c, w := pc.c, pc.w
	buf := w.text.buf
	longOn, jargonOn, glossOn, abbrOn := pc.on("long-word"), pc.on("jargon"), pc.on("glossary"), pc.on("abbreviation")
	long := map[string]*use{}
	var longOrder []string
	jargon := map[int]*use{}
	var jargonOrder []int
	terms := map[int]*use{}
	var termOrder []int
	abbr := map[string]*use{}
	var abbrOrder []string
	jm, tm, am := c.jargon[pc.lang], c.terms[pc.lang], c.allowLong[pc.lang]
	for _, bw := range w.words {
		words := bw.t.Words[bw.first : bw.first+bw.n]
		kind := w.text.blocks[bw.block].kind
		// Glossary terms first: a jargon word the glossary explains is the
		// glossary rule's business.
		var termSpans [][2]int
		if glossOn || jargonOn {
			tm.find(words, buf, &w.scratch, func(m match) {
				start, end := words[m.first].Start, words[m.last].End
				termSpans = append(termSpans, [2]int{start, end})
				if b := w.text.blocks[bw.block]; b.kind != running || b.src != 0 || isName(buf, start, end, b.start) {
					// Only the body's running text can explain a term with a
					// link; "Jobcenter Fjordby" is a name, not the word.
					return
				}
				u := terms[m.p.id]
				if u == nil {
					u = &use{off: start, end: end, kind: kind, display: string(buf[start:end])}
					terms[m.p.id] = u
					termOrder = append(termOrder, m.p.id)
				} else if u.kind == heading && kind != heading {
					// The first use in text is the one to explain.
					u.off, u.end, u.kind, u.display = start, end, kind, string(buf[start:end])
				}
				u.count++
				if w.text.inLink(start) != nil {
					u.inLink = true
				} else if c.autoLink && c.termForms[m.p.id][normForm(string(buf[start:end]))] {
					// The build links the first use written as the glossary
					// writes it ("partshøring", not "partshøringen").
					u.auto = true
				}
			})
		}
		if jargonOn {
			jm.find(words, buf, &w.scratch, func(m match) {
				start, end := words[m.first].Start, words[m.last].End
				for _, s := range termSpans {
					if start < s[1] && s[0] < end {
						return
					}
				}
				u := jargon[m.p.id]
				if u == nil {
					u = &use{off: start, end: end, kind: kind, display: string(buf[start:end])}
					jargon[m.p.id] = u
					jargonOrder = append(jargonOrder, m.p.id)
				}
				u.count++
			})
		}
		for _, wd := range words {
			word := buf[wd.Start:wd.End]
			if longOn && wd.Letters > c.wordLetters {
				if n := longestPart(word); n > c.wordLetters && !isAddress(word) && !allowed(am, word, &w.scratch) && !inSpans(termSpans, wd.Start) {
					key := strings.ToLower(string(word))
					u := long[key]
					if u == nil {
						u = &use{off: wd.Start, display: string(word), letters: n}
						long[key] = u
						longOrder = append(longOrder, key)
					}
					u.count++
				}
			}
			if abbrOn && isAbbreviation(word) {
				key := string(word)
				u := abbr[key]
				if u != nil && !u.auto && c.autoLinksAbbr(key, pc, w.text.blocks[bw.block], wd.Start) {
					u.auto = true
				}
				if u == nil || (u.kind == heading && kind != heading) {
					if u == nil {
						u = &use{}
						abbr[key] = u
						abbrOrder = append(abbrOrder, key)
					}
					u.off, u.end, u.kind, u.display = wd.Start, wd.End, kind, key
					u.inLink = w.text.inLink(wd.Start) != nil || expanded(buf, wd)
					u.auto = u.auto || c.autoLinksAbbr(key, pc, w.text.blocks[bw.block], wd.Start)
				}
				u.count++
			}
		}
	}
	for _, key := range longOrder {
		u := long[key]
		line, col := pc.posOf(u.off)
		pc.add("long-word", diag.LevelWarning, line, col,
			fmt.Sprintf("%q has %d letters; the limit is %d%s", u.display, u.letters, c.wordLetters, times(u.count)),
			"say it with shorter words, or split the compound with a hyphen; if it is a name, add it to allow in [check.long-word] in config.toml")
	}
	for _, id := range jargonOrder {
		u := jargon[id]
		line, col := pc.posOf(u.off)
		hint := "say it in everyday words"
		if alt := c.jargonAlt[id]; alt != "" {
			hint = fmt.Sprintf("write %s instead", quoteAlternatives(alt))
		}
		switch {
		case c.glossDir != "" && c.autoLink:
			hint += fmt.Sprintf(", or explain it in the glossary (%s), which links it", c.glossDir)
		case c.glossDir != "":
			hint += fmt.Sprintf(", or explain it in the glossary (%s) and link it", c.glossDir)
		}
		pc.add("jargon", diag.LevelWarning, line, col, fmt.Sprintf("%q is officialese%s", u.display, times(u.count)), hint)
	}
	for _, id := range termOrder {
		u, t := terms[id], c.termPages[id]
		if !glossOn || u.inLink || u.auto || c.explains(id, pc.p.URL, pc.targets()) {
			continue
		}
		line, col := pc.posOf(u.off)
		hint := fmt.Sprintf("link its first use to the glossary: [%s](%s)", u.display, t.URL)
		if c.autoLink {
			// The build links only the forms the entry lists.
			hint += fmt.Sprintf(`, or add "%s" to aliases in %s, and torv links it`, strings.ToLower(u.display), t.File)
		}
		pc.add("glossary", diag.LevelWarning, line, col,
			fmt.Sprintf("%q is in the glossary, but the page does not explain it%s", u.display, times(u.count)), hint)
	}
	for _, key := range abbrOrder {
		u := abbr[key]
		if u.inLink || u.auto || c.known[key] {
			continue
		}
		var term *content.Page
		if id, ok := c.termAbbr[key]; ok && c.termPages[id].Lang == pc.lang {
			term = c.termPages[id]
			if term == pc.p || pc.targets()[term.URL] {
				continue
			}
		}
		line, col := pc.posOf(u.off)
		hint := fmt.Sprintf("write what it stands for the first time, with %s in brackets after it", key)
		if term != nil {
			if d, _ := term.Data.(*content.Term); d != nil && d.Abbr != "" {
				hint = fmt.Sprintf("write %q the first time, or link it to the glossary: [%s](%s)", key+" ("+d.Abbr+")", key, term.URL)
			} else {
				hint = fmt.Sprintf("link it to the glossary the first time: [%s](%s)", key, term.URL)
			}
		}
		pc.add("abbreviation", diag.LevelWarning, line, col,
			fmt.Sprintf("abbreviation %s is not written out at its first use%s", key, times(u.count)), hint)
	}
}

// autoLinksAbbr reports whether the build links abbreviation key, used in
// block b at buffer offset off, to its glossary entry (with its expansion
// in an <abbr>): it is a glossary term of the page's language, and the use
// is in the body's running text and in no link.
func (c *Checker) autoLinksAbbr(key string, pc *pageCheck, b block, off int) bool {
	if !c.autoLink || b.kind != running || b.src != 0 || pc.w.text.inLink(off) != nil {
		return false
	}
	id, ok := c.termAbbr[key]
	return ok && c.termPages[id].Lang == pc.lang && c.termPages[id] != pc.p
}

// explains reports whether the page at url, which links to targets,
// explains glossary term id: it is about the term, or links to a page
// that is.
func (c *Checker) explains(id int, url string, targets map[string]bool) bool {
	about := c.termAbout[id]
	if about[url] {
		return true
	}
	for t := range targets {
		if about[t] {
			return true
		}
	}
	return false
}

func inSpans(spans [][2]int, off int) bool {
	for _, s := range spans {
		if off >= s[0] && off < s[1] {
			return true
		}
	}
	return false
}

// isName reports whether the words at buf[off:end] are part of a name:
// capitalised, and either inside a sentence ("kontakt Digital Post") or
// followed by another capitalised word ("Jobcenter Fjordby søger ...").
// The block starts at blockStart.
func isName(buf []byte, off, end, blockStart int) bool {
	r, _ := utf8.DecodeRune(buf[off:])
	if !unicode.IsUpper(r) {
		return false
	}
	next := end
	for next < len(buf) && buf[next] == ' ' {
		next++
	}
	if next > end && next < len(buf) {
		if r, _ := utf8.DecodeRune(buf[next:]); unicode.IsUpper(r) {
			return true
		}
	}
	for i := off - 1; i >= blockStart; i-- {
		switch c := buf[i]; {
		case c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '(' || c == '*' || c == '_':
			continue
		case c == '.' || c == '!' || c == '?' || c == ':':
			return false
		default:
			return true
		}
	}
	return false
}

func times(n int) string {
	if n <= 1 {
		return ""
	}
	return fmt.Sprintf(" (used %d times)", n)
}

// quoteAlternatives turns "efter, ifølge" into `"efter" or "ifølge"`.
func quoteAlternatives(alt string) string {
	var q []string
	for a := range strings.SplitSeq(alt, ",") {
		if a = strings.TrimSpace(a); a != "" {
			q = append(q, fmt.Sprintf("%q", a))
		}
	}
	return strings.Join(q, " or ")
}

// longestPart returns the letters of the longest part of a word between
// hyphens: "beskæftigelses-indsats" is easier to read than the word
// without the hyphen, so a hyphen is one fix for a long word.
func longestPart(w []byte) int {
	best, n := 0, 0
	for _, r := range string(w) {
		switch {
		case r == '-' || r == '\u2011':
			n = 0
		case unicode.IsLetter(r):
			n++
			best = max(best, n)
		}
	}
	return best
}

// isAddress reports whether a word is a domain or file name
// ("borger.fjordby.dk"): not a word to shorten.
func isAddress(w []byte) bool { return strings.ContainsAny(string(w), ".@/") }

func allowed(m *matcher, w []byte, scratch *[]byte) bool {
	found := false
	m.find([]readability.Word{{Start: 0, End: len(w)}}, w, scratch, func(match) { found = true })
	return found
}

// isAbbreviation reports whether a word is two to eight capital letters.
func isAbbreviation(w []byte) bool {
	// Most words start with a small letter: no decoding for them.
	if len(w) < 2 || w[0] < utf8.RuneSelf && (w[0] < 'A' || w[0] > 'Z') || w[1] < utf8.RuneSelf && (w[1] < 'A' || w[1] > 'Z') {
		return false
	}
	n := 0
	for len(w) > 0 {
		r, size := utf8.DecodeRune(w)
		if !unicode.IsUpper(r) {
			return false
		}
		n++
		w = w[size:]
	}
	return n >= 2 && n <= 8
}

// expanded reports whether an abbreviation's expansion stands beside it:
// "CPR (Det Centrale Personregister)" or "Det Centrale Personregister
// (CPR)".
func expanded(buf []byte, w readability.Word) bool {
	after := strings.TrimLeft(string(buf[w.End:min(len(buf), w.End+4)]), " ")
	if strings.HasPrefix(after, "(") {
		return true
	}
	return w.Start > 0 && buf[w.Start-1] == '(' && w.End < len(buf) && buf[w.End] == ')'
}

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
	count   int
	letters int
	display string
}

// uses are the words and phrases of one page the rules report, each with
// the order of its first use.
type uses struct {
	long        map[string]*use
	longOrder   []string
	jargon      map[int]*use
	jargonOrder []int
	terms       map[int]*use
	termOrder   []int
	abbr        map[string]*use
	abbrOrder   []string
}

func (pc *pageCheck) words() {
	w := pc.w
	jargonOn, glossOn := pc.on("jargon"), pc.on("glossary")
	u := &uses{long: map[string]*use{}, jargon: map[int]*use{}, terms: map[int]*use{}, abbr: map[string]*use{}}
	for _, bw := range w.words {
		b := w.text.blocks[bw.block]
		// Glossary terms first: a jargon word the glossary explains is the
		// glossary rule's business.
		var termSpans [][2]int
		if glossOn || jargonOn {
			termSpans = pc.termUses(b, u)
		}
		if jargonOn {
			pc.jargonUses(b, termSpans, u)
		}
		pc.wordUses(bw.t.Words[bw.first:bw.first+bw.n], b.kind, termSpans, u)
	}
	linked := pc.linkedTerms()
	pc.reportLong(u)
	pc.reportJargon(u)
	if glossOn {
		pc.reportTerms(u, linked)
	}
	pc.reportAbbr(u, linked)
}

// termUses records the uses of glossary terms in block b and returns
// where they are.
func (pc *pageCheck) termUses(b block, u *uses) (spans [][2]int) {
	w, buf := pc.w, pc.w.text.buf
	pc.c.terms[pc.lang].find(buf, b.start, b.end, func(m match) {
		if w.text.inForeign(m.start) {
			return // words marked as another language's are not this glossary's
		}
		spans = append(spans, [2]int{m.start, m.end})
		if b.kind != running || b.src != 0 || isName(buf, m.start, m.end, b.start) {
			// Only the body's running text can explain a term with a
			// link; "Jobcenter Fjordby" is a name, not the word.
			return
		}
		x := u.terms[m.id]
		if x == nil {
			x = &use{off: m.start, end: m.end, kind: b.kind, display: string(buf[m.start:m.end])}
			u.terms[m.id] = x
			u.termOrder = append(u.termOrder, m.id)
		}
		x.count++
		x.inLink = x.inLink || w.text.inLink(m.start) != nil
	})
	return spans
}

// jargonUses records the uses of jargon in block b, but for those inside
// a glossary term's.
func (pc *pageCheck) jargonUses(b block, termSpans [][2]int, u *uses) {
	buf := pc.w.text.buf
	pc.c.jargon[pc.lang].find(buf, b.start, b.end, func(m match) {
		for _, s := range termSpans {
			if m.start < s[1] && s[0] < m.end {
				return
			}
		}
		x := u.jargon[m.id]
		if x == nil {
			x = &use{off: m.start, end: m.end, kind: b.kind, display: string(buf[m.start:m.end])}
			u.jargon[m.id] = x
			u.jargonOrder = append(u.jargonOrder, m.id)
		}
		x.count++
	})
}

// wordUses records the long words and the abbreviations of a block's
// words.
func (pc *pageCheck) wordUses(words []readability.Word, kind blockKind, termSpans [][2]int, u *uses) {
	c, buf := pc.c, pc.w.text.buf
	longOn, abbrOn := pc.on("long-word"), pc.on("abbreviation")
	for _, wd := range words {
		word := buf[wd.Start:wd.End]
		if longOn && wd.Letters > c.wordLetters {
			if n := longestPart(word); n > c.wordLetters && !isAddress(word) && !c.allowLong[pc.lang].has(word) && !inSpans(termSpans, wd.Start) {
				key := strings.ToLower(string(word))
				x := u.long[key]
				if x == nil {
					x = &use{off: wd.Start, display: string(word), letters: n}
					u.long[key] = x
					u.longOrder = append(u.longOrder, key)
				}
				x.count++
			}
		}
		if abbrOn && isAbbreviation(word) {
			key := string(word)
			x := u.abbr[key]
			if x == nil || (x.kind == heading && kind != heading) {
				// The first use, or the first in text after a heading's.
				if x == nil {
					x = &use{}
					u.abbr[key] = x
					u.abbrOrder = append(u.abbrOrder, key)
				}
				x.off, x.end, x.kind, x.display = wd.Start, wd.End, kind, key
				x.inLink = pc.w.text.inLink(wd.Start) != nil || expanded(buf, wd)
			}
			x.count++
		}
	}
}

func (pc *pageCheck) reportLong(u *uses) {
	c := pc.c
	for _, key := range u.longOrder {
		x := u.long[key]
		line, col := pc.posOf(x.off)
		pc.add("long-word", diag.LevelWarning, line, col,
			fmt.Sprintf("%q has %d letters; the limit is %d%s", x.display, x.letters, c.wordLetters, times(x.count)),
			"say it with shorter words, or split the compound with a hyphen; if it is a name, add it to allow in [check.long-word] in config.toml")
	}
}

func (pc *pageCheck) reportJargon(u *uses) {
	c := pc.c
	for _, id := range u.jargonOrder {
		x := u.jargon[id]
		line, col := pc.posOf(x.off)
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
		pc.add("jargon", diag.LevelWarning, line, col, fmt.Sprintf("%q is officialese%s", x.display, times(x.count)), hint)
	}
}

// reportTerms reports the glossary terms the page uses but neither links
// nor has linked by the build (linked).
func (pc *pageCheck) reportTerms(u *uses, linked map[int]bool) {
	c := pc.c
	for _, id := range u.termOrder {
		x, t := u.terms[id], c.termPages[id]
		if x.inLink || linked[id] || c.explains(id, pc.p.URL, pc.targets()) {
			continue
		}
		line, col := pc.posOf(x.off)
		hint := fmt.Sprintf("link its first use to the glossary: [%s](%s)", x.display, t.URL)
		if c.autoLink {
			// The build links only the forms the entry lists.
			hint += fmt.Sprintf(`, or add "%s" to aliases in %s, and torv links it`, strings.ToLower(x.display), t.File)
		}
		pc.add("glossary", diag.LevelWarning, line, col,
			fmt.Sprintf("%q is in the glossary, but the page does not explain it%s", x.display, times(x.count)), hint)
	}
}

// reportAbbr reports the abbreviations neither written out, nor linked by
// the editor or by the build (linked), nor known to every reader.
func (pc *pageCheck) reportAbbr(u *uses, linked map[int]bool) {
	c := pc.c
	for _, key := range u.abbrOrder {
		x := u.abbr[key]
		if x.inLink || c.known[key] {
			continue
		}
		var term *content.Page
		if id, ok := c.termAbbr[key]; ok && c.termPages[id].Lang == pc.lang {
			term = c.termPages[id]
			if term == pc.p || pc.targets()[term.URL] || linked[id] {
				continue
			}
		}
		line, col := pc.posOf(x.off)
		hint := fmt.Sprintf("write what it stands for the first time, with %s in brackets after it", key)
		if term != nil {
			if d, _ := term.Data.(*content.Term); d != nil && d.Abbr != "" {
				hint = fmt.Sprintf("write %q the first time, or link it to the glossary: [%s](%s)", key+" ("+d.Abbr+")", key, term.URL)
			} else {
				hint = fmt.Sprintf("link it to the glossary the first time: [%s](%s)", key, term.URL)
			}
		}
		pc.add("abbreviation", diag.LevelWarning, line, col,
			fmt.Sprintf("abbreviation %s is not written out at its first use%s", key, times(x.count)), hint)
	}
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

// has reports whether a phrase of m is in w, one word.
func (m *matcher) has(w []byte) bool {
	found := false
	m.find(w, 0, len(w), func(match) { found = true })
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

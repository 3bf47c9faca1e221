package decode

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// This file reads the TOML a front matter nearly always is, a few lines of
// key = value, without BurntSushi/toml, which took 0.32 s of CPU at
// 10 000 pages of the benchmark corpus (-cpuprofile). BenchmarkFrontMatter,
// on a corpus front matter: BurntSushi 12.4 µs and 69 allocations, this
// 1.2 µs and 9. It accepts a strict subset of TOML:
//
//   - blank lines and comment lines;
//   - lines of a bare key starting with a letter or _, =, and a value,
//     then perhaps a comment;
//   - values: a "basic string" whose escapes are \" \\ \n \t, a 'literal
//     string', a decimal integer without _ or leading zeros, true, false,
//     a date (2024-05-01), a date and time with Z or an offset, and an
//     array of those on one line.
//
// For anything else (a table, a float, a dotted or quoted key, a string
// over several lines, a key given twice, a control character, a carriage
// return, bytes that are not UTF-8) it gives up, and BurntSushi/toml reads
// the text as before, its error messages included. What it accepts it
// reads into the values BurntSushi/toml gives: TestFastSameAsBurntSushi and
// FuzzFastSameAsBurntSushi compare the two.

// localDate is the time zone BurntSushi/toml gives a date without a time
// (its internal LocalDate, which it does not export), taken from a date
// it read.
var localDate = func() *time.Location {
	var m map[string]any
	if _, err := toml.Decode("d = 2000-01-01", &m); err == nil {
		if t, ok := m["d"].(time.Time); ok {
			return t.Location()
		}
	}
	return nil
}()

// fastDecode reads text into a table as toml.Decode does, or returns
// false when text is not of the subset this file reads.
func fastDecode(text string) (map[string]any, bool) {
	if localDate == nil || strings.IndexByte(text, '\r') >= 0 {
		return nil, false
	}
	m := make(map[string]any)
	for line := range strings.SplitSeq(text, "\n") {
		p := fastLine{s: line}
		p.space()
		if p.done() {
			continue
		}
		key, ok := p.key()
		if !ok {
			return nil, false
		}
		if _, dup := m[key]; dup {
			return nil, false
		}
		p.space()
		if !p.take('=') {
			return nil, false
		}
		p.space()
		v, ok := p.value(true)
		if !ok {
			return nil, false
		}
		p.space()
		if !p.done() {
			return nil, false
		}
		m[key] = v
	}
	return m, true
}

// fastLine is one line being read.
type fastLine struct {
	s string
	i int
}

func (p *fastLine) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *fastLine) take(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// done reports whether the line has nothing left but a comment, and a
// comment of text TOML allows.
func (p *fastLine) done() bool {
	if p.i == len(p.s) {
		return true
	}
	return p.s[p.i] == '#' && plainText(p.s[p.i+1:])
}

// plainText reports whether s is UTF-8 without control characters other
// than tab, as comments and strings must be.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return utf8.ValidString(s)
}

func (p *fastLine) key() (string, bool) {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || p.i > start && (c == '-' || '0' <= c && c <= '9') {
			p.i++
			continue
		}
		break
	}
	return p.s[start:p.i], p.i > start
}

// value reads one value; an array only when outer (no arrays in arrays).
func (p *fastLine) value(outer bool) (any, bool) {
	if p.i == len(p.s) {
		return nil, false
	}
	switch c := p.s[p.i]; {
	case c == '"':
		return p.basic()
	case c == '\'':
		return p.literal()
	case c == '[' && outer:
		return p.array()
	case c == 't' || c == 'f':
		for _, w := range [...]string{"true", "false"} {
			if strings.HasPrefix(p.s[p.i:], w) && p.ends(p.i+len(w)) {
				p.i += len(w)
				return w == "true", true
			}
		}
		return nil, false
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	}
	return nil, false
}

// ends reports whether a bare value ending before i is followed by what
// may follow one.
func (p *fastLine) ends(i int) bool {
	return i == len(p.s) || strings.IndexByte(" \t,]#", p.s[i]) >= 0
}

func (p *fastLine) basic() (any, bool) {
	if strings.HasPrefix(p.s[p.i:], `"""`) {
		return nil, false
	}
	var b strings.Builder
	from := p.i + 1
	for i := from; i < len(p.s); i++ {
		switch p.s[i] {
		case '"':
			part := p.s[from:i]
			if !plainText(part) {
				return nil, false
			}
			p.i = i + 1
			if b.Len() == 0 {
				return part, true
			}
			b.WriteString(part)
			return b.String(), true
		case '\\':
			if i+1 == len(p.s) {
				return nil, false
			}
			var r byte
			switch p.s[i+1] {
			case '"', '\\':
				r = p.s[i+1]
			case 'n':
				r = '\n'
			case 't':
				r = '\t'
			default:
				return nil, false
			}
			if !plainText(p.s[from:i]) {
				return nil, false
			}
			b.WriteString(p.s[from:i])
			b.WriteByte(r)
			i++
			from = i + 1
		}
	}
	return nil, false
}

func (p *fastLine) literal() (any, bool) {
	if strings.HasPrefix(p.s[p.i:], "'''") {
		return nil, false
	}
	end := strings.IndexByte(p.s[p.i+1:], '\'')
	if end < 0 {
		return nil, false
	}
	s := p.s[p.i+1 : p.i+1+end]
	if !plainText(s) {
		return nil, false
	}
	p.i += end + 2
	return s, true
}

func (p *fastLine) array() (any, bool) {
	p.i++ // [
	a := make([]any, 0, 2)
	for {
		p.space()
		if p.take(']') {
			return a, true
		}
		v, ok := p.value(false)
		if !ok {
			return nil, false
		}
		a = append(a, v)
		p.space()
		if p.take(']') {
			return a, true
		}
		if !p.take(',') {
			return nil, false
		}
	}
}

// number reads an integer, a date or a date and time.
func (p *fastLine) number() (any, bool) {
	end := p.i
	for end < len(p.s) && !p.ends(end) {
		end++
	}
	s := p.s[p.i:end]
	if v, ok := fastDate(s); ok {
		p.i = end
		return v, true
	}
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || len(digits) > 1 && digits[0] == '0' || !allDigits(digits) {
		return nil, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil, false
	}
	p.i = end
	return n, true
}

// fastDate reads 2024-05-01 as a date, and 2024-05-01T12:00:00 with Z or
// an offset, perhaps with fractions of a second, as a date and time: in
// each case what BurntSushi/toml gives, which parses the same formats in
// the same time zones.
func fastDate(s string) (time.Time, bool) {
	if len(s) < 10 || !allDigits(s[0:4]) || s[4] != '-' || !allDigits(s[5:7]) || s[7] != '-' || !allDigits(s[8:10]) {
		return time.Time{}, false
	}
	if len(s) == 10 {
		t, err := time.ParseInLocation("2006-01-02", s, localDate)
		return t, err == nil
	}
	rest := s[10:]
	if len(rest) < 10 || rest[0] != 'T' || !allDigits(rest[1:3]) || rest[3] != ':' || !allDigits(rest[4:6]) ||
		rest[6] != ':' || !allDigits(rest[7:9]) {
		return time.Time{}, false
	}
	rest = rest[9:]
	if rest[0] == '.' {
		n := 1
		for n < len(rest) && '0' <= rest[n] && rest[n] <= '9' {
			n++
		}
		if n == 1 {
			return time.Time{}, false
		}
		rest = rest[n:]
	}
	switch {
	case rest == "Z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && allDigits(rest[1:3]) && rest[3] == ':' && allDigits(rest[4:6]):
	default:
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(time.RFC3339Nano, s, time.Local)
	return t, err == nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

package decode

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of arrays and inline tables accepted.
// BurntSushi/toml recurses per level and can exhaust the stack, which no
// recover catches; real front matter needs two or three levels.
const MaxDepth = 32

// Pos is where a key and its value start in the source, 1-based, columns
// in characters.
type Pos struct {
	Line, KeyCol, ValCol int
}

// keyIndex maps key paths ("address.street", "charts.1.bars.0.label") to
// positions. Array-of-tables elements are numbered from 0 in order.
type keyIndex map[string]Pos

// scanKeys records the position of every key defined at the start of a line
// and of every table header. It understands comments, quoted keys, dotted
// keys, [[array]] headers and strings spanning lines; keys inside inline
// tables and multi-line arrays are left to their parent's position. It
// reports a line and column when nesting exceeds MaxDepth.
func scanKeys(src string) (idx keyIndex, deepLine, deepCol int) {
	s := keyScanner{idx: keyIndex{}, counts: map[string]int{}}
	for ln, line := range strings.Split(src, "\n") {
		i, ok := s.lineStart(line, ln+1)
		if !ok {
			continue
		}
		if col := s.walkValue(line, i); col > 0 {
			return s.idx, ln + 1, col
		}
	}
	return s.idx, 0, 0
}

// keyScanner is scanKeys' state between lines: a value may span lines, in
// a multi-line string or an open array, and a key's path depends on the
// table headers above it.
type keyScanner struct {
	idx     keyIndex
	counts  map[string]int // array-of-tables path -> elements so far
	table   string         // current table path, with indices
	depth   int            // open [ and { of values spanning lines
	inMulti string         // the delimiter of a multi-line string we are inside
}

// lineStart reads what a line starts with: the end of a multi-line
// string, a table header or a key. It returns where the value (or the rest
// of a spanning value) starts, and false when there is none to walk.
func (s *keyScanner) lineStart(line string, lineNo int) (i int, ok bool) {
	if s.inMulti != "" {
		end := strings.Index(line, s.inMulti)
		if end < 0 {
			return 0, false
		}
		s.inMulti = ""
		return end + 3, true
	}
	if s.depth > 0 {
		return 0, true
	}
	i = skipSpace(line, 0)
	if i >= len(line) || line[i] == '#' {
		return 0, false
	}
	if line[i] == '[' {
		s.header(line, i, lineNo)
		return 0, false
	}
	return s.key(line, i, lineNo)
}

// header records a [table] or [[array]] header starting at i and makes it
// the table of the keys below it.
func (s *keyScanner) header(line string, i, lineNo int) {
	isArray := strings.HasPrefix(line[i:], "[[")
	start := i + 1
	if isArray {
		start++
	}
	parts, _ := parseKey(line, start)
	if parts == nil {
		return
	}
	path := resolve(s.counts, parts)
	if isArray {
		n := s.counts[path]
		s.counts[path] = n + 1
		path += "." + strconv.Itoa(n)
	}
	s.table = path
	col := utf8.RuneCountInString(line[:i]) + 1
	s.idx[path] = Pos{Line: lineNo, KeyCol: col, ValCol: col}
}

// key records the key = value starting at i, the first of a key defined
// twice, and returns where its value starts, or false when the line is no
// key = value.
func (s *keyScanner) key(line string, i, lineNo int) (int, bool) {
	parts, end := parseKey(line, i)
	if parts == nil {
		return 0, false
	}
	j := skipSpace(line, end)
	if j >= len(line) || line[j] != '=' {
		return 0, false
	}
	j = skipSpace(line, j+1)
	path := strings.Join(parts, ".")
	if s.table != "" {
		path = s.table + "." + path
	}
	if _, dup := s.idx[path]; !dup {
		s.idx[path] = Pos{Line: lineNo,
			KeyCol: utf8.RuneCountInString(line[:i]) + 1,
			ValCol: utf8.RuneCountInString(line[:j]) + 1}
	}
	return j, true
}

// walkValue walks a value from i to the end of the line for strings,
// brackets and comments, keeping count of what stays open for the next
// line. It returns the column of a bracket nested deeper than MaxDepth,
// or 0.
func (s *keyScanner) walkValue(line string, i int) (deepCol int) {
	for i < len(line) {
		c := line[i]
		switch {
		case c == '#':
			i = len(line)
		case c == '"' || c == '\'':
			if strings.HasPrefix(line[i:], strings.Repeat(string(c), 3)) {
				delim := line[i : i+3]
				end := strings.Index(line[i+3:], delim)
				if end < 0 {
					s.inMulti = delim
					return 0
				}
				i += 3 + end + 3
				continue
			}
			i = skipString(line, i)
		case c == '[' || c == '{':
			s.depth++
			if s.depth > MaxDepth {
				return utf8.RuneCountInString(line[:i]) + 1
			}
			i++
		case c == ']' || c == '}':
			if s.depth > 0 {
				s.depth--
			}
			i++
		default:
			i++
		}
	}
	return 0
}

// resolve turns header parts into a path, adding the current index of every
// array of tables on the way: [charts.bars] after two [[charts]] is
// "charts.1.bars".
func resolve(counts map[string]int, parts []string) string {
	path := ""
	for i, p := range parts {
		if i > 0 {
			path += "."
		}
		path += p
		if n, ok := counts[path]; ok && i < len(parts)-1 {
			path += "." + strconv.Itoa(n-1)
		}
	}
	return path
}

// parseKey reads a dotted key (bare or quoted parts) starting at i and
// returns its parts and the index after it, or nil if there is none.
func parseKey(line string, i int) (parts []string, end int) {
	for {
		i = skipSpace(line, i)
		if i >= len(line) {
			return nil, i
		}
		switch c := line[i]; {
		case c == '"' || c == '\'':
			j := skipString(line, i)
			raw := line[i:j]
			if c == '"' {
				if s, err := strconv.Unquote(raw); err == nil {
					raw = s
				} else {
					raw = strings.Trim(raw, `"`)
				}
			} else {
				raw = strings.Trim(raw, "'")
			}
			parts = append(parts, raw)
			i = j
		case isBare(c):
			j := i
			for j < len(line) && isBare(line[j]) {
				j++
			}
			parts = append(parts, line[i:j])
			i = j
		default:
			return nil, i
		}
		i = skipSpace(line, i)
		if i < len(line) && line[i] == '.' {
			i++
			continue
		}
		return parts, i
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the one-line string starting at i.
func skipString(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		if q == '"' && s[j] == '\\' {
			j++
			continue
		}
		if s[j] == q {
			return j + 1
		}
	}
	return len(s)
}

// lookup returns the position of path or of its nearest ancestor.
func (idx keyIndex) lookup(path string) (Pos, bool) {
	for {
		if p, ok := idx[path]; ok {
			return p, true
		}
		dot := strings.LastIndexByte(path, '.')
		if dot < 0 {
			return Pos{}, false
		}
		path = path[:dot]
	}
}

// Has reports whether src sets key path (a table, "security", or a key,
// "security.expires"), for a table whose presence means something even
// when it is empty.
func Has(src Source, path string) bool {
	idx, _, _ := scanKeys(src.Text)
	_, ok := idx.lookup(path)
	return ok
}

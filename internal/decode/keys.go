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
	idx = keyIndex{}
	counts := map[string]int{} // array-of-tables path -> elements so far
	table := ""                // current table path, with indices
	depth := 0                 // open [ and { of values spanning lines
	inMulti := ""              // the delimiter of a multi-line string we are inside
	lines := strings.Split(src, "\n")
	for ln, line := range lines {
		lineNo := ln + 1
		i := 0
		if inMulti != "" {
			end := strings.Index(line, inMulti)
			if end < 0 {
				continue
			}
			inMulti = ""
			i = end + 3
		} else if depth == 0 {
			i = skipSpace(line, 0)
			if i >= len(line) || line[i] == '#' {
				continue
			}
			if line[i] == '[' {
				isArray := strings.HasPrefix(line[i:], "[[")
				start := i + 1
				if isArray {
					start++
				}
				parts, end := parseKey(line, start)
				if parts == nil {
					continue
				}
				path := resolve(counts, parts)
				if isArray {
					n := counts[path]
					counts[path] = n + 1
					path += "." + strconv.Itoa(n)
				}
				table = path
				col := utf8.RuneCountInString(line[:i]) + 1
				idx[path] = Pos{Line: lineNo, KeyCol: col, ValCol: col}
				i = end
				continue
			}
			parts, end := parseKey(line, i)
			if parts == nil {
				continue
			}
			j := skipSpace(line, end)
			if j >= len(line) || line[j] != '=' {
				continue
			}
			j = skipSpace(line, j+1)
			path := strings.Join(parts, ".")
			if table != "" {
				path = table + "." + path
			}
			if _, dup := idx[path]; !dup {
				idx[path] = Pos{Line: lineNo,
					KeyCol: utf8.RuneCountInString(line[:i]) + 1,
					ValCol: utf8.RuneCountInString(line[:j]) + 1}
			}
			i = j
		}
		// Walk the value (or the rest of a spanning value) for strings,
		// brackets and comments.
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
						inMulti = delim
						i = len(line)
						continue
					}
					i += 3 + end + 3
					continue
				}
				i = skipString(line, i)
			case c == '[' || c == '{':
				depth++
				if depth > MaxDepth {
					return idx, lineNo, utf8.RuneCountInString(line[:i]) + 1
				}
				i++
			case c == ']' || c == '}':
				if depth > 0 {
					depth--
				}
				i++
			default:
				i++
			}
		}
	}
	return idx, 0, 0
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

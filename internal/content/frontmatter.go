package content

import (
	"bytes"

	"github.com/torv/torv/internal/diag"
)

// Limits that keep hostile or broken input from taking the build down.
const (
	MaxPageSize        = 4 << 20  // bytes of one Markdown file
	MaxFrontMatterSize = 64 << 10 // bytes of one page's front matter
	MaxMarkdownDepth   = 40       // levels of lists and quotes in a body
)

var fence = []byte("+++")

// splitFrontMatter separates TOML front matter from the body. The body it
// returns starts with one empty line for each line of the front matter
// (fences included), so line numbers in the body are those of the file, and
// so are columns below the front matter. fmLine is the file line on which
// the TOML starts. The body is src itself, its front matter written over
// with those newlines: a page read is one buffer, not two (src is the
// caller's no more).
func splitFrontMatter(file string, src []byte) (front string, fmLine int, body []byte, err *diag.Error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) // a BOM some Windows editors add
	first, _, _ := bytes.Cut(src, []byte("\n"))
	if !bytes.Equal(bytes.TrimRight(first, " \t\r"), fence) {
		hint := `start the file with a line "+++", then title = "..." and a closing "+++"`
		if bytes.Equal(bytes.TrimRight(first, " \t\r"), []byte("---")) {
			hint = `torv reads TOML front matter: use "+++" lines instead of "---" and write key = "value"`
		}
		return "", 0, nil, diag.Errorf(file, 1, 1, "the page has no front matter").WithHint("%s", hint)
	}
	// Find the closing fence: a line that is exactly +++.
	off := len(first) + 1
	for off <= len(src) {
		line, _, _ := bytes.Cut(src[off:], []byte("\n"))
		if bytes.Equal(bytes.TrimRight(line, " \t\r"), fence) {
			front = string(src[len(first)+1 : off])
			if len(front) > MaxFrontMatterSize {
				return "", 0, nil, diag.Errorf(file, 2, 1, "the front matter is larger than %d KiB", MaxFrontMatterSize>>10).
					WithHint("move long text into the page's body, below the closing +++")
			}
			end := min(off+len(line)+1, len(src))
			// One newline per front-matter line keeps the body's line
			// numbers those of the file.
			n := bytes.Count(src[:end], []byte("\n"))
			if end == len(src) && !bytes.HasSuffix(src, []byte("\n")) {
				n++
			}
			// n <= end: the fences alone are more bytes than newlines.
			body = src[end-n:]
			for i := range n {
				body[i] = '\n'
			}
			return front, 2, body, nil
		}
		if off+len(line) >= len(src) {
			break
		}
		off += len(line) + 1
	}
	return "", 0, nil, diag.Errorf(file, 1, 1, "the front matter is not closed").
		WithHint(`add a line "+++" after the last key`)
}

// checkNesting refuses Markdown nested so deeply that goldmark would take
// quadratic time on it (goldmark #592): more than MaxMarkdownDepth list
// or quote levels, counted from indentation and ">" markers.
func checkNesting(file string, body []byte) *diag.Error {
	line := 1
	for len(body) > 0 {
		l, rest, _ := bytes.Cut(body, []byte("\n"))
		depth, indent := 0, 0
		for _, c := range l {
			switch c {
			case ' ':
				indent++
			case '\t':
				indent += 4
			case '>':
				depth++
			case '-', '*', '+':
				depth++
			default:
				goto done
			}
		}
	done:
		blank := len(bytes.TrimSpace(l)) == 0
		if !blank && depth+indent/2 > MaxMarkdownDepth*2 {
			return diag.Errorf(file, line, 1, "the text is nested too deeply (lists or quotes inside each other)").
				WithHint("use at most %d levels of lists and quotes", MaxMarkdownDepth)
		}
		body = rest
		line++
	}
	return nil
}

package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Level says whether a finding stops the build.
type Level int

const (
	// LevelError stops the build.
	LevelError Level = iota
	// LevelWarning is reported; it stops the build only with -strict.
	LevelWarning
)

func (l Level) String() string {
	if l == LevelWarning {
		return "warning"
	}
	return "error"
}

// Error is one mistake at one place.
type Error struct {
	File  string // slash path relative to the site folder
	Line  int    // 1-based; 0 when the mistake is about the whole file
	Col   int    // 1-based, in characters; 0 when unknown
	Msg   string // what is wrong
	Hint  string // what to do, if it is not obvious from Msg
	Level Level
	Rule  string // the rule of torv check that found it ("lix"); "" for the build's own errors
	// Making names the page being made when a layout's mistake showed
	// ("content/om.md", "/404.html"): one mistake shows in every page made
	// with the layout, and Merged makes those one entry.
	Making string
}

// Errorf returns an error at file:line:col.
func Errorf(file string, line, col int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// WithHint sets the fix and returns e, so that constructors chain.
func (e *Error) WithHint(format string, args ...any) *Error {
	e.Hint = fmt.Sprintf(format, args...)
	return e
}

// Warning marks e as a warning and returns it.
func (e *Error) Warning() *Error {
	e.Level = LevelWarning
	return e
}

// Pos returns "file:line:col", leaving out what is unknown.
func (e *Error) Pos() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	return b.String()
}

func (e *Error) Error() string {
	var b strings.Builder
	if p := e.Pos(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	if e.Level == LevelWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(e.Msg)
	if e.Making != "" {
		b.WriteString(" (while making ")
		b.WriteString(e.Making)
		b.WriteString(")")
	}
	if e.Hint != "" {
		b.WriteString(" (")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	if e.Rule != "" {
		b.WriteString(" [")
		b.WriteString(e.Rule)
		b.WriteString("]")
	}
	return b.String()
}

// List is every mistake of one build.
type List []*Error

// Add appends the errors, skipping nils.
func (l *List) Add(errs ...*Error) {
	for _, e := range errs {
		if e != nil {
			*l = append(*l, e)
		}
	}
}

// Sort orders the list by file, line and column and removes exact repeats,
// so that output is stable whatever order parallel workers finished in.
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	*l = slices.CompactFunc(*l, func(a, b *Error) bool { return *a == *b })
}

// Merged returns l with each mistake once: the entries alike in all but
// Making become one, which names one of the pages (a file before an
// address, then the first by name) and how many others showed the
// mistake ("while making content/a.md and 105 other pages"); a layout's
// typo is one message, not one a page. The entries of l are not changed:
// a caller may keep them, as the preview keeps each page's until it is
// made again.
func (l List) Merged() List {
	type key struct {
		file, msg, hint, rule string
		line, col             int
		level                 Level
	}
	type group struct {
		e *Error // the one to name
		n int
	}
	groups := map[key]*group{}
	var order []*group
	out := make(List, 0, len(l))
	for _, e := range l {
		if e.Making == "" {
			out = append(out, e)
			continue
		}
		k := key{e.File, e.Msg, e.Hint, e.Rule, e.Line, e.Col, e.Level}
		g := groups[k]
		if g == nil {
			g = &group{e: e}
			groups[k], order = g, append(order, g)
		} else if namesFirst(e.Making, g.e.Making) {
			g.e = e
		}
		g.n++
	}
	for _, g := range order {
		m := *g.e
		switch g.n {
		case 1:
			m.Msg = fmt.Sprintf("%s (while making %s)", m.Msg, m.Making)
		case 2:
			m.Msg = fmt.Sprintf("%s (while making %s and 1 other page)", m.Msg, m.Making)
		default:
			m.Msg = fmt.Sprintf("%s (while making %s and %d other pages)", m.Msg, m.Making, g.n-1)
		}
		m.Making = ""
		out = append(out, &m)
	}
	return out
}

// namesFirst reports whether a page named a is the one to name rather
// than b: a file ("content/om.md"), which an editor opens, before an
// address ("/404.html"), then by name.
func namesFirst(a, b string) bool {
	if fa, fb := !strings.HasPrefix(a, "/"), !strings.HasPrefix(b, "/"); fa != fb {
		return fa
	}
	return a < b
}

// Errors returns the entries of level error.
func (l List) Errors() List { return l.filter(LevelError) }

// Warnings returns the entries of level warning.
func (l List) Warnings() List { return l.filter(LevelWarning) }

func (l List) filter(level Level) List {
	var out List
	for _, e := range l {
		if e.Level == level {
			out = append(out, e)
		}
	}
	return out
}

// Error lists every entry on a line of its own.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns l as an error when it holds an entry of level error (or any
// entry when strict), and nil otherwise.
func (l List) Err(strict bool) error {
	for _, e := range l {
		if e.Level == LevelError || strict {
			return l
		}
	}
	return nil
}

package render

import (
	"bytes"
	"errors"
	"html/template"

	"github.com/torv/torv/internal/tmplexec"
)

// progKey is a template of one of the worker's sets, which it executes
// through a compiled Program (package tmplexec) once html/template has
// executed it once; a nil Program is one tmplexec cannot run.
type progKey struct {
	set  *template.Template
	name string
}

type compiled struct {
	p     *tmplexec.Program
	fails int // in a row
}

// maxFails is how many pages in a row a Program may fail before the
// worker leaves the template to html/template: a layout that shows HTML
// in an attribute on every page, say, would otherwise be executed twice
// for each.
const maxFails = 16

// execute executes the template name of set into out: with the compiled
// Program when there is one, and with html/template when there is none
// and when the Program fails (html/template then gives the output or the
// error message of record). A failed Program's output and the mistakes
// its functions noted are thrown away; what it noted read is kept, for
// html/template reads the same again.
func (w *worker) execute(set *template.Template, lang, name string, out *bytes.Buffer, data any) error {
	key := progKey{set, name}
	c := w.progs[key]
	if c == nil && !w.r.noFast {
		c = &compiled{p: w.compile(set, lang, name, data)}
		w.progs[key] = c
	}
	if c != nil && c.p != nil {
		start, nerrs := out.Len(), len(w.errs)
		if c.p.Execute(out, data) == nil {
			c.fails = 0
			w.r.fast.Add(1)
			return nil
		}
		out.Truncate(start)
		w.errs = w.errs[:nerrs]
		w.r.failed.Add(1)
		if c.fails++; c.fails == maxFails {
			c.p = nil
		}
	}
	w.r.slow.Add(1)
	return set.ExecuteTemplate(out, name, data)
}

// compile returns the Program of the template name of set, nil when
// tmplexec cannot run it. html/template escapes a template when it first
// executes it, and tmplexec compiles escaped trees only; that execution
// writes to a writer that takes no byte, so it stops at the template's
// first byte of output. It used to render the worker's first page of the
// layout whole, and the long lists go first (longListsFirst): at 10 000
// pages, with their entries made already, html/template took 1.3 to 9
// times tmplexec's time on those, some 40 ms against 8 in one run. What
// the functions it called noted as mistakes is thrown away: the page's
// own execution notes them again.
func (w *worker) compile(set *template.Template, lang, name string, data any) *tmplexec.Program {
	nerrs := len(w.errs)
	set.ExecuteTemplate(noBytes{}, name, data)
	w.errs = w.errs[:nerrs]
	p, _ := tmplexec.Compile(set, name, w.funcs[lang])
	return p
}

// noBytes is a writer that takes no byte.
type noBytes struct{}

func (noBytes) Write([]byte) (int, error) { return 0, errNoBytes }

var errNoBytes = errors.New("render: escaping only")

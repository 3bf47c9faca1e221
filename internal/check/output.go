package check

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/readability"
)

// WriteText writes the report for a terminal and for editors' problem
// matchers: grouped per file, each finding as
//
//	file:line:col: level: message [rule]
//	    fix: what to do
//
// a page's switched-off rules after its findings, and a summary line.
// Files are in order, and so are findings within a file.
func (r *Report) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	all := r.All()
	groups := map[string]diag.List{}
	var files []string
	for _, e := range all {
		if _, ok := groups[e.File]; !ok {
			files = append(files, e.File)
		}
		groups[e.File] = append(groups[e.File], e)
	}
	for _, p := range r.Pages {
		if _, ok := groups[p.File]; !ok && len(p.Off) > 0 {
			files = append(files, p.File)
			groups[p.File] = nil
		}
	}
	slices.Sort(files)
	for i, f := range files {
		if i > 0 {
			ew.printf("\n")
		}
		head := "# " + f
		if p := r.Page(f); p != nil && p.Stats.Words > 0 {
			head += " · LIX " + fmtLIX(p.LIX)
			if p.Band != "" {
				head += " (" + p.Band + ")"
			}
		}
		ew.printf("%s\n", head)
		for _, e := range groups[f] {
			ew.printf("%s: %s: %s", e.Pos(), e.Level, e.Msg)
			if e.Rule != "" {
				ew.printf(" [%s]", e.Rule)
			}
			ew.printf("\n")
			if e.Hint != "" {
				ew.printf("    fix: %s\n", e.Hint)
			}
		}
		if p := r.Page(f); p != nil {
			for _, o := range p.Off {
				ew.printf("%s:%d:%d: off: %s is switched off for this page: %q", f, o.Line, o.Col, o.Rule, o.Reason)
				if o.Silenced > 0 {
					ew.printf(" (it kept %s out)", plural(o.Silenced, "finding", "findings"))
				}
				ew.printf(" [%s]\n", o.Rule)
			}
		}
	}
	if len(files) > 0 {
		ew.printf("\n")
	}
	ew.printf("torv check: %s\n", r.Summary())
	return ew.err
}

// Summary says in one line what the check found.
func (r *Report) Summary() string {
	s := r.summary()
	var b strings.Builder
	fmt.Fprintf(&b, "%s checked: %s and %s", plural(s.Pages, "page", "pages"), plural(s.Errors, "error", "errors"), plural(s.Warnings, "warning", "warnings"))
	if s.Errors+s.Warnings > 0 {
		fmt.Fprintf(&b, " in %s", plural(s.Files, "file", "files"))
	}
	if s.Off > 0 {
		fmt.Fprintf(&b, "; %s switched off on %s", plural(s.Off, "rule", "rules"), plural(s.OffPages, "page", "pages"))
	}
	if s.Words > 0 {
		fmt.Fprintf(&b, "; LIX of the whole site %s", fmtLIX(s.LIX))
	}
	if langs := r.languages(); len(langs) > 1 {
		// Words and sentences are counted by each language's rules, and a
		// site's languages are written by different people: one LIX over
		// all of them would hide the hard one.
		var parts []string
		for _, l := range langs {
			parts = append(parts, l.Lang+" "+fmtLIX(l.LIX))
		}
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
	}
	return b.String()
}

type summary struct {
	Pages    int     `json:"pages"`
	Errors   int     `json:"errors"`
	Warnings int     `json:"warnings"`
	Files    int     `json:"files_with_findings"`
	Off      int     `json:"rules_off"`
	OffPages int     `json:"pages_with_rules_off"`
	Words    int     `json:"words"`
	LIX      float64 `json:"lix"`
}

// langSummary is the running text of one language's pages.
type langSummary struct {
	Lang      string  `json:"lang"`
	Pages     int     `json:"pages"`
	Words     int     `json:"words"`
	Sentences int     `json:"sentences"`
	Long      int     `json:"long_words"`
	LIX       float64 `json:"lix"`
}

// languages sums the pages' running text per language, by language.
func (r *Report) languages() []langSummary {
	byLang := map[string]*langSummary{}
	for _, p := range r.Pages {
		l := byLang[p.Lang]
		if l == nil {
			l = &langSummary{Lang: p.Lang}
			byLang[p.Lang] = l
		}
		l.Pages++
		l.Words += p.Stats.Words
		l.Sentences += p.Stats.Sentences
		l.Long += p.Stats.Long
	}
	out := []langSummary{}
	for _, lang := range slices.Sorted(maps.Keys(byLang)) {
		l := byLang[lang]
		l.LIX = round1(readability.Stats{Words: l.Words, Sentences: l.Sentences, Long: l.Long}.LIX())
		out = append(out, *l)
	}
	return out
}

func (r *Report) summary() summary {
	all := r.All()
	s := summary{Pages: len(r.Pages), Errors: len(all.Errors()), Warnings: len(all.Warnings())}
	files := map[string]bool{}
	for _, e := range all {
		files[e.File] = true
	}
	s.Files = len(files)
	var site readability.Stats
	for _, p := range r.Pages {
		if len(p.Off) > 0 {
			s.Off += len(p.Off)
			s.OffPages++
		}
		site.Add(p.Stats)
	}
	s.Words = site.Words
	s.LIX = round1(site.LIX())
	return s
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

type jsonFinding struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Level   string `json:"level"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
}

type jsonSentence struct {
	Line  int     `json:"line"`
	Col   int     `json:"col"`
	Text  string  `json:"text"`
	Words int     `json:"words"`
	Long  int     `json:"long_words"`
	Raise float64 `json:"raises_lix_by"`
}

type jsonOff struct {
	Rule     string `json:"rule"`
	Reason   string `json:"reason"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Silenced int    `json:"findings_kept_out"`
}

type jsonPage struct {
	File      string         `json:"file"`
	URL       string         `json:"url"`
	Lang      string         `json:"lang"`
	LIX       float64        `json:"lix"`
	Band      string         `json:"band,omitempty"`
	Words     int            `json:"words"`
	Sentences int            `json:"sentences"`
	Long      int            `json:"long_words"`
	Errors    int            `json:"errors"`
	Warnings  int            `json:"warnings"`
	Hardest   []jsonSentence `json:"hardest_sentences"`
	Off       []jsonOff      `json:"rules_off"`
}

// WriteJSON writes the report as one JSON object for CI systems: a
// summary, the running text and LIX of each language, every finding (the
// pipeline's own errors too, with rule ""), and every page with its LIX,
// band, hardest sentences and switched-off rules.
func (r *Report) WriteJSON(w io.Writer) error {
	out := struct {
		Summary   summary       `json:"summary"`
		Languages []langSummary `json:"languages"`
		Findings  []jsonFinding `json:"findings"`
		Pages     []jsonPage    `json:"pages"`
	}{Summary: r.summary(), Languages: r.languages(), Findings: []jsonFinding{}, Pages: []jsonPage{}}
	for _, e := range r.All() {
		out.Findings = append(out.Findings, jsonFinding{File: e.File, Line: e.Line, Col: e.Col, Level: e.Level.String(),
			Rule: e.Rule, Message: e.Msg, Fix: e.Hint})
	}
	for _, p := range r.Pages {
		jp := jsonPage{File: p.File, URL: p.URL, Lang: p.Lang, LIX: round1(p.LIX), Band: p.Band, Words: p.Stats.Words,
			Sentences: p.Stats.Sentences, Long: p.Stats.Long, Errors: len(p.Findings.Errors()), Warnings: len(p.Findings.Warnings()),
			Hardest: []jsonSentence{}, Off: []jsonOff{}}
		for _, s := range p.Hardest {
			jp.Hardest = append(jp.Hardest, jsonSentence{Line: s.Line, Col: s.Col, Text: s.Text, Words: s.Words, Long: s.Long, Raise: round1(s.Raise)})
		}
		for _, o := range p.Off {
			jp.Off = append(jp.Off, jsonOff{Rule: o.Rule, Reason: o.Reason, Line: o.Line, Col: o.Col, Silenced: o.Silenced})
		}
		out.Pages = append(out.Pages, jp)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

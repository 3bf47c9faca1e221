package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/torv/torv/internal/diag"
)

// report is what the overlay and the error page show: the errors of a
// build, each with the line of its file, in the editor's language. It is
// sent to the pages as JSON.
type report struct {
	Sig     string        `json:"sig"` // tells one list of errors from another
	Lang    string        `json:"lang"`
	Title   string        `json:"title"`
	Intro   string        `json:"intro"`
	Fix     string        `json:"fix"`
	Warning string        `json:"warning"`
	Close   string        `json:"close"`
	Errors  []reportEntry `json:"errors"`
}

type reportEntry struct {
	Pos     string `json:"pos"`              // content/om.md:2:9
	At      string `json:"at,omitempty"`     // "line 2, character 9", in words
	Msg     string `json:"msg"`              // what is wrong (English, as in the terminal)
	Hint    string `json:"hint,omitempty"`   // what to do
	Source  string `json:"source,omitempty"` // the file's line
	Marker  string `json:"marker,omitempty"` // a ^ under the column
	Warning bool   `json:"warning,omitempty"`
}

// uiText is the overlay's own words in one language.
type uiText struct {
	one, many, intro, at, atLine, fix, warning, close string
}

var uiTexts = map[string]uiText{
	"da": {"Sitet har 1 fejl", "Sitet har %d fejl",
		"Ret fejlen i din editor, og gem filen. Så forsvinder denne besked, og siden opdaterer sig selv. Indtil da ser du den seneste udgave af siden, der virkede.",
		"linje %d, tegn %d", "linje %d", "Sådan retter du det:", "Advarsel", "Skjul beskeden"},
	"sv": {"Webbplatsen har 1 fel", "Webbplatsen har %d fel",
		"Rätta felet i din editor och spara filen. Då försvinner det här meddelandet och sidan uppdateras av sig själv. Till dess ser du den senaste versionen av sidan som fungerade.",
		"rad %d, tecken %d", "rad %d", "Så här rättar du det:", "Varning", "Dölj meddelandet"},
	"nb": {"Nettstedet har 1 feil", "Nettstedet har %d feil",
		"Rett feilen i editoren din, og lagre filen. Da forsvinner denne meldingen, og siden oppdaterer seg selv. Inntil da ser du den siste versjonen av siden som virket.",
		"linje %d, tegn %d", "linje %d", "Slik retter du det:", "Advarsel", "Skjul meldingen"},
	"en": {"The site has 1 error", "The site has %d errors",
		"Fix it in your editor and save the file. This message then goes away and the page updates by itself. Until then you see the last version of the page that worked.",
		"line %d, character %d", "line %d", "What to do:", "Warning", "Hide this message"},
}

// newReport makes the report of diags; files reads the site's files (the
// site folder over the defaults) for the lines the errors are on.
func newReport(diags diag.List, lang string, files fs.FS) *report {
	ui, ok := uiTexts[lang]
	if !ok {
		lang, ui = "da", uiTexts["da"]
	}
	r := &report{Lang: lang, Intro: ui.intro, Fix: ui.fix, Warning: ui.warning, Close: ui.close, Errors: []reportEntry{}}
	n := len(diags.Errors())
	if n == 1 {
		r.Title = ui.one
	} else {
		r.Title = fmt.Sprintf(ui.many, n)
	}
	lines := map[string][]string{}
	h := sha256.New()
	for _, e := range diags {
		en := reportEntry{Pos: e.Pos(), Msg: e.Msg, Hint: e.Hint, Warning: e.Level == diag.LevelWarning}
		switch {
		case e.Line > 0 && e.Col > 0:
			en.At = fmt.Sprintf(ui.at, e.Line, e.Col)
		case e.Line > 0:
			en.At = fmt.Sprintf(ui.atLine, e.Line)
		}
		if e.Line > 0 && files != nil {
			ls, seen := lines[e.File]
			if !seen {
				if b, err := fs.ReadFile(files, e.File); err == nil && utf8.Valid(b) && len(b) <= 8<<20 {
					ls = strings.Split(string(b), "\n")
				}
				lines[e.File] = ls
			}
			if e.Line <= len(ls) {
				en.Source, en.Marker = sourceLine(strings.TrimRight(ls[e.Line-1], "\r"), e.Col)
			}
		}
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\n", en.Pos, en.Msg, en.Hint, en.Source)
		r.Errors = append(r.Errors, en)
	}
	r.Sig = hex.EncodeToString(h.Sum(nil)[:8])
	return r
}

// sourceLine returns a line of a file, cut to a readable length around
// column col (in characters), and a marker line with a ^ under that
// column; tabs in front of it are kept, so the ^ lines up.
func sourceLine(line string, col int) (src, marker string) {
	const width, before = 72, 48
	runes := []rune(line)
	col = min(col, len(runes)+1)
	if len(runes) > width {
		start := 0
		if col > before {
			start = min(col-before, len(runes)-width)
		}
		cut := string(runes[start : start+width])
		if start > 0 {
			cut = "…" + cut
			col -= start - 1
		}
		if start+width < len(runes) {
			cut += "…"
		}
		runes = []rune(cut)
	}
	src = string(runes)
	if col < 1 {
		return src, ""
	}
	var b strings.Builder
	for _, r := range runes[:min(col-1, len(runes))] {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	return src, b.String()
}

// errorPage is shown instead of a page while the site has never built: the
// same report as the overlay, as a page of its own that needs neither the
// site's stylesheet nor JavaScript. With JavaScript, it reloads itself
// when the site builds.
var errorPage = template.Must(template.New("errors").Parse(`<!DOCTYPE html>
<html lang="{{.R.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.R.Title}} – torv</title>
<link rel="stylesheet" href="/__torv/overlay.css">
</head>
<body class="torv-errors">
<main>
<h1>{{.R.Title}}</h1>
<p>{{.R.Intro}}</p>
<ol class="errors">
{{range .R.Errors}}<li class="{{if .Warning}}warning{{else}}error{{end}}"><p class="where">{{if .Warning}}<strong>{{$.R.Warning}}: </strong>{{end}}<code>{{.Pos}}</code>{{with .At}}<span class="at"> ({{.}})</span>{{end}}</p>
<p class="msg">{{.Msg}}</p>
{{with .Source}}<pre class="source"><span class="line">{{.}}
</span>{{end}}{{with .Marker}}<span class="marker" aria-hidden="true">{{.}}</span>{{end}}{{if .Source}}</pre>{{end}}
{{with .Hint}}<p class="fix"><strong>{{$.R.Fix}}</strong> {{.}}</p>{{end}}
</li>
{{end}}</ol>
</main>
<script src="/__torv/live.js" data-torv-build="{{.Build}}" data-torv-errors="{{.R.Sig}}"></script>
</body></html>
`))

func renderErrorPage(r *report, build string) []byte {
	var b bytes.Buffer
	errorPage.Execute(&b, struct {
		R     *report
		Build string
	}{r, build})
	return b.Bytes()
}

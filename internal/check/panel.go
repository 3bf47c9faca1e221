package check

import (
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strings"

	"github.com/torv/torv/internal/diag"
)

// The preview's panel: a page's findings as an HTML fragment that the
// preview server puts at the end of the page's <body>. It is never part of
// build's output. It needs no JavaScript (a <details> element folds it) and
// no inline style (the site's Content-Security-Policy forbids it): its
// stylesheet, PanelCSS, is served by the preview at PanelCSSPath, and the
// fragment links to it itself.

// PanelCSSPath is where the preview serves PanelCSS: beside its other
// files (live.js, overlay.css) in a folder no page can be in, and on the
// page's own origin, so the pages' Content-Security-Policy (default-src
// 'self') allows it as it is.
const PanelCSSPath = "/__torv/check.css"

// PanelOptions changes how the panel is written.
type PanelOptions struct {
	// Lang is the language of the panel's own words (da, sv, nb, en);
	// default the page's. The findings are in English, as in the terminal.
	Lang string
	// Root is the site folder as an absolute path; with EditorURL it makes
	// each line number a link that opens the file in the editor.
	Root string
	// EditorURL returns the address that opens an absolute path at a line
	// and column, or "": config.Check.EditorURL.
	EditorURL func(path string, line, col int) string
	// CSSURL is where the stylesheet is; default PanelCSSPath.
	CSSURL string
}

// panelWords are the panel's own words per language.
var panelWords = map[string]map[string]string{
	"da": {"title": "Tjek af siden", "error": "fejl", "errors": "fejl", "warning": "advarsel", "warnings": "advarsler",
		"none": "Ingen fund på siden.", "hardest": "De sværeste sætninger", "off": "Slået fra",
		"words": "ord", "sentences": "sætninger", "long": "lange ord", "fix": "Sådan retter du det",
		"let": "let", "middel": "middel", "svær": "svær", "short": "for kort til at bedømme"},
	"sv": {"title": "Kontroll av sidan", "error": "fel", "errors": "fel", "warning": "varning", "warnings": "varningar",
		"none": "Inga fynd på sidan.", "hardest": "De svåraste meningarna", "off": "Avstängt",
		"words": "ord", "sentences": "meningar", "long": "långa ord", "fix": "Så rättar du det",
		"let": "lätt", "middel": "medel", "svær": "svår", "short": "för kort för att bedömas"},
	"nb": {"title": "Sjekk av siden", "error": "feil", "errors": "feil", "warning": "advarsel", "warnings": "advarsler",
		"none": "Ingen funn på siden.", "hardest": "De vanskeligste setningene", "off": "Slått av",
		"words": "ord", "sentences": "setninger", "long": "lange ord", "fix": "Slik retter du det",
		"let": "lett", "middel": "middels", "svær": "vanskelig", "short": "for kort til å vurderes"},
	"en": {"title": "Page check", "error": "error", "errors": "errors", "warning": "warning", "warnings": "warnings",
		"none": "Nothing found on this page.", "hardest": "The hardest sentences", "off": "Switched off",
		"words": "words", "sentences": "sentences", "long": "long words", "fix": "How to fix it",
		"let": "easy", "middel": "medium", "svær": "hard", "short": "too short to judge"},
}

type panelItem struct {
	Class, Level, Line, Msg, Rule, Hint string
	Link                                template.URL
}

type panelData struct {
	CSS       string
	Open      bool
	W         map[string]string
	Summary   string
	LIX       string
	Band      string
	BandClass string
	BandWord  string
	Stats     string
	Hardest   []panelItem
	Items     []panelItem
	Off       []panelItem
}

var panelTmpl = template.Must(template.New("panel").Parse(`<link rel="stylesheet" href="{{.CSS}}">
<aside class="torv-check" aria-label="{{.W.title}}">
<details{{if .Open}} open{{end}}>
<summary>{{.W.title}}: {{.Summary}}{{if .LIX}} · LIX {{.LIX}}{{if .Band}} <span class="torv-check-band torv-check-{{.BandClass}}">{{.BandWord}}</span>{{end}}{{end}}</summary>
<div class="torv-check-body">
{{- if .Stats}}
<p class="torv-check-stats">{{.Stats}}</p>{{end}}
{{- if .Hardest}}
<p class="torv-check-head">{{.W.hardest}}</p>
<ol class="torv-check-hardest">
{{- range .Hardest}}
<li>{{if .Link}}<a href="{{.Link}}">{{.Line}}</a>{{else}}{{.Line}}{{end}}: {{.Msg}}</li>
{{- end}}
</ol>{{end}}
{{- if .Items}}
<ul class="torv-check-findings">
{{- range .Items}}
<li class="torv-check-{{.Class}}"><span class="torv-check-level">{{.Level}}</span> {{if .Link}}<a href="{{.Link}}">{{.Line}}</a>{{else}}{{.Line}}{{end}}: {{.Msg}}{{if .Rule}} <code>[{{.Rule}}]</code>{{end}}
{{- if .Hint}}<br><span class="torv-check-fix">{{$.W.fix}}: {{.Hint}}</span>{{end}}</li>
{{- end}}
</ul>
{{- else}}
<p>{{.W.none}}</p>{{end}}
{{- if .Off}}
<p class="torv-check-head">{{.W.off}}</p>
<ul class="torv-check-off">
{{- range .Off}}
<li>{{if .Link}}<a href="{{.Link}}">{{.Line}}</a>{{else}}{{.Line}}{{end}}: <code>{{.Rule}}</code>: {{.Msg}}</li>
{{- end}}
</ul>{{end}}
</div>
</details>
</aside>
`))

// Panel writes the preview's panel of one page's findings. extra are
// findings about the page from elsewhere (the build's own errors at the
// page's file), shown with its own.
func Panel(w io.Writer, p *PageReport, opts PanelOptions, extra ...*diag.Error) error {
	lang := opts.Lang
	if lang == "" {
		lang = p.Lang
	}
	words := panelWords[lang]
	if words == nil {
		words = panelWords["da"]
	}
	d := panelData{CSS: opts.CSSURL, W: words}
	if d.CSS == "" {
		d.CSS = PanelCSSPath
	}
	link := func(line, col int) template.URL {
		if opts.EditorURL == nil || opts.Root == "" {
			return ""
		}
		u := opts.EditorURL(filepath.Join(opts.Root, filepath.FromSlash(p.File)), line, col)
		// The address comes from the site's own config.toml and opens an
		// editor on the editor's own machine; html/template would refuse
		// its scheme (vscode:), so it is trusted here, but never a script.
		if scheme, _, _ := strings.Cut(strings.ToLower(u), ":"); scheme == "javascript" || scheme == "data" || scheme == "vbscript" {
			return ""
		}
		return template.URL(u)
	}
	// The position is written as in the terminal, file:line:col, which
	// an editor's "go to file" reads, also where there is no link.
	lineText := func(line, col int) string {
		switch {
		case line <= 0:
			return p.File
		case col <= 0:
			return fmt.Sprintf("%s:%d", p.File, line)
		}
		return fmt.Sprintf("%s:%d:%d", p.File, line, col)
	}
	all := append(diag.List(nil), p.Findings...)
	all = append(all, extra...)
	all.Sort()
	for _, e := range all {
		class, level := "warning", words["warning"]
		if e.Level == diag.LevelError {
			class, level = "error", words["error"]
		}
		d.Items = append(d.Items, panelItem{Class: class, Level: level, Link: link(e.Line, e.Col),
			Line: lineText(e.Line, e.Col), Msg: e.Msg, Rule: e.Rule, Hint: e.Hint})
	}
	nerr, nwarn := len(all.Errors()), len(all.Warnings())
	d.Open = nerr+nwarn > 0
	d.Summary = fmt.Sprintf("%d %s, %d %s", nerr, pick(nerr, words["error"], words["errors"]), nwarn, pick(nwarn, words["warning"], words["warnings"]))
	if p.Stats.Words > 0 {
		d.LIX = fmtLIX(p.LIX)
		d.Band = p.Band
		d.BandClass = bandClass[p.Band]
		d.BandWord = words[p.Band]
		d.Stats = fmt.Sprintf("%d %s, %d %s, %d %s", p.Stats.Words, words["words"], p.Stats.Sentences, words["sentences"], p.Stats.Long, words["long"])
		if p.Band == "" {
			d.Stats += " (" + words["short"] + ")"
		}
	}
	for _, s := range p.Hardest {
		d.Hardest = append(d.Hardest, panelItem{Link: link(s.Line, s.Col), Line: lineText(s.Line, s.Col), Msg: "“" + s.Text + "”"})
	}
	for _, o := range p.Off {
		d.Off = append(d.Off, panelItem{Link: link(o.Line, o.Col), Line: lineText(o.Line, o.Col), Rule: o.Rule, Msg: o.Reason})
	}
	return panelTmpl.Execute(w, d)
}

var bandClass = map[string]string{BandEasy: "easy", BandMedium: "medium", BandHard: "hard"}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// PanelCSS is the panel's stylesheet: a bar at the bottom of the window
// that opens upwards, in the system font, with colours that keep WCAG AA
// contrast. It touches nothing outside .torv-check.
const PanelCSS = `.torv-check{position:fixed;right:0;bottom:0;z-index:2147483647;box-sizing:border-box;width:min(42rem,100vw);max-height:60vh;overflow:auto;margin:0;border:2px solid #1a1a1a;border-bottom:0;background:#fff;color:#1a1a1a;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;text-align:left}
.torv-check summary{cursor:pointer;padding:.5rem .75rem;background:#1a1a1a;color:#fff;font-weight:600}
.torv-check summary:focus-visible{outline:3px solid #ffbf47;outline-offset:-3px}
.torv-check-body{padding:.5rem .75rem .75rem}
.torv-check p,.torv-check ul,.torv-check ol{margin:.4rem 0}
.torv-check ul,.torv-check ol{padding-left:1.25rem}
.torv-check li{margin:.3rem 0}
.torv-check a{color:#0b4f9c;text-decoration:underline}
.torv-check a:focus-visible{outline:3px solid #ffbf47}
.torv-check code{font-size:.9em}
.torv-check-head{font-weight:600}
.torv-check-level{display:inline-block;min-width:4.5em;padding:0 .3em;border-radius:2px;font-size:.85em;font-weight:600;text-transform:uppercase}
.torv-check-error .torv-check-level{background:#a4000f;color:#fff}
.torv-check-warning .torv-check-level{background:#ffe08a;color:#1a1a1a}
.torv-check-fix{color:#3d3d3d}
.torv-check-band{padding:0 .35em;border-radius:2px}
.torv-check-easy{background:#d5f0dc;color:#0b3d1a}
.torv-check-medium{background:#ffe08a;color:#1a1a1a}
.torv-check-hard{background:#a4000f;color:#fff}
@media print{.torv-check{display:none}}
`

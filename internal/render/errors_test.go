package render_test

import (
	"strings"
	"testing"
)

// TestLayoutParseErrors: a layout that does not parse stops the Renderer
// with an error at the layout's file and line, whichever file it is.
func TestLayoutParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		file  string
		line  int
		msg   string
	}{
		{"partial with an if without a condition",
			map[string]string{"layouts/partials/x.html": "<div>\n<p>hej</p>\n{{if}}\n</div>\n"},
			"layouts/partials/x.html", 3, "missing value for if"},
		{"unclosed action in base.html",
			map[string]string{"layouts/base.html": "<main>\n\n\n\n{{template \"main\" .</main>\n"},
			"layouts/base.html", 5, ""},
		{"end without a start in a kind's layout",
			map[string]string{"layouts/page.html": "{{define \"main\"}}\n<h1>{{.Page.Title}}</h1>\n{{end}}\n{{end}}\n"},
			"layouts/page.html", 4, "unexpected {{end}}"},
		{"unknown function",
			map[string]string{"layouts/partials/y.html": "\n{{oversaet \"hej\"}}"},
			"layouts/partials/y.html", 2, `function "oversaet" not defined`},
	}
	site := loadSite(t, map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, errs := newRenderer(t, layoutFS(tt.files), site)
			if r != nil {
				t.Fatal("a Renderer was made from a broken layout")
			}
			if len(errs) != 1 {
				t.Fatalf("want one error, got %v", errs)
			}
			e := errs[0]
			if e.File != tt.file || e.Line != tt.line {
				t.Errorf("error at %s:%d, want %s:%d (%v)", e.File, e.Line, tt.file, tt.line, e)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("message %q should contain %q", e.Msg, tt.msg)
			}
			if strings.HasPrefix(e.Msg, "template:") {
				t.Errorf("message %q repeats the position Go put in front of it", e.Msg)
			}
		})
	}
}

// TestLayoutExecErrors: mistakes found while making a page point at the
// layout's file, line and column (in characters, 1-based, as diag says),
// and say which page was being made.
func TestLayoutExecErrors(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string
		file      string
		line, col int
		msgs      []string
	}{
		// A key chosen while the page is made cannot be checked before.
		{"missing UI string chosen at run time",
			map[string]string{"layouts/page.html": "{{define \"main\"}}\n\n<p>{{t (print \"mang\" \"ler\")}}</p>{{end}}"},
			"layouts/page.html", 3, 6, []string{`"mangler"`, "i18n/da.toml", "content/a.md"}},
		{"missing UI string after non-ASCII text",
			map[string]string{"layouts/page.html": "{{define \"main\"}}\n\n<p>Åbningstider før: {{t .Page.Title}}</p>{{end}}"},
			"layouts/page.html", 3, 24, []string{`"A"`, "i18n/da.toml"}},
		{"field that does not exist, in a partial",
			map[string]string{"layouts/page.html": "{{define \"main\"}}\n{{template \"partials/z.html\" .}}{{end}}",
				"layouts/partials/z.html": "<p>\n  {{.Page.Titel}}</p>"},
			"layouts/partials/z.html", 2, 10, []string{"Titel", "content/a.md", "did you mean .Title?"}},
	}
	site := loadSite(t, map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs := renderPage(t, layoutFS(tt.files), site, "a.md")
			if out != "" {
				t.Errorf("a page with a layout error has output: %q", out)
			}
			if len(errs) != 1 {
				t.Fatalf("want one error, got %v", errs)
			}
			e := errs[0]
			if e.File != tt.file || e.Line != tt.line || e.Col != tt.col {
				t.Errorf("error at %s, want %s:%d:%d (%v)", e.Pos(), tt.file, tt.line, tt.col, e)
			}
			for _, m := range tt.msgs {
				if !strings.Contains(e.Error(), m) {
					t.Errorf("message %q should name %s", e.Error(), m)
				}
			}
		})
	}
}

// TestEscapingErrorsPointAtTheLayout: html/template finds some mistakes
// only when it first runs a template (an attribute left open by an if).
// The error must name the file and line where the mistake is, not the
// template that happened to be run.
func TestEscapingErrorsPointAtTheLayout(t *testing.T) {
	site := loadSite(t, map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n"})
	layouts := layoutFS(map[string]string{
		"layouts/page.html": "{{define \"main\"}}\n\n<p title=\"{{if .Lang}}a\"{{end}}>x</p>{{end}}",
	})
	_, errs := renderPage(t, layouts, site, "a.md")
	if len(errs) != 1 {
		t.Fatalf("want one error, got %v", errs)
	}
	if e := errs[0]; e.File != "layouts/page.html" || e.Line != 3 {
		t.Errorf("error at %s, want layouts/page.html:3 (%v)", e.Pos(), e)
	}
}

func TestMissingLayouts(t *testing.T) {
	site := loadSite(t, map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n",
		"content/b.md": "+++\ntitle = \"B\"\nlayout = \"kampagne\"\n+++\n"})

	r, errs := newRenderer(t, layoutFS(map[string]string{"layouts/base.html": ""}), site)
	if r != nil || len(errs) != 1 || errs[0].File != "layouts/base.html" {
		t.Errorf("without base.html: got %v, want one error at layouts/base.html", errs)
	}

	_, errs = renderPage(t, layoutFS(nil), site, "b.md")
	if len(errs) != 1 {
		t.Fatalf("want one error, got %v", errs)
	}
	if e := errs[0]; e.Pos() != "content/b.md:3:10" || !strings.Contains(e.Msg, `"kampagne"`) || !strings.Contains(e.Hint, "layouts/kampagne.html") {
		t.Errorf("got %v, want content/b.md:3:10 naming layouts/kampagne.html", e)
	}
}

func TestUIStringFiles(t *testing.T) {
	tests := []struct {
		name   string
		config string
		files  map[string]string
		want   string
	}{
		{"no strings for the site's language",
			"title = \"T\"\nmunicipality = \"M\"\nlanguage = \"nb\"\n", nil,
			"i18n/nb.toml: there are no UI strings for language \"nb\" (copy i18n/da.toml to i18n/nb.toml and translate it)"},
		{"a string that is not text",
			"", map[string]string{"i18n/da.toml": "hello = \"Hej\"\n\nclosed = 0\n"},
			"i18n/da.toml:3:10: closed must be text (write closed = \"...\")"},
		{"broken TOML",
			"", map[string]string{"i18n/da.toml": "hello = \"Hej\n"},
			"i18n/da.toml:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{}
			if tt.config != "" {
				files["config.toml"] = tt.config
			}
			site := loadSite(t, files)
			r, errs := newRenderer(t, layoutFS(tt.files), site)
			if r != nil {
				t.Fatal("a Renderer was made without its UI strings")
			}
			if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), tt.want) {
				t.Errorf("got\n%v\nwant\n%s", errs, tt.want)
			}
		})
	}
}

// TestMissingUIStrings: a key the layouts name must be in every language
// of the site when the layouts are read, even if no page of that language
// uses the layout that needs it.
func TestMissingUIStrings(t *testing.T) {
	site := loadSite(t, map[string]string{
		"config.toml": "title = \"T\"\nmunicipality = \"M\"\n\n[languages.en]\ntitle = \"T\"\n",
	})
	files := map[string]string{
		"layouts/page.html":         "{{define \"main\"}}\n{{template \"partials/hej.html\" .}}{{end}}",
		"layouts/partials/hej.html": "<p>\n{{t \"skip_to_content\"}} {{t \"hej_verden\"}}</p>",
		"i18n/da.toml":              "skip_to_content = \"Spring\"\nlang_not_translated = \"forsiden\"\n",
		"i18n/en.toml":              "skip_to_content = \"Skip\"\n",
	}
	r, errs := newRenderer(t, layoutFS(files), site)
	if r != nil {
		t.Fatal("a Renderer was made with UI strings missing")
	}
	got := errs.Error()
	for _, want := range []string{
		`i18n/da.toml: the UI string "hej_verden" is missing for da (layouts/partials/hej.html:2 uses it)`,
		`i18n/en.toml: the UI string "hej_verden" is missing for en (layouts/partials/hej.html:2 uses it)`,
		`i18n/en.toml: the UI string "lang_not_translated" is missing for en (the language switcher uses it)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack\n%s\ngot:\n%s", want, got)
		}
	}
	if strings.Contains(got, `"skip_to_content" is missing`) || strings.Contains(got, `"lang_not_translated" is missing for da`) {
		t.Errorf("a key the file has is reported missing:\n%s", got)
	}
}

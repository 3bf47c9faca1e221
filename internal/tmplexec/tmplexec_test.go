package tmplexec_test

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"

	"github.com/torv/torv/internal/tmplexec"
)

type kind string

func (k kind) String() string { return "kind:" + string(k) }

type item struct {
	Title, URL string
	Current    bool
	N          int
	Tags       []string
}

func (it *item) Upper() string          { return strings.ToUpper(it.Title) }
func (it *item) Join(sep string) string { return strings.Join(it.Tags, sep) }
func (it item) Twice(n int) int         { return 2 * n }

type data struct {
	Title   string
	Kind    kind
	HTML    template.HTML
	URL     template.URL
	JS      template.JS
	Items   []*item
	Values  []item
	Map     map[string]int
	Any     map[string]any
	Nil     *item
	Ptr     *string
	Num     float64
	Empty   []string
	Iface   any
	Hostile string
	U       uint
	CSS     template.CSS
	Attr    template.HTMLAttr
}

func sample() *data {
	s := "pointed"
	return &data{
		Title: `Ret & "klage" <b>'+'</b>`, Kind: "news", HTML: "<em>fine</em> &amp; x",
		URL: "javascript:alert(1)", JS: `{"a":1}`,
		Items: []*item{
			{Title: "Første", URL: "/a b/?q=1&r=ø#x", Current: true, N: 3, Tags: []string{"x", "y"}},
			{Title: "Anden", URL: "javascript:evil()", N: -2},
			{Title: "Tredje", URL: "mailto:a@b.dk", N: 0},
		},
		Values:  []item{{Title: "v1", N: 1}, {Title: "v2", N: 2}},
		Map:     map[string]int{"b": 2, "a": 1, "c": 3},
		Any:     map[string]any{"s": "str", "n": 7, "nil": nil},
		Ptr:     &s,
		Num:     12.5,
		Iface:   &item{Title: "in iface"},
		U:       3,
		CSS:     `a<b>&"c`,
		Attr:    `title="x&y"`,
		Hostile: "a\x00b\uFDD0c\xffd =`'\"<>&+\t\n%zz%41é",
	}
}

var funcs = template.FuncMap{
	"up":    strings.ToUpper,
	"t":     func(key string, args ...any) (string, error) { return fmt.Sprintf("[%s]%v", key, args), nil },
	"fails": func() (string, error) { return "", errors.New("it failed") },
	"add":   func(a, b int) int { return a + b },
	"safe":  func(s string) template.HTML { return template.HTML(s) },
	"hook":  func(s string, b ...bool) bool { return len(b) > 0 && b[0] || s == "yes" },
	"panics": func() string {
		var m map[string]int
		m["x"] = 1
		return ""
	},
}

// cases are templates executed by both html/template and the Program;
// they must give the same output. The Program must succeed wherever
// html/template does, but for the cases marked slow, and fail where it fails.
var cases = []struct {
	src  string
	slow string // why the Program leaves it to html/template, when it does
}{
	{`<p>{{.Title}}</p><p title="{{.Title}}">{{.Kind}}</p>`, ""},
	{`<a href="{{.URL}}">{{.HTML}}</a><a href="{{(index .Items 0).URL}}">x</a><a href="{{(index .Items 1).URL}}">x</a>`, ""},
	{`<a href="/s?q={{.Title}}&k={{.Hostile}}">x</a><a href=/{{.Hostile}}>y</a>`, ""},
	{`<input value={{.Hostile}}><input value={{.Title}}><input value="{{.Hostile}}">`, ""},
	{`<p title="{{.HTML}}">html in an attribute</p>`, "HTML stripped of its tags"},
	{`<textarea>{{.Hostile}}{{.HTML}}</textarea><title>{{.Title}}</title>`, ""},
	{`<script type="application/ld+json">{{.JS}}</script>`, ""},
	{`<script type="application/ld+json">{{.Title}}</script>`, "JSON of a string"},
	{`<!-- {{.Title}} --><p>{{.Hostile}}</p>`, ""},
	{`{{range $i, $it := .Items}}<li{{if $it.Current}} aria-current="page"{{else if lt $it.N 0}} class="neg"{{end}}>{{$i}}: {{.Title}} {{.Upper}} {{.Join ", "}} {{.Twice 4}}</li>{{end}}`, ""},
	{`{{range .Items}}{{if eq .N 0}}{{break}}{{end}}{{if .Current}}{{continue}}{{end}}[{{.Title}}]{{end}}`, ""},
	{`{{range .Empty}}x{{else}}empty{{end}}{{range .Nil}}y{{end}}{{range $k, $v := .Map}}{{$k}}={{$v}};{{end}}`, ""},
	{`{{range .Values}}{{.Title}}{{.Twice .N}}{{end}}`, ""},
	{`{{$x := 1}}{{with .Items}}{{$x = len .}}{{end}}{{$x}}{{with $y := .Title}}{{$y}}{{end}}`, ""},
	{`{{with .Nil}}no{{else with .Title}}{{.}}{{end}}{{with .Empty}}a{{else}}b{{end}}`, ""},
	{`{{.Nil.Title}}`, ""},
	{`{{.Missing}}`, ""},
	{`{{.Map.a}} {{.Map.zz}} {{index .Map "b"}} {{index .Map "zz"}} {{.Any.s}} {{.Any.n}} {{.Any.nil}} {{.Any.none}}`, ""},
	{`{{.Ptr}} {{.Num}} {{.Iface.Title}} {{print .Kind " " .Num " " .Nil}} {{printf "%s-%d" .Title 3}}`, ""},
	{`{{if and .Title .Items}}a{{end}}{{if or .Empty .Nil}}b{{else}}c{{end}}{{and 1 0 2}}{{or 0 "" "x"}}{{not .Empty}}`, ""},
	{`{{if eq .Kind "news"}}k{{end}}{{if eq (print .Kind) "kind:news"}}p{{end}}{{if ne .Title "x"}}n{{end}}{{eq 1 2 3 1}}`, ""},
	{`{{if gt (len .Items) 2}}big{{end}}{{if le 2 2}}le{{end}}{{if ge 1.5 2.5}}ge{{end}}{{lt "a" "b"}}`, ""},
	{`{{eq .Items .Items}}`, ""},
	{`{{range .Items}}{{if eq . (index $.Items 1)}}[{{.Title}}]{{end}}{{if eq $.Nil .}}nil{{end}}{{end}}{{eq .Nil .Any.none}}{{eq .Nil nil}}`, ""},
	{`{{eq .Iface .Nil}}{{eq .Iface .Iface}}{{eq .Any.s "str"}}{{eq .Any.n 7}}`, ""},
	{`{{eq .Values .Values}}`, ""},
	{`<p title="{{.CSS}}" data-a={{.Attr}}><a href="/{{.CSS}}">{{.Attr}}{{.CSS}}</a></p>`, ""},
	{`{{$x := "outer"}}{{with .Title}}{{$x := "with"}}{{$x}}{{end}}{{$x}}{{if .Title}}{{$x := "if"}}{{end}}{{$x}}{{range .Items}}{{$x := .N}}{{end}}{{$x}}{{range .Empty}}{{else}}{{$x := "else"}}{{end}}{{$x}}{{range .Values}}[{{.Title}}]{{else}}none{{end}}{{range .Map}}{{.}}{{else}}none{{end}}`, ""},
	{`{{$x := "outer"}}{{template "decl" .Title}}{{$x}}{{range .Items}}{{template "decl" .Title}}{{$x}}{{end}}`, ""},
	{`{{hook "yes"}}{{hook "no"}}{{hook "no" true}}{{if hook .Title false}}x{{end}}{{t "k" .Title .Nil 2.5 "s"}}`, ""},
	{`{{eq .U 3}}{{eq 2 .U}}{{eq .U -3}}{{lt .U 5}}{{lt -1 .U}}{{gt .U 3}}`, ""},
	{`{{eq .Map .Items}}`, ""},
	{`{{lt .Title 3}}`, ""},
	{`{{up .Title}} {{t "key"}} {{t "key" .Num 2}} {{.Title | up}} {{add 1 2}} {{safe "<b>ok</b>"}}`, ""},
	{`{{fails}}`, ""},
	{`{{panics}}`, ""},
	{`{{template "part" .Items}}{{template "part" .Values}}{{template "none"}}`, "an undefined template"},
	{`{{define "rec"}}{{if .}}<{{template "rec" slice . 1}}>{{end}}{{end}}{{template "rec" .Items}}`, "the builtin slice"},
	{`{{index .Items 5}}`, ""},
	{`{{.Title.Foo}}`, ""},
	{`{{.Items.Title}}`, ""},
	{`<a href="{{.Kind}}" data-x="{{.Num}}" onclick="{{.Title}}">x</a>`, "JSON of a string"},
	{`<style>p { color: {{.Title}} }</style>`, "a CSS value"},
	{`{{len .Nil}}`, ""},
	{`{{$}}`, ""},
	{`{{.Title | printf "%q"}}{{"const" | up}}{{3 | add 4}}`, ""},
	{`{{(.Title)}}{{(index .Items 0).Title}}{{(.Iface).Title}}`, ""},
	{`{{with .Values}}{{(index . 1).Twice 5}}{{end}}`, ""},
}

func TestSameAsHTMLTemplate(t *testing.T) {
	for i, c := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			base, err := newSet(c.src)
			if err != nil {
				t.Fatal(err)
			}
			d := sample()
			want, werr, p, err := reference(t, base, d)
			if p == nil {
				if werr == nil && c.slow == "" {
					t.Fatalf("not compiled: %v", err)
				}
				return
			}
			for range 2 { // the second time with what the first found per type
				var got bytes.Buffer
				gerr := p.Execute(&got, d)
				switch {
				case gerr != nil && werr == nil && c.slow == "":
					t.Fatalf("the Program failed where html/template did not: %v", gerr)
				case gerr == nil && werr != nil:
					t.Fatalf("html/template failed with %v, the Program gave %q", werr, got.String())
				case gerr == nil && c.slow != "":
					t.Fatalf("the Program ran a case marked slow (%s); unmark it", c.slow)
				case gerr == nil && got.String() != want:
					t.Fatalf("output differs:\n got %q\nwant %q", got.String(), want)
				}
			}
		})
	}
}

// newSet parses src as the template "page", beside the templates the
// cases call.
func newSet(src string) (*template.Template, error) {
	base, err := template.New("page").Funcs(funcs).Parse(src)
	if err != nil {
		return nil, err
	}
	if _, err := base.New("part").Parse(`{{range .}}<i>{{.Title}}</i>{{end}}`); err != nil {
		return nil, err
	}
	_, err = base.New("decl").Parse(`{{$x := "inner"}}{{$x}}{{$}}`)
	return base, err
}

// reference executes "page" of base on d with html/template, which
// escapes it, and then compiles it: p is nil, with the reason, when
// tmplexec does not support it.
func reference(t *testing.T, base *template.Template, d *data) (want string, werr error, p *tmplexec.Program, err error) {
	var b bytes.Buffer
	werr = base.ExecuteTemplate(&b, "page", d)
	p, err = tmplexec.Compile(base, "page", funcs)
	if err != nil && !errors.Is(err, tmplexec.ErrUnsupported) {
		t.Fatalf("Compile: %v", err)
	}
	return b.String(), werr, p, err
}

// FuzzSameAsHTMLTemplate executes any template html/template parses and
// escapes with both executors, on the sample data with the fuzzed strings
// as its title, its HTML and its URL: where the Program succeeds,
// html/template must too, with the same output.
func FuzzSameAsHTMLTemplate(f *testing.F) {
	for _, c := range cases {
		f.Add(c.src, "Ret & klage", "<b>x</b>", "/a?b=c")
	}
	f.Add(`<a href="{{.Title}}" title={{.Title}}>{{.Title}}</a>`, "javascript:x", "", "")
	f.Add(`<a href="{{.URL}}">{{.HTML}}</a><a href=/{{.URL}}?q={{.Title}}>x</a>`, "a b", "&amp;", "%zz%41 ")
	f.Fuzz(func(t *testing.T, src, title, html, url string) {
		base, err := newSet(src)
		if err != nil {
			return
		}
		d := sample()
		d.Title, d.HTML, d.URL = title, template.HTML(html), template.URL(url)
		want, werr, p, _ := reference(t, base, d)
		var got bytes.Buffer
		if p == nil || p.Execute(&got, d) != nil {
			return
		}
		if werr != nil {
			t.Fatalf("html/template failed with %v, the Program gave %q", werr, got.String())
		}
		if got.String() != want {
			t.Fatalf("output differs:\n got %q\nwant %q", got.String(), want)
		}
	})
}

// TestEscapedValuesAreWrittenIntoThePage: a value that needs escaping,
// such as a layout's Content-Security-Policy with its 'self', is escaped
// straight into the page, with html/template's result, and not through a
// string of its own each time: at 10 000 pages those were half a million
// strings. Three such values must cost no allocation over an execution
// that prints none.
func TestEscapedValuesAreWrittenIntoThePage(t *testing.T) {
	d := sample()
	d.Title = `default-src 'self'; a+b & "c" <d>`
	allocs := map[string]float64{}
	for _, src := range []string{`<p>x</p>`, `<meta content="{{.Title}}"><p>{{.Title}}</p><a title={{.Title}}>x</a>`} {
		base, err := newSet(src)
		if err != nil {
			t.Fatal(err)
		}
		want, werr, p, err := reference(t, base, d)
		if werr != nil || p == nil {
			t.Fatalf("%s: html/template: %v; Compile: %v", src, werr, err)
		}
		var got bytes.Buffer
		if err := p.Execute(&got, d); err != nil || got.String() != want {
			t.Fatalf("%s: got %q, %v; want %q", src, got.String(), err, want)
		}
		got.Grow(4 * len(want))
		allocs[src] = testing.AllocsPerRun(100, func() {
			got.Reset()
			p.Execute(&got, d)
		})
	}
	if none, three := allocs[`<p>x</p>`], allocs[`<meta content="{{.Title}}"><p>{{.Title}}</p><a title={{.Title}}>x</a>`]; three > none {
		t.Errorf("%.0f allocations an execution with three escaped values, %.0f without", three, none)
	}
}

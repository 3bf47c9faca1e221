package markup_test

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/markup"
)

var update = flag.Bool("update", false, "rewrite the case files in testdata/ with what this build produces; read the diff before committing it")

// The case file has goldmark's extension test format (extension/_test/*.txt),
// with an optional third part: the diagnostics, one a line, without hints.
// A case without it must give no diagnostics at all.
//
//	7: what the case shows
//	//- - - - - - - - -//
//	Markdown
//	//- - - - - - - - -//
//	HTML
//	//- - - - - - - - -//
//	content/side.md:1:7: warning: HTML in Markdown is left out of the page
//	//= = = = = = = = = = = = = = = = = = = = = = = =//
const (
	casesFile = "testdata/cases.txt"
	partSep   = "//- - - - - - - - -//"
	caseSep   = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
	caseFile  = "content/side.md" // the page every case is converted as
)

type mdCase struct {
	No       int
	Desc     string
	Line     int // of the header in cases.txt
	Markdown string
	HTML     string
	Diags    string
}

func readCases(t *testing.T, casesFile string) []mdCase {
	t.Helper()
	b, err := os.ReadFile(casesFile)
	if err != nil {
		t.Fatal(err)
	}
	var cases []mdCase
	var c *mdCase
	var part []string
	state := 0 // 0 header, 1 after header, 2 markdown, 3 html, 4 diags
	flush := func() string {
		s := strings.Join(part, "\n")
		part = nil
		return s
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		switch state {
		case 0:
			if strings.TrimSpace(line) == "" {
				continue
			}
			num, desc, _ := strings.Cut(line, ":")
			no, err := strconv.Atoi(strings.TrimSpace(num))
			if err != nil {
				t.Fatalf("%s:%d: a case starts with its number: %q", casesFile, n, line)
			}
			cases = append(cases, mdCase{No: no, Desc: strings.TrimSpace(desc), Line: n})
			c = &cases[len(cases)-1]
			state = 1
		case 1:
			if line != partSep {
				t.Fatalf("%s:%d: want %s after the header", casesFile, n, partSep)
			}
			state = 2
		case 2:
			if line == partSep {
				c.Markdown = flush() + "\n"
				state = 3
				continue
			}
			part = append(part, line)
		case 3, 4:
			switch line {
			case partSep:
				if state == 4 {
					t.Fatalf("%s:%d: a case has at most three parts", casesFile, n)
				}
				c.HTML = flush()
				state = 4
			case caseSep:
				if state == 3 {
					c.HTML = flush()
				} else {
					c.Diags = flush()
				}
				state = 0
			default:
				part = append(part, line)
			}
		}
	}
	if state != 0 {
		t.Fatalf("%s: the last case is not closed with %s", casesFile, caseSep)
	}
	return cases
}

func writeCases(t *testing.T, casesFile string, cases []mdCase) {
	var b strings.Builder
	for _, c := range cases {
		fmt.Fprintf(&b, "%d: %s\n%s\n%s%s\n%s\n", c.No, c.Desc, partSep, c.Markdown, partSep, c.HTML)
		if c.Diags != "" {
			fmt.Fprintf(&b, "%s\n%s\n", partSep, c.Diags)
		}
		fmt.Fprintf(&b, "%s\n\n", caseSep)
	}
	if err := os.WriteFile(casesFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fakeSite is the LinkFunc of a site published under /borger/ with two
// pages and one image, as the build's LinkFunc reports them.
func fakeSite(dest string, image bool) (href string, internal, exists bool) {
	if u, err := url.Parse(dest); err != nil || u.Scheme != "" || u.Host != "" {
		return dest, false, true
	}
	if strings.HasPrefix(dest, "#") {
		return dest, true, true
	}
	known := map[string]string{
		"/lov/sygedagpenge/":           "/borger/lov/sygedagpenge/",
		"../lov/sygedagpenge.md":       "/borger/lov/sygedagpenge/",
		"../lov/sygedagpenge.md#frist": "/borger/lov/sygedagpenge/#frist",
		"/om/":                         "/borger/om/",
		"../lov/ret_og_pligt.md":       "/borger/lov/ret_og_pligt/",
	}
	if image {
		known = map[string]string{"billeder/kort.png": "/borger/billeder/kort.png"}
	}
	if h, ok := known[dest]; ok {
		return h, true, true
	}
	return dest, true, false
}

// diagLines is how a case file writes diagnostics: position, level and
// message; hints are tested where they are made.
func diagLines(l diag.List) string {
	lines := make([]string, len(l))
	for i, e := range l {
		c := *e
		c.Hint = ""
		lines[i] = c.Error()
	}
	return strings.Join(lines, "\n")
}

func TestCases(t *testing.T) {
	runCases(t, casesFile, markup.Input{Link: fakeSite})
}

// runCases converts every case of a case file with in.
func runCases(t *testing.T, casesFile string, in markup.Input) {
	t.Helper()
	cases := readCases(t, casesFile)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	md := markup.New()
	seen := map[int]bool{}
	for i := range cases {
		c := &cases[i]
		if seen[c.No] {
			t.Errorf("%s:%d: case number %d is used twice", casesFile, c.Line, c.No)
		}
		seen[c.No] = true
		var out bytes.Buffer
		errs, err := md.ConvertWith(&out, caseFile, []byte(c.Markdown), in)
		if err != nil {
			t.Errorf("%s:%d: case %d: %v", casesFile, c.Line, c.No, err)
			continue
		}
		errs.Sort()
		gotHTML := strings.TrimRight(out.String(), "\n")
		gotDiags := diagLines(errs)
		if *update {
			c.HTML, c.Diags = gotHTML, gotDiags
			continue
		}
		if gotHTML != c.HTML {
			t.Errorf("%s:%d: case %d: %s\nMarkdown:\n%s\ngot HTML:\n%s\nwant HTML:\n%s", casesFile, c.Line, c.No, c.Desc, c.Markdown, gotHTML, c.HTML)
		}
		if gotDiags != c.Diags {
			t.Errorf("%s:%d: case %d: %s\nMarkdown:\n%s\ngot diagnostics:\n%s\nwant diagnostics:\n%s", casesFile, c.Line, c.No, c.Desc, c.Markdown, gotDiags, c.Diags)
		}
	}
	if *update {
		writeCases(t, casesFile, cases)
	}
}

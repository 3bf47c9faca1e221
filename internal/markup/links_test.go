package markup_test

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/torv/torv/internal/markup"
)

type linkCall struct {
	dest  string
	image bool
}

// TestLinkFuncSeesEveryLinkAndImage checks that each link and image
// destination goes through the page's LinkFunc once, with image set for
// images, and that what it returns is what is published.
func TestLinkFuncSeesEveryLinkAndImage(t *testing.T) {
	tests := []struct {
		name  string
		md    string
		calls []linkCall
		html  string
	}{
		{"inline link", "[a](/x/)", []linkCall{{"/x/", false}}, `<p><a href="/ny/x/">a</a></p>`},
		{"image", "![a](kort.png)", []linkCall{{"kort.png", true}}, `<p><img src="/ny/kort.png" alt="a"></p>`},
		{"reference link", "[a][r]\n\n[r]: ../lov/x.md", []linkCall{{"../lov/x.md", false}}, `<p><a href="/ny/../lov/x.md">a</a></p>`},
		{"link inside an image's alt text is not a link", "![se [her](/x/)](k.png)", []linkCall{{"k.png", true}, {"/x/", false}}, `<p><img src="/ny/k.png" alt="se her"></p>`},
		{"link in a table cell", "| a |\n| - |\n| [b](/y/) |", []linkCall{{"/y/", false}}, "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><a href=\"/ny/y/\">b</a></td>\n</tr>\n</tbody>\n</table>"},
		{"link in a heading keeps the heading's id", "## Se [loven](/lov/)", []linkCall{{"/lov/", false}}, `<h2 id="se-loven">Se <a href="/ny/lov/">loven</a></h2>`},
		{"autolinks are external by nature", "<https://x.dk/>", nil, `<p><a href="https://x.dk/">https://x.dk/</a></p>`},
		{"code is not a link", "`[a](/x/)`", nil, "<p><code>[a](/x/)</code></p>"},
	}
	md := markup.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls []linkCall
			link := func(dest string, image bool) (string, bool, bool) {
				calls = append(calls, linkCall{dest, image})
				return "/ny/" + strings.TrimPrefix(dest, "/"), true, true
			}
			var out bytes.Buffer
			errs, err := md.Convert(&out, "content/a.md", []byte(tt.md), link)
			if err != nil || len(errs) > 0 {
				t.Fatalf("Convert: %v %v", err, errs)
			}
			// The order of calls is the AST's; compare as sets.
			less := func(a, b linkCall) int { return strings.Compare(a.dest, b.dest) }
			slices.SortFunc(calls, less)
			slices.SortFunc(tt.calls, less)
			if !slices.Equal(calls, tt.calls) {
				t.Errorf("LinkFunc calls %v, want %v", calls, tt.calls)
			}
			if got := strings.TrimSpace(out.String()); got != tt.html {
				t.Errorf("got  %s\nwant %s", got, tt.html)
			}
		})
	}
}

func TestMissingLinkErrorNamesTheFix(t *testing.T) {
	md := markup.New()
	var out bytes.Buffer
	errs, _ := md.Convert(&out, "content/a.md", []byte("\n\n\n[a](/nej/)"), func(string, bool) (string, bool, bool) { return "/nej/", true, false })
	if len(errs) != 1 {
		t.Fatalf("got %d diagnostics, want 1: %v", len(errs), errs)
	}
	e := errs[0]
	if e.File != "content/a.md" || e.Line != 4 || e.Col != 1 {
		t.Errorf("error at %s, want content/a.md:4:1", e.Pos())
	}
	if !strings.Contains(e.Hint, "../lov/sygedagpenge.md") || !strings.Contains(e.Hint, "/lov/sygedagpenge/") {
		t.Errorf("hint %q should show both ways of writing a link", e.Hint)
	}
	if e.Level.String() != "error" {
		t.Errorf("a missing page is a %s, want an error", e.Level)
	}
}

func TestExternalAndExistingLinksGiveNoDiagnostics(t *testing.T) {
	md := markup.New()
	var out bytes.Buffer
	src := "[a](https://x.dk/) [b](/ja/) ![c](/ja.png) [d](#frist)"
	errs, err := md.Convert(&out, "content/a.md", []byte(src), fakeSite)
	if err != nil {
		t.Fatal(err)
	}
	// /ja/ and /ja.png are missing in fakeSite: exactly those two.
	if len(errs) != 2 {
		t.Fatalf("got %v, want errors for /ja/ and /ja.png only", errs)
	}
	for _, e := range errs {
		if !strings.Contains(e.Msg, "/ja") {
			t.Errorf("unexpected diagnostic %v", e)
		}
	}
}

var urlAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestDangerousLinksAreNotPublished writes script URLs every way Markdown
// allows and checks that no href or src the browser would run is left,
// whatever the LinkFunc says about them.
func TestDangerousLinksAreNotPublished(t *testing.T) {
	srcs := []string{
		"[a](javascript:alert(1))",
		"[a](jav&#x61;script:alert(1))",
		"[a](&#106;avascript:alert(1))",
		"[a](javascript&colon;alert(1))",
		"[a](JAVASCRIPT:alert(1))",
		"[a](<javascript:alert(1)>)",
		"[a]( javascript:alert(1) )",
		"[a][r]\n\n[r]: javascript:alert(1)",
		"[a][r]\n\n[r]: <jav&#x61;script:alert(1)>",
		"<javascript:alert(1)>",
		"![a](javascript:alert(1))",
		"![a](jav&#x61;script:alert(1))",
		"[a](vbscript:msgbox(1))",
		"[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
		"![a](data:image/svg+xml;base64,PHN2Zz4=)",
		"[a](file:///etc/passwd)",
	}
	links := map[string]markup.LinkFunc{
		"nil":       nil,
		"fake site": fakeSite,
		"echo":      func(d string, _ bool) (string, bool, bool) { return d, false, true },
	}
	md := markup.New()
	for name, link := range links {
		for _, src := range srcs {
			var out bytes.Buffer
			if _, err := md.Convert(&out, "content/a.md", []byte(src), link); err != nil {
				t.Fatal(err)
			}
			for _, m := range urlAttr.FindAllStringSubmatch(out.String(), -1) {
				v := strings.ToLower(strings.TrimSpace(html.UnescapeString(m[1])))
				for _, bad := range []string{"javascript:", "vbscript:", "data:text", "data:image/svg", "file:"} {
					if strings.HasPrefix(v, bad) {
						t.Errorf("LinkFunc %s: %q is published as %s", name, src, m[0])
					}
				}
			}
		}
	}
}

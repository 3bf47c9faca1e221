package markup_test

import (
	"testing"

	"github.com/torv/torv/internal/markup"
)

func TestInline(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Du kan *klage* inden fire uger.", "Du kan <em>klage</em> inden fire uger."},
		{"", ""},
		{"   ", ""},
		{"Læs [reglerne](/lov/sygedagpenge/).", `Læs <a href="/borger/lov/sygedagpenge/">reglerne</a>.`},
		{"~~fire~~ seks uger", "<del>fire</del> seks uger"},
		// Two paragraphs keep theirs: stripping only the outer ones would
		// leave "a</p>\n<p>b".
		{"a\n\nb", "<p>a</p>\n<p>b</p>"},
		{"- et\n- to", "<ul>\n<li>et</li>\n<li>to</li>\n</ul>"},
		{"`<p>`", "<code>&lt;p&gt;</code>"},
		{"Ring <b>nu</b>", "Ring <!-- raw HTML omitted -->nu<!-- raw HTML omitted -->"},
		{"[a](javascript:alert(1))", `<a href="">a</a>`},
	}
	md := markup.New()
	for _, tt := range tests {
		got, _ := md.Inline(tt.in, fakeSite)
		if got != tt.want {
			t.Errorf("Inline(%q)\ngot  %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestInlineReportsMissingLinks: Inline is used for front-matter text (a
// lead, in_short, notes under figures); a link there to a page that does
// not exist must not pass silently.
func TestInlineReportsMissingLinks(t *testing.T) {
	md := markup.New()
	html, errs := md.Inline("Se [reglerne](/lov/findes-ikke/).", fakeSite)
	if html != `Se <a href="/lov/findes-ikke/">reglerne</a>.` {
		t.Errorf("got %q", html)
	}
	if len(errs) == 0 {
		t.Error("a link to a missing page in inline Markdown gives no diagnostic")
	}
}

package markup_test

import (
	"bytes"
	"testing"

	"github.com/torv/torv/internal/markup"
)

func TestLangSpans(t *testing.T) {
	tests := []struct{ name, in, want, warn string }{
		{"a word in Danish", "Your *caseworker* (in Danish [sagsbehandler]{lang=da}) calls you.",
			"<p>Your <em>caseworker</em> (in Danish <span lang=\"da\">sagsbehandler</span>) calls you.</p>\n", ""},
		{"a quoted code and a region", `Skriv til [Försäkringskassan]{lang="sv"} eller [NAV]{ lang = nb-NO }.`,
			"<p>Skriv til <span lang=\"sv\">Försäkringskassan</span> eller <span lang=\"nb-NO\">NAV</span>.</p>\n", ""},
		{"inside a link's text", "[Læs om [sygedagpenge]{lang=da}](/x/)",
			"<p><a href=\"/x/\">Læs om <span lang=\"da\">sygedagpenge</span></a></p>\n", ""},
		{"the text is escaped", "[<b>&]{lang=da}", "<p><span lang=\"da\">&lt;b&gt;&amp;</span></p>\n", ""},
		{"a link stays a link", "[sagsbehandler](/ordliste/)", "<p><a href=\"/ordliste/\">sagsbehandler</a></p>\n", ""},
		{"brackets without an attribute stay text", "[sagsbehandler] og {lang=da}", "<p>[sagsbehandler] og {lang=da}</p>\n", ""},
		{"a language's name is not a code", "[sagsbehandler]{lang=dansk}", "<p>[sagsbehandler]{lang=dansk}</p>\n",
			`a.md:1:22: warning: "dansk" is not a language code`},
	}
	md := markup.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			errs, err := md.Convert(&b, "a.md", []byte(tt.in), nil)
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got  %q\nwant %q", b.String(), tt.want)
			}
			got := ""
			if len(errs) > 0 {
				e := *errs[0]
				e.Hint = ""
				got = e.Error()
			}
			if got != tt.warn {
				t.Errorf("diagnostics %q, want %q", got, tt.warn)
			}
		})
	}
}

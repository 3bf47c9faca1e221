package search

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/torv/torv/internal/language"
)

// sites are small sites per language, written as municipalities write:
// the queries below are what citizens type to find their pages.
var sites = map[string][]Doc{
	"da": {
		{URL: "/lov/boligstoette/", Title: "Boligstøtte", Section: "Love", Keywords: []string{"husleje"},
			Excerpt: "Du kan få hjælp til at betale for din bolig.",
			Text:    "Boligstøtten afhænger af din indkomst. Søg boligstøtte hos Udbetaling Danmark."},
		{URL: "/lov/klage/", Title: "Klage", Section: "Love",
			Text: "Du kan klage over en afgørelse. Skriv til os."},
		{URL: "/lov/klagefrister/", Title: "Sådan klager du over en afgørelse", Section: "Love",
			Headings: []string{"Hvornår skal du klage?"},
			Text:     "Hvornår skal du klage? Du skal klage inden fire uger. En klage skal være skriftlig. Send din klage."},
		{URL: "/lov/sygedagpenge/", Title: "Sygedagpenge", Section: "Love",
			Text: "Er du syg, kan du få sygedagpenge fra kommunen. Sygedagpengene udbetales hver måned."},
		{URL: "/ordliste/mitid/", Title: "MitID", Section: "Ordliste", Keywords: []string{"NemID", "digital signatur"},
			Text: "Dit digitale ID, som du logger ind med."},
		{URL: "/steder/biblioteket/", Title: "Biblioteket", Section: "Steder", Headings: []string{"Åbningstider"},
			Text: "Åbningstider. Biblioteket har åbent hver dag. Tiderne kan ændre sig i ferien."},
		{URL: "/steder/borgerservice/", Title: "Borgerservice", Section: "Steder", Headings: []string{"Tider"},
			Text: "Tider. Borgerservice hjælper med pas og MitID. Bestil en tid."},
		{URL: "/om/", Title: "Om siden", Text: "Siden handler om din bolig, dit job og din sundhed."},
	},
	"sv": {
		{URL: "/sv/lag/forsorjningsstod/", Title: "Försörjningsstöd", Section: "Lagar",
			Text: "Du kan ansöka om försörjningsstöd om du inte kan försörja dig. Stödet prövas varje månad."},
		{URL: "/sv/lag/bostadsbidrag/", Title: "Bostadsbidrag", Section: "Lagar",
			Text: "Bostadsbidrag är ett bidrag till hyran för den som har låg inkomst."},
		{URL: "/sv/platser/biblioteket/", Title: "Biblioteket", Section: "Platser", Headings: []string{"Öppettider"},
			Text: "Öppettider. Biblioteket är öppet alla dagar."},
	},
	"nb": {
		{URL: "/nb/lov/bostotte/", Title: "Bostøtte", Section: "Lover", Keywords: []string{"husleie"},
			Text: "Bostøtte er en støtte til deg som har lav inntekt og høye boutgifter."},
		{URL: "/nb/steder/biblioteket/", Title: "Biblioteket", Section: "Steder", Headings: []string{"Åpningstider"},
			Text: "Åpningstider. Biblioteket er åpent hver dag. Tidene kan endre seg i ferien."},
		{URL: "/nb/om/", Title: "Om nettstedet", Text: "Her finner du informasjon om tjenester og støtte."},
	},
	"en": {
		{URL: "/en/law/complaints/", Title: "Complaints", Section: "Laws",
			Text: "You can complain about a decision. Complaints must be in writing."},
		{URL: "/en/places/library/", Title: "The library", Section: "Places", Headings: []string{"Opening hours"},
			Text: "Opening hours. The library opens every day at nine."},
		{URL: "/en/about/", Title: "About this site", Text: "This site tells you about the library, housing and jobs."},
	},
}

func TestFirstResult(t *testing.T) {
	tests := []struct {
		lang, query, first string
	}{
		{"da", "boligstøtte", "/lov/boligstoette/"},
		{"da", "BOLIGSTØTTE", "/lov/boligstoette/"},
		{"da", "boligstoette", "/lov/boligstoette/"},
		{"da", "boligstotte", "/lov/boligstoette/"},
		{"da", "boligstøttens", "/lov/boligstoette/"}, // a form the site does not use
		{"da", "støtte", "/lov/boligstoette/"},        // the last part of a compound
		{"da", "husleje", "/lov/boligstoette/"},       // a keyword
		{"da", "aabningstider", "/steder/biblioteket/"},
		{"da", "tider", "/steder/borgerservice/"}, // its heading is the word itself
		{"da", "sygeda", "/lov/sygedagpenge/"},    // a prefix, while typing
		{"da", "sygedagpemge", "/lov/sygedagpenge/"},
		{"da", "sygedagpengene", "/lov/sygedagpenge/"},
		{"da", "MITID", "/ordliste/mitid/"},
		{"da", "nemid", "/ordliste/mitid/"}, // a glossary alias
		{"da", "klage", "/lov/klage/"},      // the title is the query
		{"da", "klager afgørelse", "/lov/klagefrister/"},
		{"da", "åbningstider biblioteket", "/steder/biblioteket/"},
		{"sv", "försörjningsstöd", "/sv/lag/forsorjningsstod/"},
		{"sv", "forsorjningsstod", "/sv/lag/forsorjningsstod/"},
		{"sv", "stöd", "/sv/lag/forsorjningsstod/"},
		{"sv", "bidrag", "/sv/lag/bostadsbidrag/"},
		{"sv", "oppettider", "/sv/platser/biblioteket/"},
		{"nb", "bostøtte", "/nb/lov/bostotte/"},
		{"nb", "støtte", "/nb/lov/bostotte/"},
		{"nb", "husleie", "/nb/lov/bostotte/"},
		{"nb", "apningstider", "/nb/steder/biblioteket/"},
		{"en", "complaint", "/en/law/complaints/"},
		{"en", "Complaints", "/en/law/complaints/"},
		{"en", "opening hours", "/en/places/library/"},
		{"en", "librar", "/en/places/library/"},
		{"en", "libary", "/en/places/library/"}, // one letter left out
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.query, func(t *testing.T) {
			rs := search(t, tt.lang, tt.query)
			if len(rs) == 0 {
				t.Fatalf("%q found nothing, want %s first", tt.query, tt.first)
			}
			if rs[0].URL != tt.first {
				t.Errorf("%q: first %s, want %s (all: %s)", tt.query, rs[0].URL, tt.first, urls(rs))
			}
		})
	}
}

func TestNoResults(t *testing.T) {
	tests := []struct{ lang, query string }{
		{"da", "xyzzy"},
		{"da", "boligstøtte xyzzy"},     // every word must find the page
		{"da", "complaints"},            // each language searches its own pages
		{"en", "boligstøtte"},           // and no other's
		{"da", "klo"},                   // three letters: no typos
		{"da", "sygedagpenge sygedagp"}, // found
	}
	for _, tt := range tests[:5] {
		if rs := search(t, tt.lang, tt.query); len(rs) != 0 {
			t.Errorf("%s %q found %s, want nothing", tt.lang, tt.query, urls(rs))
		}
	}
	if rs := search(t, "da", tests[5].query); len(rs) != 1 {
		t.Errorf("%q found %s, want the one page", tests[5].query, urls(rs))
	}
}

func TestTitleBeforeBody(t *testing.T) {
	rs := search(t, "da", "mitid")
	if len(rs) != 2 || rs[1].URL != "/steder/borgerservice/" {
		t.Errorf("mitid found %s, want the term, then borgerservice, which names it", urls(rs))
	}
	if rs[0].Score <= rs[1].Score {
		t.Errorf("the title's score %.1f is not above the body's %.1f", rs[0].Score, rs[1].Score)
	}
}

func TestResultData(t *testing.T) {
	rs := search(t, "da", "boligstøtte")
	want := Result{URL: "/lov/boligstoette/", Title: "Boligstøtte", Section: "Love",
		Excerpt: "Du kan få hjælp til at betale for din bolig. Boligstøtten afhænger af din indkomst. Søg boligstøtte hos Udbetaling Danmark."}
	if got := rs[0]; got.URL != want.URL || got.Title != want.Title || got.Section != want.Section || got.Excerpt != want.Excerpt {
		t.Errorf("result %+v, want %+v", got, want)
	}
}

func search(t *testing.T, lang, query string) []Result {
	t.Helper()
	l := language.Get(lang)
	files := map[string][]byte{}
	for _, f := range Build(l, sites[lang], Limits{Shards: 100, Chunks: 100}) {
		files[f.Name] = f.Bytes
	}
	x, err := Open(l, func(name string) ([]byte, error) {
		b, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("no file %s", name)
		}
		return b, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := x.Search(query)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func urls(rs []Result) string {
	var s []string
	for _, r := range rs {
		s = append(s, fmt.Sprintf("%s (%.1f)", r.URL, r.Score))
	}
	return "[" + strings.Join(s, " ") + "]"
}

// TestFinds holds the pages a query must find, wherever they rank.
func TestFinds(t *testing.T) {
	tests := []struct{ lang, query, url string }{
		{"da", "tider", "/steder/biblioteket/"},       // åbningstider
		{"da", "dagpenge", "/lov/sygedagpenge/"},      // sygedagpenge
		{"da", "signatur", "/ordliste/mitid/"},        // an alias's word
		{"sv", "stödet", "/sv/lag/forsorjningsstod/"}, // an ending taken off
		{"nb", "tider", "/nb/steder/biblioteket/"},
		{"en", "hour", "/en/places/library/"},
	}
	for _, tt := range tests {
		rs := search(t, tt.lang, tt.query)
		if !strings.Contains(urls(rs), tt.url+" ") {
			t.Errorf("%s %q found %s, want %s among them", tt.lang, tt.query, urls(rs), tt.url)
		}
	}
}

// TestCommonWords: on a large site a group lists only its best pages
// (MaxPostings), and words on more pages than that must not hide the
// pages the other words of the query find (the page whose title is the
// query was lost among 1 200 pages with the same first words).
func TestCommonWords(t *testing.T) {
	l := language.Get("da")
	var docs []Doc
	for i := range 3 * MaxPostings {
		docs = append(docs, Doc{URL: fmt.Sprintf("/initiativ-%d/", i), Title: fmt.Sprintf("Initiativ om offentlige breve %d", i),
			Text: "Et initiativ fra kommunen om offentlige breve i sagen."})
	}
	docs = append(docs, Doc{URL: "/aktindsigt/", Title: "Initiativ offentlige aktindsigt", Text: "Om aktindsigt."},
		Doc{URL: "/vejr/", Title: "Vejret", Text: "Sol over byen, et initiativ fra kommunen."})
	files := map[string][]byte{}
	for _, f := range Build(l, docs, Limits{Shards: 20, Chunks: 20}) {
		files[f.Name] = f.Bytes
	}
	x, err := Open(l, func(name string) ([]byte, error) {
		if b, ok := files[name]; ok {
			return b, nil
		}
		return nil, fmt.Errorf("no file %s", name)
	})
	if err != nil {
		t.Fatal(err)
	}
	for query, want := range map[string]string{
		"initiativ offentlige aktindsigt": "/aktindsigt/", // two words on more pages than a group lists
		"initiativ sol":                   "/vejr/",       // one word on every page, one on one
	} {
		rs, err := x.Search(query)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 || rs[0].URL != want {
			t.Errorf("%q: %d results, first %v; want %s first", query, len(rs), rs[:min(len(rs), 3)], want)
		}
	}
}

// TestAppendRow: a row is written as encoding/json writes it, whatever
// its strings hold.
func TestAppendRow(t *testing.T) {
	for _, s := range []string{"", "Boligstøtte", `"citat" \\ <b>&amp;`, "linje\nny\t", "a\u2028b\u2029c", "ugyldig \xff\xfe", "æøå – “x”"} {
		want, _ := json.Marshal([4]string{"/a/", s, s, s})
		if got := appendRow(nil, "/a/", s, s, s); string(got) != string(want) {
			t.Errorf("%q: %s, want %s", s, got, want)
		}
	}
}

package check

import (
	"fmt"
	"strings"
	"testing"
)

// The texts' LIX, counted by hand: W words, S sentences, L words of more
// than six letters; LIX = W/S + 100·L/W.
var lixCases = []struct {
	lang        string
	hard, easy  string
	hardLIX     string
	hardWords   int
	hardPerLong int
}{
	{
		// "Ansøgningen om økonomisk hjælp skal indeholde dokumentation for
		// husstandens samlede indtægtsforhold." W=11; long: Ansøgningen
		// (11), økonomisk (9), indeholde (9), dokumentation (13),
		// husstandens (11), samlede (7), indtægtsforhold (15): L=7.
		// Three times: W=33 S=3 L=21: 11 + 100·21/33 = 11 + 63.64 = 74.64.
		// "Du kan ringe til os hver dag." W=7 L=0; five times: 35/5 = 7.
		lang:    "da",
		hard:    "Ansøgningen om økonomisk hjælp skal indeholde dokumentation for husstandens samlede indtægtsforhold. ",
		easy:    "Du kan ringe til os hver dag. ",
		hardLIX: "LIX 75 (svær) is above 50: 33 words in 3 sentences, 64% long words",
	},
	{
		// "Ansökan om ekonomiskt bistånd ska innehålla dokumentation av
		// hushållets sammanlagda inkomster." W=11; long: Ansökan (7),
		// ekonomiskt (10), bistånd (7), innehålla (9), dokumentation (13),
		// hushållets (10), sammanlagda (11), inkomster (9): L=8.
		// Three times: 11 + 100·24/33 = 11 + 72.73 = 83.73.
		// "Du kan ringa oss varje dag." W=6 L=0; five times: 30/5 = 6.
		lang:    "sv",
		hard:    "Ansökan om ekonomiskt bistånd ska innehålla dokumentation av hushållets sammanlagda inkomster. ",
		easy:    "Du kan ringa oss varje dag. ",
		hardLIX: "LIX 84 (svær) is above 50: 33 words in 3 sentences, 73% long words",
	},
	{
		// "Søknaden om økonomisk stønad skal inneholde dokumentasjon av
		// husstandens samlede inntekter." W=11; long: Søknaden (8),
		// økonomisk (9), inneholde (9), dokumentasjon (13), husstandens
		// (11), samlede (7), inntekter (9): L=7 (stønad has six letters).
		// Three times: 11 + 100·21/33 = 74.64.
		// "Du kan ringe oss hver dag." W=6 L=0: 6.
		lang:    "nb",
		hard:    "Søknaden om økonomisk stønad skal inneholde dokumentasjon av husstandens samlede inntekter. ",
		easy:    "Du kan ringe oss hver dag. ",
		hardLIX: "LIX 75 (svær) is above 50: 33 words in 3 sentences, 64% long words",
	},
	{
		// "Applications for financial assistance must include documentation
		// of household income arrangements." W=11; long: Applications
		// (12), financial (9), assistance (10), include (7), documentation
		// (13), household (9), arrangements (12): L=7 (income has six).
		// Three times: 74.64.
		// "You can call us every day." W=6 L=0: 6.
		lang:    "en",
		hard:    "Applications for financial assistance must include documentation of household income arrangements. ",
		easy:    "You can call us every day. ",
		hardLIX: "LIX 75 (svær) is above 50: 33 words in 3 sentences, 64% long words",
	},
}

func TestLIXRule(t *testing.T) {
	for _, tc := range lixCases {
		t.Run(tc.lang, func(t *testing.T) {
			r := testSite(t, tc.lang, "", map[string]string{
				"content/svaer.md": page("Svær", strings.Repeat(tc.hard, 3)),
				"content/let.md":   page("Let", strings.Repeat(tc.easy, 5)),
				"content/kort.md":  page("Kort", tc.hard),
			})
			expect(t, found(r, "lix"), "content/svaer.md:6:1: error: "+tc.hardLIX)
			if p := r.Page("content/let.md"); p.Band != BandEasy || fmtLIX(p.LIX) != "7" && fmtLIX(p.LIX) != "6" {
				t.Errorf("easy page: LIX %.2f, band %q", p.LIX, p.Band)
			}
			// Eleven words are too few to judge: the LIX is there, the band
			// is not.
			if p := r.Page("content/kort.md"); p.Band != "" || fmtLIX(p.LIX) != fmtLIX(r.Page("content/svaer.md").LIX) {
				t.Errorf("short page: LIX %.2f, band %q", p.LIX, p.Band)
			}
		})
	}
}

// TestLIXReadsRunningTextOnly: LIX reads the running text a citizen reads
// (paragraphs, lists, quotes, the description), not code, tables,
// headings or image files, in every language.
func TestLIXReadsRunningTextOnly(t *testing.T) {
	for _, tc := range lixCases {
		t.Run(tc.lang, func(t *testing.T) {
			// The easy sentence six times as a paragraph, a list and a
			// quote; the hard one in a heading, a table, code and an
			// image's alt text, where it does not count.
			hard := strings.TrimSpace(tc.hard)
			body := strings.Repeat(tc.easy, 2) + "\n\n- " + tc.easy + "\n- " + tc.easy + "\n\n> " + strings.Repeat(tc.easy, 2) +
				"\n\n## " + strings.TrimSuffix(hard, ".") + "\n\n| " + hard + " |\n|---|\n| " + hard + " |\n\n```\n" + hard + "\n```\n\n`" + hard + "`\n\n![" + hard + "](kort.png)\n"
			r := testSite(t, tc.lang, "", map[string]string{
				"content/a.md":     page("A", body, `description = "`+strings.TrimSpace(tc.easy)+`"`),
				"content/kort.png": "png",
			})
			p := r.Page("content/a.md")
			// Seven easy sentences (six and the description), no long
			// word: W = 7·words, S = 7, L = 0, so LIX = words per sentence.
			words := len(strings.Fields(tc.easy))
			if p.Stats.Words != 7*words || p.Stats.Sentences != 7 || p.Stats.Long != 0 || fmtLIX(p.LIX) != fmt.Sprint(words) {
				t.Errorf("stats %+v, LIX %.2f; want %d words, 7 sentences, no long word, LIX %d", p.Stats, p.LIX, 7*words, words)
			}
		})
	}
}

func TestLIXWarningAndHardestSentences(t *testing.T) {
	// "Kommunen hjælper dig gerne, hvis du har spørgsmål til din ansøgning
	// eller til dine penge." W=15; long: Kommunen (8), hjælper (7),
	// spørgsmål (9), ansøgning (9): L=4. Twice: 30/2 + 100·8/30 = 15 +
	// 26.67 = 41.67: above 40, a warning.
	medium := "Kommunen hjælper dig gerne, hvis du har spørgsmål til din ansøgning eller til dine penge. "
	// Easy sentences (LIX 7) and one hard one (74.64 on its own): the hard
	// one raises the page's LIX most, the easy ones not at all.
	mixed := strings.Repeat("Du kan ringe til os hver dag. ", 4) + "\n\nAnsøgningen om økonomisk hjælp skal indeholde dokumentation for husstandens samlede indtægtsforhold.\n"
	r := testSite(t, "da", "", map[string]string{
		"content/middel.md":  page("Middel", medium+medium),
		"content/blandet.md": page("Blandet", mixed),
	})
	expect(t, found(r, "lix"), "content/middel.md:6:1: warning: LIX 42 (middel) is above 40: 30 words in 2 sentences, 27% long words")
	p := r.Page("content/blandet.md")
	if len(p.Hardest) != 1 || p.Hardest[0].Line != 8 || !strings.HasPrefix(p.Hardest[0].Text, "Ansøgningen om økonomisk") {
		t.Errorf("hardest sentences %+v, want only the one on line 8", p.Hardest)
	}
	// W=39 S=5 L=7: 7.8 + 17.95 = 25.75; without the hard sentence 7:
	// it raises the LIX by 18.75.
	if h := p.Hardest[0]; h.Words != 11 || h.Long != 7 || fmtLIX(h.Raise*100) != "1875" {
		t.Errorf("hardest sentence %+v, want 11 words, 7 long, raising the LIX by 18.75", h)
	}
}

func TestLIXLimitsFromConfig(t *testing.T) {
	medium := "Kommunen hjælper dig gerne, hvis du har spørgsmål til din ansøgning eller til dine penge. "
	r := testSite(t, "da", "\n[check.lix]\nwarning = 30\nerror = 41\n", map[string]string{
		"content/middel.md": page("Middel", medium+medium),
	})
	expect(t, found(r, "lix"), "content/middel.md:6:1: error: LIX 42 (svær) is above 41")
}

// Sentences of 28 to 32 words, each with an abbreviation before a capital
// in the middle: were it taken as the end of the sentence, both halves
// would be short enough. "jf." (da, nb), "t.ex." (sv) and "e.g." (en) do
// not end a sentence.
var longSentences = map[string]string{
	// Du kan klage over afgørelsen inden fire uger efter, at du har fået
	// den, jf. Forvaltningsloven, og vi ser på sagen igen, før den går
	// videre til Ankestyrelsen: 28 words; the comma after word 14 ("den")
	// is nearest the middle.
	"da": "Du kan klage over afgørelsen inden fire uger efter, at du har fået den, jf. Forvaltningsloven, og vi ser på sagen igen, før den går videre til Ankestyrelsen.",
	// 28 words; the comma after "det" (13) is nearest the middle.
	"sv": "Du kan överklaga beslutet inom tre veckor efter att du har fått det, t.ex. Försäkringskassans beslut, och då prövar vi ärendet igen innan det skickas vidare till domstolen.",
	// 29 words; "det" is word 14.
	"nb": "Du kan klage på vedtaket innen tre uker etter at du har fått det, jf. Forvaltningsloven, og da vurderer vi saken på nytt før den sendes videre til Statsforvalteren.",
	// 32 words; "it" is word 14.
	"en": "You can appeal against the decision within three weeks after you have received it, e.g. Housing Benefit decisions, and then we look at the case again before it goes to the tribunal.",
}

var longSentenceWant = map[string]struct{ words, split string }{
	"da": {"28", `"den," (word 14)`},
	"sv": {"28", `"det," (word 13)`},
	"nb": {"29", `"det," (word 14)`},
	"en": {"32", `"it," (word 14)`},
}

func TestLongSentence(t *testing.T) {
	// Du kan ringe til os hver dag fra klokken otte til klokken fire, og
	// du kan også skrive gerne til os, når det passer dig: 25 words, the
	// limit, so no finding.
	ok25 := "Du kan ringe til os hver dag fra klokken otte til klokken fire, og du kan også skrive gerne til os, når det passer dig."
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			r := testSite(t, lang, "", map[string]string{"content/a.md": page("A", longSentences[lang]+"\n\n"+ok25)})
			w := longSentenceWant[lang]
			expect(t, found(r, "long-sentence"), "content/a.md:6:1: warning: sentence of "+w.words+" words; the limit is 25")
			if h := hints(r, "long-sentence"); len(h) != 1 || !strings.Contains(h[0], w.split) {
				t.Errorf("fix %q, want it to split at %s", h, w.split)
			}
		})
	}
	r := testSite(t, "da", "\n[check.long-sentence]\nwords = 30\n", map[string]string{"content/a.md": page("A", longSentences["da"])})
	expect(t, found(r, "long-sentence"))
}

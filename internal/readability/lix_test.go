package readability

import (
	"math"
	"testing"
)

// Each text's LIX is counted by hand in its comment: words (W), sentences
// (S) and words of more than six letters (L), then W/S + 100·L/W.
var lixTexts = []struct {
	name, lang, text string
	want             Stats
	lix              float64
}{
	{
		// "Du kan få sygedagpenge, hvis du er syg." 8 words; long:
		// sygedagpenge (12). "Ring til din sagsbehandler i dag." 6 words;
		// long: sagsbehandler (13).
		// W=14 S=2 L=2: 14/2 + 100·2/14 = 7 + 14.29 = 21.29
		name: "da plain", lang: "da",
		text: "Du kan få sygedagpenge, hvis du er syg. Ring til din sagsbehandler i dag.",
		want: Stats{Words: 14, Sentences: 2, Long: 2}, lix: 21.29,
	},
	{
		// "24." and "27." come before a lower-case word and "kl." is an
		// abbreviation, so none of them ends a sentence.
		// "Vi holder lukket den 24. december." Vi, holder (6, not more
		// than 6), lukket (6), den, 24, december (8): 6 words, 1 long.
		// "Kom fx igen kl. 9 den 27. december, når vi åbner." Kom, fx,
		// igen, kl, 9, den, 27, december (8), når, vi, åbner: 11 words,
		// 1 long.
		// W=17 S=2 L=2: 17/2 + 100·2/17 = 8.5 + 11.76 = 20.26
		name: "da dates and abbreviations", lang: "da",
		text: "Vi holder lukket den 24. december. Kom fx igen kl. 9 den 27. december, når vi åbner.",
		want: Stats{Words: 17, Sentences: 2, Long: 2}, lix: 20.26,
	},
	{
		// "Dit CPR-nummer står på borger.dk." Dit, CPR-nummer (9 letters),
		// står, på, borger.dk (8): 5 words, 2 long.
		// "Det koster 12,5 kr. om måneden." Det, koster (6), 12,5, kr, om,
		// måneden (7): 6 words, 1 long ("kr." before "om" is no end).
		// W=11 S=2 L=3: 11/2 + 100·3/11 = 5.5 + 27.27 = 32.77
		name: "da compounds and numbers", lang: "da",
		text: "Dit CPR-nummer står på borger.dk. Det koster 12,5 kr. om måneden.",
		want: Stats{Words: 11, Sentences: 2, Long: 3}, lix: 32.77,
	},
	{
		// "Bevillingen er givet i henhold til lov om aktiv
		// beskæftigelsesindsats, jf. § 12." Bevillingen (11), er, givet,
		// i, henhold (7), til, lov, om, aktiv, beskæftigelsesindsats (21),
		// jf, 12: 12 words, 3 long; "§" is no word, and "jf." before "§"
		// is an abbreviation. One sentence.
		// W=12 S=1 L=3: 12/1 + 100·3/12 = 12 + 25 = 37
		name: "da officialese", lang: "da",
		text: "Bevillingen er givet i henhold til lov om aktiv beskæftigelsesindsats, jf. § 12.",
		want: Stats{Words: 12, Sentences: 1, Long: 3}, lix: 37,
	},
	{
		// "Du kan söka bostadsbidrag hos Försäkringskassan." Du, kan,
		// söka, bostadsbidrag (13), hos, Försäkringskassan (17): 6 words,
		// 2 long.
		// "Ansökan ska vara inne t.ex. före den 1 juni!" Ansökan (7), ska,
		// vara, inne, t.ex (3 letters), före, den, 1, juni: 9 words, 1
		// long.
		// W=15 S=2 L=3: 15/2 + 100·3/15 = 7.5 + 20 = 27.5
		name: "sv", lang: "sv",
		text: "Du kan söka bostadsbidrag hos Försäkringskassan. Ansökan ska vara inne t.ex. före den 1 juni!",
		want: Stats{Words: 15, Sentences: 2, Long: 3}, lix: 27.5,
	},
	{
		// "Kontakta oss enl. beslutet från 2024. Du får svar inom tre
		// dagar." With "enl." an abbreviation before a lower-case word.
		// Kontakta (8), oss, enl, beslutet (8), från, 2024: 6 words, 2
		// long. Du, får, svar, inom, tre, dagar: 6 words, 0 long.
		// W=12 S=2 L=2: 12/2 + 100·2/12 = 6 + 16.67 = 22.67
		name: "sv abbreviation", lang: "sv",
		text: "Kontakta oss enl. beslutet från 2024. Du får svar inom tre dagar.",
		want: Stats{Words: 12, Sentences: 2, Long: 2}, lix: 22.67,
	},
	{
		// "Har du spørsmål?" Har, du, spørsmål (8): 3 words, 1 long.
		// "Ring oss på telefon, eller skriv til kommunen:" the colon
		// before a space ends it: Ring, oss, på, telefon (7), eller,
		// skriv, til, kommunen (8): 8 words, 2 long.
		// "vi svarer raskt." 3 words, 0 long.
		// W=14 S=3 L=3: 14/3 + 100·3/14 = 4.67 + 21.43 = 26.10
		name: "nb", lang: "nb",
		text: "Har du spørsmål? Ring oss på telefon, eller skriv til kommunen: vi svarer raskt.",
		want: Stats{Words: 14, Sentences: 3, Long: 3}, lix: 26.10,
	},
	{
		// "Søknaden må være mottatt innen fristen, jf. forskriften."
		// Søknaden (8), må, være, mottatt (7), innen, fristen (7), jf,
		// forskriften (11): 8 words, 4 long. One sentence.
		// W=8 S=1 L=4: 8/1 + 100·4/8 = 8 + 50 = 58
		name: "nb officialese", lang: "nb",
		text: "Søknaden må være mottatt innen fristen, jf. forskriften.",
		want: Stats{Words: 8, Sentences: 1, Long: 4}, lix: 58,
	},
	{
		// "Mr. Hansen can apply for housing benefit." "Mr." is an
		// abbreviation before a capital: Mr, Hansen (6), can, apply, for,
		// housing (7), benefit (7): 7 words, 2 long.
		// "Read the guidance, e.g. the leaflet from 2024." Read, the,
		// guidance (8), e.g, the, leaflet (7), from, 2024: 8 words, 2
		// long.
		// W=15 S=2 L=4: 15/2 + 100·4/15 = 7.5 + 26.67 = 34.17
		name: "en", lang: "en",
		text: "Mr. Hansen can apply for housing benefit. Read the guidance, e.g. the leaflet from 2024.",
		want: Stats{Words: 15, Sentences: 2, Long: 4}, lix: 34.17,
	},
	{
		// `She said: "That's fine." Then she left.` The colon ends "She
		// said" (2 words); the full stop inside the quotes ends "That's
		// fine" (2 words; "That's" is one word); "Then she left" 3 words.
		// W=7 S=3 L=0: 7/3 = 2.33
		name: "en quotes", lang: "en",
		text: `She said: "That's fine." Then she left.`,
		want: Stats{Words: 7, Sentences: 3, Long: 0}, lix: 2.33,
	},
	{
		// No words, no LIX.
		name: "empty", lang: "da", text: " … ", want: Stats{}, lix: 0,
	},
}

func TestLIX(t *testing.T) {
	for _, tt := range lixTexts {
		t.Run(tt.name, func(t *testing.T) {
			got := Of(tt.text, tt.lang)
			if got != tt.want {
				t.Errorf("counts = %+v, want %+v", got, tt.want)
			}
			if lix := got.LIX(); math.Abs(lix-tt.lix) > 0.005 {
				t.Errorf("LIX = %.4f, want %.2f", lix, tt.lix)
			}
		})
	}
}

func TestStatsSub(t *testing.T) {
	// The text "Ja. Det er en rigtig lang sætning." without its second
	// sentence is "Ja.": W=1 S=1 L=0, LIX 1.
	all := Of("Ja. Det er en rigtig lang sætning.", "da")
	if want := (Stats{Words: 7, Sentences: 2, Long: 1}); all != want {
		t.Fatalf("counts = %+v, want %+v", all, want)
	}
	var tx Text
	text := []byte("Ja. Det er en rigtig lang sætning.")
	tx.Split(text, 0, len(text), "da")
	if rest := all.Sub(tx.Of(1)); rest != (Stats{Words: 1, Sentences: 1}) || rest.LIX() != 1 {
		t.Errorf("without the second sentence: %+v, LIX %v", rest, rest.LIX())
	}
}

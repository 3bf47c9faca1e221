package language

import (
	"reflect"
	"strings"
	"testing"
)

// split returns the words and the sentences of one block.
func split(l *Language, text string) (words, sentences []string) {
	start := -1
	for t := range l.Tokens([]byte(text)) {
		if t.Kind == Word {
			words = append(words, text[t.Start:t.End])
			if start < 0 {
				start = t.Start
			}
			continue
		}
		sentences = append(sentences, text[start:t.End])
		start = -1
	}
	if start >= 0 && len(words) > 0 {
		sentences = append(sentences, strings.TrimRightFunc(text[start:], func(r rune) bool { return r == ' ' }))
	}
	return words, sentences
}

func TestSplit(t *testing.T) {
	tests := []struct {
		lang, text string
		words      []string
		sentences  []string
	}{
		// Abbreviations a full stop follows inside a sentence, before a capital.
		{"da", "Se f.eks. Forvaltningsloven. Den gælder.", []string{"Se", "f.eks", "Forvaltningsloven", "Den", "gælder"},
			[]string{"Se f.eks. Forvaltningsloven.", "Den gælder."}},
		{"da", "Se bl.a. Forvaltningsloven. Den gælder.", []string{"Se", "bl.a", "Forvaltningsloven", "Den", "gælder"},
			[]string{"Se bl.a. Forvaltningsloven.", "Den gælder."}},
		{"da", "Ring fx. Mandag er bedst.", []string{"Ring", "fx", "Mandag", "er", "bedst"},
			[]string{"Ring fx. Mandag er bedst."}},
		{"nb", "Se f.eks. Lovdata. Den gjelder.", []string{"Se", "f.eks", "Lovdata", "Den", "gjelder"},
			[]string{"Se f.eks. Lovdata.", "Den gjelder."}},
		{"sv", "Läs t.ex. Socialtjänstlagen. Sen då?", []string{"Läs", "t.ex", "Socialtjänstlagen", "Sen", "då"},
			[]string{"Läs t.ex. Socialtjänstlagen.", "Sen då?"}},
		{"sv", "Läs bl.a. Lagen. Sen.", []string{"Läs", "bl.a", "Lagen", "Sen"}, []string{"Läs bl.a. Lagen.", "Sen."}},
		{"en", "Read e.g. The Act. Then call.", []string{"Read", "e.g", "The", "Act", "Then", "call"},
			[]string{"Read e.g. The Act.", "Then call."}},
		{"en", "Dr. Berg said: wait (don't go).", []string{"Dr", "Berg", "said", "wait", "don't", "go"},
			[]string{"Dr. Berg said:", "wait (don't go)."}},
		// An abbreviation of one language is a word in another.
		{"en", "Read t.ex. The Act.", []string{"Read", "t.ex", "The", "Act"}, []string{"Read t.ex.", "The Act."}},
		// Numbers: a full stop or comma between digits is inside the word.
		{"da", "Det koster 1.500 kr. om måneden.", []string{"Det", "koster", "1.500", "kr", "om", "måneden"},
			[]string{"Det koster 1.500 kr. om måneden."}},
		{"da", "Det koster 1.000 kr. eller 12,5 %, fx i alt.", []string{"Det", "koster", "1.000", "kr", "eller", "12,5", "fx", "i", "alt"},
			[]string{"Det koster 1.000 kr. eller 12,5 %, fx i alt."}},
		{"en", "It costs 1,500.50 a year. Pay now.", []string{"It", "costs", "1,500.50", "a", "year", "Pay", "now"},
			[]string{"It costs 1,500.50 a year.", "Pay now."}},
		{"da", "Vi holder lukket den 24. december. Kom igen.", []string{"Vi", "holder", "lukket", "den", "24", "december", "Kom", "igen"},
			[]string{"Vi holder lukket den 24. december.", "Kom igen."}},
		{"da", "Åbent kl. 9:30-15. Lukket i dag", []string{"Åbent", "kl", "9:30-15", "Lukket", "i", "dag"},
			[]string{"Åbent kl. 9:30-15.", "Lukket i dag"}},
		{"da", "Åbent 9–15, se side 3/4 og § 12.", []string{"Åbent", "9", "15", "se", "side", "3", "4", "og", "12"},
			[]string{"Åbent 9–15, se side 3/4 og § 12."}},
		// Compounds, addresses, marks, quotes.
		{"da", "Dit CPR-nummer står på borger.dk.", []string{"Dit", "CPR-nummer", "står", "på", "borger.dk"},
			[]string{"Dit CPR-nummer står på borger.dk."}},
		{"da", "Ring, skriv - eller kom forbi!", []string{"Ring", "skriv", "eller", "kom", "forbi"},
			[]string{"Ring, skriv - eller kom forbi!"}},
		{"da", "Hvad så?! Vent... Nu.", []string{"Hvad", "så", "Vent", "Nu"}, []string{"Hvad så?!", "Vent...", "Nu."}},
		{"nb", "Han sa «Nei.» Så gikk han.", []string{"Han", "sa", "Nei", "Så", "gikk", "han"},
			[]string{"Han sa «Nei.»", "Så gikk han."}},
		{"da", "En ide\u0301 og en sags\u00adbehandler.", []string{"En", "ide\u0301", "og", "en", "sags\u00adbehandler"},
			[]string{"En ide\u0301 og en sags\u00adbehandler."}},
		// A language torv does not know has no abbreviations.
		{"de", "Siehe z.B. Seite 3.", []string{"Siehe", "z.B", "Seite", "3"}, []string{"Siehe z.B.", "Seite 3."}},
	}
	for _, tt := range tests {
		words, sentences := split(Get(tt.lang), tt.text)
		if !reflect.DeepEqual(words, tt.words) {
			t.Errorf("%s %q: words %q, want %q", tt.lang, tt.text, words, tt.words)
		}
		if !reflect.DeepEqual(sentences, tt.sentences) {
			t.Errorf("%s %q: sentences %q, want %q", tt.lang, tt.text, sentences, tt.sentences)
		}
	}
}

func TestLetters(t *testing.T) {
	tests := []struct {
		word    string
		letters int
	}{
		{"CPR-nummer", 9}, {"2026", 0}, {"12,5", 0}, {"bl.a", 3}, {"sygesikringskort", 16},
		{"ide\u0301", 3}, {"Ærø", 3}, {"don't", 4},
	}
	for _, tt := range tests {
		var got []Token
		for w := range Get("da").Words([]byte(tt.word)) {
			got = append(got, w)
		}
		if len(got) != 1 || got[0].Letters != tt.letters {
			t.Errorf("%q: %+v, want one word of %d letters", tt.word, got, tt.letters)
		}
	}
}

func TestIsWordRune(t *testing.T) {
	for _, r := range "aZ09æøåÄÖéß\u0301\u030aπж²" {
		if !IsWordRune(r) {
			t.Errorf("%q (%U) is no word rune", r, r)
		}
	}
	for _, r := range " -.,:'’§/–\u00ad\u00a0\"«" {
		if IsWordRune(r) {
			t.Errorf("%q (%U) is a word rune", r, r)
		}
	}
}

func TestParts(t *testing.T) {
	tests := []struct {
		word  string
		parts []string
	}{
		{"CPR-nummer", []string{"CPR", "nummer"}},
		{"CPR's", []string{"CPR", "s"}},
		{"digital\u2011post", []string{"digital", "post"}},
		{"borger.dk", []string{"borger.dk"}},
		{"klage", []string{"klage"}},
	}
	for _, tt := range tests {
		var got []string
		b := []byte(tt.word)
		parts(b, 0, len(b), func(s, e int) { got = append(got, tt.word[s:e]) })
		if !reflect.DeepEqual(got, tt.parts) {
			t.Errorf("parts of %q = %q, want %q", tt.word, got, tt.parts)
		}
	}
}

func TestScannerAllocatesNothing(t *testing.T) {
	text := []byte(strings.Repeat("Du kan få hjælp, jf. reglerne. Ring i dag! ", 200))
	l := Get("da")
	allocs := testing.AllocsPerRun(20, func() {
		s := l.Scan(text, 0, len(text))
		for _, ok := s.Next(); ok; _, ok = s.Next() {
		}
	})
	if allocs > 0 {
		t.Errorf("Scan allocates %v times", allocs)
	}
}

func TestGet(t *testing.T) {
	tests := []struct{ code, want string }{
		{"da", "da"}, {"DA", "da"}, {"da-DK", "da"}, {"sv-FI", "sv"}, {"nb", "nb"}, {"no", "nb"}, {"nn", "nb"},
		{"en-GB", "en"}, {"", "und"}, {"de", "und"},
	}
	for _, tt := range tests {
		if got := Get(tt.code).Code; got != tt.want {
			t.Errorf("Get(%q) = %s, want %s", tt.code, got, tt.want)
		}
	}
	if Get("de").Known() || !Get("sv").Known() {
		t.Error("Known")
	}
}

// TestWordsAreTokens: Words skips the sentence rules, and yields the words
// Tokens does, in every language.
func TestWordsAreTokens(t *testing.T) {
	texts := []string{
		"Hej. Du kan bl.a. søge om CPR-nummer, kl. 9:30 til 12,5 … «Ja!» sagde hun.",
		"Don't stop: it's 1.500 kr. (se borger.dk). Ærø-færgen?! Nej... ja.",
		"ide\u0301 \u00adsoft\u00adhyphen – – 'quoted' ’tis “x” [a](b) *c* _d_ .e. -f- 2026.",
		"", "...", "a", "æ ø å ä ö ß π ж²",
	}
	for _, l := range All() {
		for _, text := range texts {
			var words, tokens []Token
			for w := range l.Words([]byte(text)) {
				words = append(words, w)
			}
			for tok := range l.Tokens([]byte(text)) {
				if tok.Kind == Word {
					tokens = append(tokens, tok)
				}
			}
			if !reflect.DeepEqual(words, tokens) {
				t.Errorf("%s %q: Words %v, Tokens' words %v", l.Code, text, words, tokens)
			}
		}
	}
}

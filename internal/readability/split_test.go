package readability

import (
	"reflect"
	"strings"
	"testing"
)

func words(t *Text, text string) []string {
	var out []string
	for _, w := range t.Words {
		out = append(out, text[w.Start:w.End])
	}
	return out
}

func sentences(t *Text, text string) []string {
	var out []string
	for _, s := range t.Sentences {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		lang, text string
		words      []string
		sentences  []string
	}{
		{"da", "Dit CPR-nummer står på borger.dk.", []string{"Dit", "CPR-nummer", "står", "på", "borger.dk"},
			[]string{"Dit CPR-nummer står på borger.dk."}},
		{"da", "Det koster 1.000 kr. eller 12,5 %, fx i alt.", []string{"Det", "koster", "1.000", "kr", "eller", "12,5", "fx", "i", "alt"},
			[]string{"Det koster 1.000 kr. eller 12,5 %, fx i alt."}},
		{"da", "Ring, skriv - eller kom forbi!", []string{"Ring", "skriv", "eller", "kom", "forbi"},
			[]string{"Ring, skriv - eller kom forbi!"}},
		{"da", "Se bl.a. Forvaltningsloven. Den gælder.", []string{"Se", "bl.a", "Forvaltningsloven", "Den", "gælder"},
			[]string{"Se bl.a. Forvaltningsloven.", "Den gælder."}},
		{"da", "Hvad så?! Vent... Nu.", []string{"Hvad", "så", "Vent", "Nu"},
			[]string{"Hvad så?!", "Vent...", "Nu."}},
		{"sv", "Läs t.ex. Socialtjänstlagen. Sen då?", []string{"Läs", "t.ex", "Socialtjänstlagen", "Sen", "då"},
			[]string{"Läs t.ex. Socialtjänstlagen.", "Sen då?"}},
		{"nb", "Han sa «Nei.» Så gikk han.", []string{"Han", "sa", "Nei", "Så", "gikk", "han"},
			[]string{"Han sa «Nei.»", "Så gikk han."}},
		{"en", "Dr. Berg said: wait (don't go).", []string{"Dr", "Berg", "said", "wait", "don't", "go"},
			[]string{"Dr. Berg said:", "wait (don't go)."}},
	}
	for _, tt := range tests {
		var tx Text
		tx.Split([]byte(tt.text), 0, len(tt.text), tt.lang)
		if tt.words == nil {
			continue
		}
		if got := words(&tx, tt.text); !reflect.DeepEqual(got, tt.words) {
			t.Errorf("%s %q: words %q, want %q", tt.lang, tt.text, got, tt.words)
		}
		if got := sentences(&tx, tt.text); !reflect.DeepEqual(got, tt.sentences) {
			t.Errorf("%s %q: sentences %q, want %q", tt.lang, tt.text, got, tt.sentences)
		}
	}
}

func TestSplitTime(t *testing.T) {
	// A colon between digits is inside a word, and so is the hyphen
	// between the times.
	text := "Åbent kl. 9:30-15. Lukket i dag"
	var tx Text
	tx.Split([]byte(text), 0, len(text), "da")
	if got, want := words(&tx, text), []string{"Åbent", "kl", "9:30-15", "Lukket", "i", "dag"}; !reflect.DeepEqual(got, want) {
		t.Errorf("words %q, want %q", got, want)
	}
	if got, want := sentences(&tx, text), []string{"Åbent kl. 9:30-15.", "Lukket i dag"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

func TestSplitBlocks(t *testing.T) {
	// Two blocks of one buffer: a list item without a full stop is a
	// sentence, and positions are offsets into the whole buffer.
	buf := "Tag med til mødet\nDit sygesikringskort"
	nl := strings.IndexByte(buf, '\n')
	var tx Text
	tx.Split([]byte(buf), 0, nl, "da")
	tx.Split([]byte(buf), nl+1, len(buf), "da")
	if got, want := sentences(&tx, buf), []string{"Tag med til mødet", "Dit sygesikringskort"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
	if w := tx.Words[5]; buf[w.Start:w.End] != "sygesikringskort" || w.Letters != 16 {
		t.Errorf("word 5 = %q with %d letters", buf[w.Start:w.End], w.Letters)
	}
	if s := tx.Stats(); s != (Stats{Words: 6, Sentences: 2, Long: 1}) {
		t.Errorf("stats %+v", s)
	}
}

func TestSplitAllocatesNothingPerWord(t *testing.T) {
	text := []byte(strings.Repeat("Du kan få hjælp, jf. reglerne. Ring i dag! ", 200))
	var tx Text
	tx.Split(text, 0, len(text), "da") // grow the slices once
	allocs := testing.AllocsPerRun(20, func() {
		tx.Reset()
		tx.Split(text, 0, len(text), "da")
	})
	if allocs > 1 {
		t.Errorf("Split allocates %v times on a reused Text", allocs)
	}
}

func BenchmarkSplit(b *testing.B) {
	text := []byte(strings.Repeat("Borgerne kan få hjælp af en sagsbehandler, fx i jobcentret. Ring kl. 9 i dag! ", 500))
	var tx Text
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tx.Reset()
		tx.Split(text, 0, len(text), "da")
	}
}

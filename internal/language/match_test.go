package language

import (
	"fmt"
	"strings"
	"testing"
)

// found returns the matches of phrases (id = index) in text, as
// "text[id]" with "~" for an inflected one.
func found(lang string, phrases []string, text string) string {
	m := NewMatcher(Get(lang))
	for i, p := range phrases {
		m.Add(p, i)
	}
	var out []string
	m.Find([]byte(text), func(x Match) bool {
		s := fmt.Sprintf("%s[%d]", text[x.Start:x.End], x.ID)
		if x.Inflected {
			s += "~"
		}
		out = append(out, s)
		return true
	})
	return strings.Join(out, " ")
}

func TestMatcher(t *testing.T) {
	tests := []struct {
		name, lang string
		phrases    []string
		text, want string
	}{
		{"case is ignored", "da", []string{"Digital Post"}, "Læs din digital POST.", "digital POST[0]"},
		{"a hyphen or spaces between words", "da", []string{"Digital Post"}, "Se din digital-post og digital  post.",
			"digital-post[0] digital  post[0]"},
		{"a compound's hyphen is a space", "da", []string{"CPR-nummer"}, "Dit CPR nummer.", "CPR nummer[0]"},
		{"punctuation ends a phrase", "da", []string{"digital post"}, "Er det digital. Post kommer, digital, post.", ""},
		{"a full stop the phrase has", "da", []string{"jf. reglerne"}, "Se jf. reglerne og jf reglerne.",
			"jf. reglerne[0] jf reglerne[0]"},
		{"whole parts only", "da", []string{"løn"}, "Lønseddel, sygeløn, løn.", "løn[0]"},
		{"a part of a compound", "da", []string{"klage"}, "Din klage-sag.", "klage[0]"},
		{"an apostrophe ends a part", "da", []string{"CPR"}, "CPR's regler.", "CPR[0]"},
		{"an apostrophe the phrase has", "en", []string{"don't"}, "Please don't, don t.", "don't[0]"},
		{"capitals only as written", "da", []string{"IT"}, "Det er svært med it. Spørg IT. Eller It.", "IT[0]"},
		{"folded letters", "da", []string{"idé"}, "En ide\u0301, en ide og en IDÉ.", "ide\u0301[0] ide[0] IDÉ[0]"},
		{"soft hyphens", "da", []string{"sagsbehandler"}, "Din sags\u00adbehandler.", "sags\u00adbehandler[0]"},
		{"the longest wins", "da", []string{"digital post", "digital postkasse"}, "Din digital postkasse.", "digital postkasse[1]"},
		{"a phrase's parts are not searched again", "da", []string{"digital post", "post"}, "Digital post og post.",
			"Digital post[0] post[1]"},
		{"of two alike, the first added", "da", []string{"klage", "Klage"}, "En klage.", "klage[0]"},
		{"Danish endings", "da", []string{"partshøring", "bevilling", "digital post"},
			"Partshøringen, bevillinger, digital posten, partshøringerne.",
			"Partshøringen[0]~ bevillinger[1]~ digital posten[2]~ partshøringerne[0]~"},
		{"Swedish endings", "sv", []string{"handläggare", "ansökan ska ha inkommit"},
			"Handläggaren och handläggarens; ansökan ska ha inkommit.",
			"Handläggaren[0]~ handläggarens[0]~ ansökan ska ha inkommit[1]"},
		{"Norwegian endings", "nb", []string{"saksbehandler", "søknad"}, "Saksbehandleren og søknadene.",
			"Saksbehandleren[0]~ søknadene[1]~"},
		{"English endings", "en", []string{"appeal", "housing benefit"}, "Appealed, appeals, housing benefits.",
			"Appealed[0]~ appeals[0]~ housing benefits[1]~"},
		{"an ending is not any ending", "da", []string{"klage"}, "Klageret og klagen.", "klagen[0]~"},
		{"short words take no endings", "da", []string{"sag", "jf"}, "Sagen, sager, jfs.", ""},
		{"no endings in capitals", "da", []string{"CPR"}, "CPRen og CPR.", "CPR[0]"},
		{"written as the text has it wins a tie", "nb", []string{"innvilge", "innvilget"}, "Du er innvilget.", "innvilget[1]"},
		{"a final * takes any ending", "da", []string{"bevilling*", "anmode om*"}, "Bevillingsbrevet, anmode omgående.",
			"Bevillingsbrevet[0]~ anmode omgående[1]~"},
		{"a final * on a short word", "da", []string{"jf*"}, "Jfr. jf.", "Jfr[0]~ jf[0]"},
		{"phrases without words are left out", "da", []string{"", "?!", "klage"}, "En klage.", "klage[2]"},
		{"the fallback has no endings", "de", []string{"klage"}, "Klagen, klage.", "klage[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := found(tt.lang, tt.phrases, tt.text); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestMatcherStops(t *testing.T) {
	m := NewMatcher(Get("da"))
	m.Add("klage", 0)
	n := 0
	m.Find([]byte("klage klage klage"), func(Match) bool { n++; return false })
	if n != 1 {
		t.Errorf("Find went on after false: %d", n)
	}
	if m.Len() != 1 || NewMatcher(Fallback).Len() != 0 {
		t.Error("Len")
	}
	var nilMatcher *Matcher
	nilMatcher.Find([]byte("klage"), func(Match) bool { t.Error("a nil Matcher found something"); return true })
}

func TestIsCapitals(t *testing.T) {
	for s, want := range map[string]bool{"CPR": true, "IT": true, "CPR-nummer": false, "A": false, "ÆØ": true, "It": false, "": false} {
		if IsCapitals(s) != want {
			t.Errorf("IsCapitals(%q) = %v", s, !want)
		}
	}
}

func TestMatcherAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops its items under the race detector")
	}
	m := NewMatcher(Get("da"))
	for _, p := range []string{"i henhold til", "jf.", "bevilling*", "partshøring", "CPR"} {
		m.Add(p, 0)
	}
	text := []byte(strings.Repeat("Ydelsen gives i henhold til loven, jf. § 12, og bevillingen kommer. Dit CPR. ", 50))
	m.Find(text, func(Match) bool { return true })
	if a := testing.AllocsPerRun(20, func() { m.Find(text, func(Match) bool { return true }) }); a > 0 {
		t.Errorf("Find allocates %v times", a)
	}
}

func BenchmarkMatcher(b *testing.B) {
	m := NewMatcher(Get("da"))
	for i := range 1000 {
		m.Add(fmt.Sprintf("ordet%d", i), i)
		m.Add(fmt.Sprintf("to ord%d", i), i)
	}
	m.Add("digital post", 0)
	text := []byte(strings.Repeat("Når du har sendt din ansøgning, læser vi den og ser på din situation. Vi skriver til dig i Digital Post. ", 100))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Find(text, func(Match) bool { return true })
	}
}

// BenchmarkMatcherPage matches the Danish jargon list in a page of about
// 1 300 words, against only scanning its words.
func BenchmarkMatcherPage(b *testing.B) {
	l := Get("da")
	m := NewMatcher(l)
	for i, e := range l.Jargon {
		p, _, _ := strings.Cut(e, ":")
		m.Add(p, i)
	}
	text := []byte(strings.Repeat("Når du har sendt din ansøgning, læser vi den og ser på din situation. Vi ringer til dig, hvis vi mangler noget, og vi skriver til dig i Digital Post, når vi har truffet en afgørelse. ", 40))
	b.SetBytes(int64(len(text)))
	b.Run("find", func(b *testing.B) {
		for b.Loop() {
			m.Find(text, func(Match) bool { return true })
		}
	})
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			s := l.Scan(text, 0, len(text))
			for _, ok := s.Next(); ok; _, ok = s.Next() {
			}
		}
	})
}

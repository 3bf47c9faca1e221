package language

import (
	"fmt"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Klage", "klage"},
		{"PARTSHØRING", "partshøring"},
		{"Ærø", "ærø"},
		{"ÅBENT", "åbent"},
		{"Ärende", "ärende"},
		{"Öre", "öre"},
		{"idé", "ide"},
		{"ide\u0301", "ide"}, // e + combining acute
		{"a\u030abent", "åbent"},
		{"A\u0308rende", "ärende"},
		{"Straße", "strasse"},
		{"Œuvre", "oeuvre"},
		{"Müller", "muller"},
		{"sags\u00adbehandler", "sagsbehandler"},
		{"CPR’s", "cpr's"},
		{"digital\u2011post", "digital-post"},
		{"Ελλάδα", "ελλάδα"}, // only Latin letters lose their accents
		{"Жалоба", "жалоба"},
	}
	l := Get("da")
	for _, tt := range tests {
		if got := l.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldIsTheSameInEveryLanguage(t *testing.T) {
	for _, w := range []string{"Ærø", "Åtgärd", "Øl", "idé", "Müller"} {
		want := Fallback.Fold(w)
		for _, l := range All() {
			if got := l.Fold(w); got != want {
				t.Errorf("%s: Fold(%q) = %q, the fallback %q", l.Code, w, got, want)
			}
		}
	}
}

func ExampleLanguage_Words() {
	text := []byte("Dit CPR-nummer står bl.a. på borger.dk.")
	da := Get("da")
	for w := range da.Words(text) {
		fmt.Println(da.Fold(string(text[w.Start:w.End])), w.Letters)
	}
	// Output:
	// dit 3
	// cpr-nummer 9
	// står 4
	// bl.a 3
	// på 2
	// borger.dk 8
}

package jsonstr_test

import (
	"encoding/json"
	"testing"

	"github.com/torv/torv/internal/jsonstr"
)

// TestAppend: a string is written as encoding/json writes it, whichever
// way Append takes.
func TestAppend(t *testing.T) {
	for _, s := range []string{"", "Boligstøtte", "Du kan få hjælp …", "a\u2028b", "a\u2029b", "a\u2027b\u202a",
		"\u2028", "…\u2029", "x\xe2\x80", "\xe2", "<b>", "R&D", `"citat"`, `a\b`, "linje\nlinje", "\xff", "tab\t",
		"nul\x00 esc\x1b del\x7f", "</script><!-- & -->", "\U0001F600"} {
		want, _ := json.Marshal(s)
		if got := jsonstr.Append([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("%q: %s, want %s", s, got[1:], want)
		}
	}
}

package jsonld

import (
	"encoding/json"
	"testing"
)

// encodeCases are strings that take each way through jsonstr.Append.
var encodeCases = []string{
	"", "plain", `"quoted" \ back`, "</script><!-- & -->", "tab\tline\nreturn\rbell\bform\f",
	"nul\x00 esc\x1b del\x7f", "æøå Åland", "bad \xff\xfe utf-8 \xe2\x80", "line\u2028para\u2029",
	"\U0001F600 emoji",
}

// TestEncodeSameAsEncodingJSON: appendJSON writes what encoding/json
// writes of the same nodes, the HTML-safe escapes included.
func TestEncodeSameAsEncodingJSON(t *testing.T) {
	for _, s := range encodeCases {
		sameAsEncodingJSON(t, node{"@type": "Thing", "name": s, s: []node{{"position": 1, "value": true}, {"x": s}},
			"child": node{"b": -7, "a": false}})
	}
	sameAsEncodingJSON(t, node{"empty": []node{}, "none": []node(nil), "n": node{}})
}

// FuzzEncodeSameAsEncodingJSON tries any string as a key and a value.
func FuzzEncodeSameAsEncodingJSON(f *testing.F) {
	for _, s := range encodeCases {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, k, v string) {
		sameAsEncodingJSON(t, node{k: v, "k": node{v: k}})
	})
}

func sameAsEncodingJSON(t *testing.T, n node) {
	t.Helper()
	got, err := appendJSON(nil, n)
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("appendJSON:    %s\nencoding/json: %s", got, want)
	}
}

// TestEncodeRefusesOtherTypes: a value of a type appendJSON does not know
// is an error, not JSON that differs from encoding/json's.
func TestEncodeRefusesOtherTypes(t *testing.T) {
	for _, v := range []any{1.5, []string{"a"}, map[string]string{}} {
		if b, err := appendJSON(nil, node{"v": v}); err == nil {
			t.Errorf("%T: wrote %s, want an error", v, b)
		}
	}
}

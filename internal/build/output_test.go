package build

import (
	"maps"
	"slices"
	"testing"
)

// TestOutputSnapshot: a snapshot's files are its base's, with its own
// paths over them and its gone paths taken away, whatever is asked.
func TestOutputSnapshot(t *testing.T) {
	base := map[string][]byte{"a.html": []byte("a"), "b.html": []byte("bb"), "c.css": []byte("ccc")}
	for _, tc := range []struct {
		name string
		over map[string][]byte
		gone []string
		want map[string]string
	}{
		{"as the base", nil, nil, map[string]string{"a.html": "a", "b.html": "bb", "c.css": "ccc"}},
		{"changed", map[string][]byte{"b.html": []byte("BBBB")}, nil, map[string]string{"a.html": "a", "b.html": "BBBB", "c.css": "ccc"}},
		{"new", map[string][]byte{"d/index.html": []byte("d")}, nil, map[string]string{"a.html": "a", "b.html": "bb", "c.css": "ccc", "d/index.html": "d"}},
		{"gone", nil, []string{"a.html"}, map[string]string{"b.html": "bb", "c.css": "ccc"}},
		{"all three", map[string][]byte{"b.html": nil, "e.txt": []byte("ee")}, []string{"c.css"}, map[string]string{"a.html": "a", "b.html": "", "e.txt": "ee"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := &Output{files: base, over: map[string][]byte{}, gone: map[string]bool{}}
			maps.Copy(o.over, tc.over)
			for _, p := range tc.gone {
				o.gone[p] = true
			}
			size := 0
			for _, s := range tc.want {
				size += len(s)
			}
			if got, want := o.Paths(), slices.Sorted(maps.Keys(tc.want)); !slices.Equal(got, want) {
				t.Errorf("Paths() = %q, want %q", got, want)
			}
			if o.Len() != len(tc.want) || o.Size() != size {
				t.Errorf("Len(), Size() = %d, %d; want %d, %d", o.Len(), o.Size(), len(tc.want), size)
			}
			for _, p := range []string{"a.html", "b.html", "c.css", "d/index.html", "e.txt"} {
				b, ok := o.Get(p)
				w, wok := tc.want[p]
				if ok != wok || string(b) != w {
					t.Errorf("Get(%s) = %q, %v; want %q, %v", p, b, ok, w, wok)
				}
			}
			if f := o.flat(); len(f) != len(tc.want) {
				t.Errorf("flat() has %d files, want %d", len(f), len(tc.want))
			}
			if err := o.Add("f.html", nil); err == nil {
				t.Error("a snapshot took a file")
			}
		})
	}
}

package reads

import (
	"maps"
	"slices"
	"testing"
)

func TestIndexReaders(t *testing.T) {
	x := NewIndex()
	x.Put("/a/", Set{Page("/lov/"): {}, Template("base.html"): {}})
	x.Put("/b/", Set{Page("/a/"): {}, Template("base.html"): {}, Miss: {}})
	x.Put("/c/", Set{Site: {}})
	tests := []struct {
		keys Set
		want []string
	}{
		{Set{Page("/lov/"): {}}, []string{"/a/"}},
		{Set{Template("base.html"): {}}, []string{"/a/", "/b/"}},
		{Set{Miss: {}, Site: {}}, []string{"/b/", "/c/"}},
		{Set{Page("/nowhere/"): {}}, nil},
	}
	for _, tt := range tests {
		want := map[string]bool{}
		x.Readers(tt.keys, want)
		if got := slices.Sorted(maps.Keys(want)); !slices.Equal(got, tt.want) {
			t.Errorf("Readers(%v) = %v, want %v", tt.keys, got, tt.want)
		}
	}
	// A page rendered again forgets what it read before; a page gone
	// reads nothing.
	x.Put("/a/", Set{File("/kort.png"): {}})
	x.Put("/b/", nil)
	want := map[string]bool{}
	x.Readers(Set{Template("base.html"): {}, Page("/lov/"): {}}, want)
	if len(want) != 0 || x.Len() != 2 {
		t.Errorf("after Put: readers %v, %d pages; want none and 2", want, x.Len())
	}
	x.Readers(Set{File("/kort.png"): {}}, want)
	if !want["/a/"] {
		t.Errorf("the new read of /a/ is not indexed")
	}
}

func TestIndexRefs(t *testing.T) {
	x := NewIndex()
	x.Put("/a/", Set{Ref("kontakt.md", "/kontakt/"): {}, Ref("feedback.md", ""): {}})
	x.Put("/b/", Set{Ref("kontakt.md", "/kontakt/"): {}})
	got := map[string]string{}
	x.Refs(func(k Key, ref, url string) {
		if k != Ref(ref, url) {
			t.Errorf("key %q is not Ref(%q, %q)", k, ref, url)
		}
		got[ref] = url
	})
	want := map[string]string{"kontakt.md": "/kontakt/", "feedback.md": ""}
	if !maps.Equal(got, want) {
		t.Errorf("Refs gave %v, want %v", got, want)
	}
	// A key no page reads any more is no Ref either.
	x.Put("/a/", Set{Ref("kontakt.md", "/kontakt/"): {}})
	x.Put("/b/", nil)
	clear(got)
	x.Refs(func(_ Key, ref, url string) { got[ref] = url })
	if want := map[string]string{"kontakt.md": "/kontakt/"}; !maps.Equal(got, want) {
		t.Errorf("after Put: Refs gave %v, want %v", got, want)
	}
}

func TestPageOf(t *testing.T) {
	tests := []struct {
		k    Key
		url  string
		isPg bool
	}{
		{Page("/lov/x/"), "/lov/x/", true},
		{Page("/"), "/", true},
		{List("/lov/x/"), "", false},
		{Ref("p:x", ""), "", false},
		{Site, "", false},
	}
	for _, tt := range tests {
		if url, ok := PageOf(tt.k); url != tt.url || ok != tt.isPg {
			t.Errorf("PageOf(%q) = %q, %v; want %q, %v", tt.k, url, ok, tt.url, tt.isPg)
		}
	}
}

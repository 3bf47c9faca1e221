package content_test

import (
	"testing"
)

func TestResolveLink(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"content/_index.md":           page("Forside"),
		"content/om.md":               page("Om", `aliases = ["/om-os/", "/gammel/side"]`),
		"content/lov/_index.md":       page("Love"),
		"content/lov/sygedagpenge.md": law("Sygedagpenge"),
		"content/lov/klage.md":        law("Klage"),
		"content/lov/syge/frister.md": law("Frister"),
		"content/guide/trin.md":       page("Trin"), // guide/ has no _index.md
		"content/billeder/kort.png":   "png",
		"content/lov/bilag.pdf":       "pdf",
	})
	from := site.PageByFile("lov/sygedagpenge.md") // URL /lov/sygedagpenge/
	tests := []struct {
		dest             string
		want             string
		internal, exists bool
	}{
		// Content paths, relative to the file and from content/.
		{"klage.md", "/lov/klage/", true, true},
		{"../om.md", "/om/", true, true},
		{"syge/frister.md", "/lov/syge/frister/", true, true},
		{"/lov/klage.md", "/lov/klage/", true, true},
		{"/om.md", "/om/", true, true},
		{"../_index.md", "/", true, true},
		{"_index.md", "/lov/", true, true},
		{"klage.md#frist", "/lov/klage/#frist", true, true},
		{"klage.md?print=1#frist", "/lov/klage/?print=1#frist", true, true},
		{"findes-ikke.md", "findes-ikke.md", true, false},
		{"../lov/findes-ikke.md", "../lov/findes-ikke.md", true, false},
		// Site paths.
		{"/lov/klage/", "/lov/klage/", true, true},
		{"/lov/klage", "/lov/klage/", true, true},
		{"/", "/", true, true},
		{"/guide/", "/guide/", true, true}, // a generated list page
		{"/lov/klage/#frist", "/lov/klage/#frist", true, true},
		{"/findes-ikke/", "/findes-ikke/", true, false},
		{"/Lov/Klage/", "/Lov/Klage/", true, false},
		// Old addresses (aliases) lead to the page that has them.
		{"/om-os/", "/om/", true, true},
		{"/om-os", "/om/", true, true},
		{"/gammel/side/#x", "/om/#x", true, true},
		{"../../gammel/side", "/om/", true, true},
		// Paths relative to the page's URL.
		{"../klage/", "/lov/klage/", true, true},
		{"../../om/", "/om/", true, true},
		{"../", "/lov/", true, true},
		{"../../../../om/", "/om/", true, true}, // never above the site
		// Anchors and queries on the page itself.
		{"#frist", "#frist", true, true},
		{"?print=1", "?print=1", true, true},
		// Files in content/.
		{"/billeder/kort.png", "/billeder/kort.png", true, true},
		{"../../billeder/kort.png", "/billeder/kort.png", true, true},
		{"/lov/bilag.pdf", "/lov/bilag.pdf", true, true},
		{"/billeder/nej.png", "/billeder/nej.png", true, false},
		// External.
		{"https://www.retsinformation.dk/eli/lta/2019/1", "https://www.retsinformation.dk/eli/lta/2019/1", false, true},
		{"http://x.dk", "http://x.dk", false, true},
		{"//cdn.example/x.js", "//cdn.example/x.js", false, true},
		{"mailto:borger@testby.dk", "mailto:borger@testby.dk", false, true},
		{"tel:+4570112233", "tel:+4570112233", false, true},
	}
	for _, tt := range tests {
		got, internal, exists := site.ResolveLink(from, tt.dest)
		if got != tt.want || internal != tt.internal || exists != tt.exists {
			t.Errorf("ResolveLink(%q) = %q, internal %v, exists %v; want %q, %v, %v", tt.dest, got, internal, exists, tt.want, tt.internal, tt.exists)
		}
	}
}

// TestResolveLinkFromAGeneratedPage: generated pages have no file; links
// in their text (a topic's lead, say) resolve from their URL.
func TestResolveLinkFromAGeneratedPage(t *testing.T) {
	site := mustLoad(t, map[string]string{"content/guide/trin.md": page("Trin"), "content/om.md": page("Om")})
	for _, tt := range []struct{ dest, want string }{
		{"/om/", "/om/"},
		{"/om.md", "/om/"},
		{"trin/", "/guide/trin/"},
	} {
		from := site.PageByURL("/guide/")
		if got, _, exists := site.ResolveLink(from, tt.dest); got != tt.want || !exists {
			t.Errorf("from /guide/: ResolveLink(%q) = %q, %v; want %q", tt.dest, got, exists, tt.want)
		}
	}
}

func TestRef(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"content/om.md":               page("Om"),
		"content/lov/sygedagpenge.md": law("Sygedagpenge"),
	})
	tests := []struct{ ref, want string }{
		{"om.md", "/om/"},
		{"lov/sygedagpenge.md", "/lov/sygedagpenge/"},
		{"/lov/sygedagpenge/", "/lov/sygedagpenge/"},
		{"lov/sygedagpenge", "/lov/sygedagpenge/"},
		{"lov/_index.md", "/lov/"}, // generated: still there for the menu
		{"/", "/"},
		{"nej.md", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if p := site.Ref(tt.ref); p != nil {
			got = p.URL
		}
		if got != tt.want {
			t.Errorf("Ref(%q) = %q, want %q", tt.ref, got, tt.want)
		}
	}
}

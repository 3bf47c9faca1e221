package sitepath

import "testing"

func TestFileAndAddress(t *testing.T) {
	tests := []struct {
		address, file string
		page          bool // Address(file) gives address back
	}{
		{"/", "index.html", true},
		{"/lov/x/", "lov/x/index.html", true},
		{"/en/", "en/index.html", true},
		{"/404.html", "404.html", true},
		{"/om.html", "om.html", true},
		{"/css/site.abc123.css", "css/site.abc123.css", true},
		{"/sitemap.xml", "sitemap.xml", true},
		{"/.well-known/security.txt", ".well-known/security.txt", true},
		{"/lov/x", "lov/x/index.html", false},
		{"/nyheder/side/2/", "nyheder/side/2/index.html", true},
	}
	for _, tt := range tests {
		if got := File(tt.address); got != tt.file {
			t.Errorf("File(%q) = %q, want %q", tt.address, got, tt.file)
		}
		if !tt.page {
			continue
		}
		if got := Address(tt.file); got != tt.address {
			t.Errorf("Address(%q) = %q, want %q", tt.file, got, tt.address)
		}
	}
}

func TestRequest(t *testing.T) {
	tests := []struct{ rel, want string }{
		{"", "index.html"},
		{"lov/", "lov/index.html"},
		{"lov", "lov"},
		{"css/site.css", "css/site.css"},
		{"404.html", "404.html"},
	}
	for _, tt := range tests {
		if got := Request(tt.rel); got != tt.want {
			t.Errorf("Request(%q) = %q, want %q", tt.rel, got, tt.want)
		}
	}
}

// WalkOrder is the order fs.WalkDir visits paths in, which a plain string
// order is not: "-" sorts before "/".
func TestWalkOrder(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"lov/x.md", "lov-2.md", -1},
		{"lov-2.md", "lov/x.md", 1},
		{"lov", "lov/x.md", -1}, // a folder before what it holds
		{"lov/x.md", "lov", 1},
		{"a/b/c", "a/b/c", 0},
		{"a/b", "a/c", -1},
		{"æble/x", "zebra", 1}, // bytes, as WalkDir sorts names
	} {
		if got := WalkOrder(tc.a, tc.b); got != tc.want {
			t.Errorf("WalkOrder(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

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

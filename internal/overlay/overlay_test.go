package overlay

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestOverlay(t *testing.T) {
	site := fstest.MapFS{
		"layouts/base.html":           {Data: []byte("site base")},
		"layouts/partials/quote.html": {Data: []byte("site quote")},
	}
	defaults := fstest.MapFS{
		"layouts/base.html":           {Data: []byte("default base")},
		"layouts/law.html":            {Data: []byte("default law")},
		"layouts/partials/quote.html": {Data: []byte("default quote")},
		"layouts/partials/nav.html":   {Data: []byte("default nav")},
	}
	o := New(site, nil, defaults)
	for name, want := range map[string]string{
		"layouts/base.html":           "site base",
		"layouts/law.html":            "default law",
		"layouts/partials/quote.html": "site quote",
		"layouts/partials/nav.html":   "default nav",
	} {
		b, err := fs.ReadFile(o, name)
		if err != nil || string(b) != want {
			t.Errorf("%s = %q, %v; want %q", name, b, err, want)
		}
	}
	if _, err := fs.ReadFile(o, "layouts/missing.html"); !errorsIsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := o.Open("../etc/passwd"); err == nil {
		t.Error("opened a path outside the file system")
	}
	entries, err := fs.ReadDir(o, "layouts/partials")
	if err != nil || len(entries) != 2 {
		t.Fatalf("merged dir = %v, %v", entries, err)
	}
	if o.Which("layouts/base.html") != 0 || o.Which("layouts/law.html") != 1 || o.Which("nope") != -1 {
		t.Error("Which names the wrong layer")
	}
	if err := fstest.TestFS(o, "layouts/base.html", "layouts/law.html", "layouts/partials/nav.html"); err != nil {
		t.Error(err)
	}
}

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

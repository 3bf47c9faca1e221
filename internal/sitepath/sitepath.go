package sitepath

import (
	"path"
	"strings"
)

// Index is the name of the file that holds a folder's page.
const Index = "index.html"

// File returns the output path of a site address: "/lov/x/" gives
// "lov/x/index.html", "/" gives "index.html", "/404.html" gives
// "404.html", "/css/site.css" gives "css/site.css". A page's address
// without the trailing slash ("/lov/x") is a page too when it has no
// extension, as a URL torv makes never does.
func File(address string) string {
	rel := strings.TrimPrefix(address, "/")
	switch {
	case rel == "" || strings.HasSuffix(rel, "/"):
		return rel + Index
	case path.Ext(rel) == "":
		return rel + "/" + Index
	}
	return rel
}

// Address returns the site address of an output path, the inverse of
// File: "lov/x/index.html" gives "/lov/x/", "index.html" gives "/",
// "404.html" gives "/404.html".
func Address(file string) string {
	if file == Index || strings.HasSuffix(file, "/"+Index) {
		return "/" + strings.TrimSuffix(file, Index)
	}
	return "/" + file
}

// Request returns the output path a request for the site path rel
// (relative to the site's base path, without a leading slash) is
// answered from: a folder's address is its index.html, anything else the
// file of that name. Unlike File, "lov/x" is the file "lov/x": the server
// tells a missing file from a folder by looking, and redirects to the
// folder's address with its slash.
func Request(rel string) string {
	if rel == "" || strings.HasSuffix(rel, "/") {
		return rel + Index
	}
	return rel
}

// WalkOrder orders slash paths as fs.WalkDir visits them: name by name,
// so that "lov/x.md" comes before "lov-2.md" (a plain string order puts
// "-" before "/"). The preview's scan of what changed lists files in it,
// and torv build names the first files a folder holds in it.
func WalkOrder(a, b string) int {
	for {
		ah, at, amore := strings.Cut(a, "/")
		bh, bt, bmore := strings.Cut(b, "/")
		if c := strings.Compare(ah, bh); c != 0 {
			return c
		}
		switch {
		case !amore && !bmore:
			return 0
		case !amore:
			return -1 // a folder comes before what is in it
		case !bmore:
			return 1
		}
		a, b = at, bt
	}
}

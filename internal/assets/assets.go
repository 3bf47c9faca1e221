package assets

import (
	"bytes"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/parse/v2"

	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/ignore"
	"github.com/torv/torv/internal/sitefs"
)

// Dir is the folder of a site that holds its assets.
const Dir = "assets"

// Asset is a published stylesheet or script.
type Asset struct {
	URL       string // site path, "/css/style.3f2a9c1e.css"
	Integrity string // "sha384-..."
}

// Set is a site's prepared assets.
type Set struct {
	CSS   Asset
	JS    map[string]Asset  // by source name, "open-now.js"
	Files map[string][]byte // output path (no leading slash) -> bytes
}

// NewMinifier returns the minifier for HTML, CSS, JS and SVG. Build it once
// per build; it is safe for concurrent use.
func NewMinifier() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), js.Minify)
	return m
}

// Build reads assets/ from fsys and prepares every file.
func Build(fsys fs.FS, m *minify.M) (*Set, diag.List) {
	set := &Set{JS: map[string]Asset{}, Files: map[string][]byte{}}
	var errs diag.List
	var cssFiles []string
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == Dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			errs.Add(readError(p, err))
			return nil
		}
		name := d.Name()
		if p != Dir && ignore.Name(name) {
			// Hidden folders (.git) can hold secrets; temp files are not assets.
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel := strings.TrimPrefix(p, Dir+"/")
		switch {
		case strings.HasPrefix(rel, "css/") && strings.HasSuffix(name, ".css"):
			cssFiles = append(cssFiles, p)
		case strings.HasPrefix(rel, "js/") && strings.HasSuffix(name, ".js"):
			b, err := minifyFile(fsys, m, p, "application/javascript")
			if err != nil {
				errs.Add(err)
				return nil
			}
			out := "js/" + strings.TrimSuffix(name, ".js") + "." + shortHash(b) + ".js"
			set.Files[out] = b
			set.JS[name] = Asset{URL: "/" + out, Integrity: integrity(b)}
		default:
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				errs.Add(readError(p, err))
				return nil
			}
			set.Files[rel] = b
		}
		return nil
	})
	if err != nil {
		errs.Add(readError(Dir, err))
	}
	slices.Sort(cssFiles)
	var all bytes.Buffer
	for _, p := range cssFiles {
		b, err := minifyFile(fsys, m, p, "text/css")
		if err != nil {
			errs.Add(err)
			continue
		}
		all.Write(b)
	}
	if all.Len() > 0 {
		b := all.Bytes()
		out := "css/style." + shortHash(b) + ".css"
		set.Files[out] = b
		set.CSS = Asset{URL: "/" + out, Integrity: integrity(b)}
	}
	return set, errs
}

func minifyFile(fsys fs.FS, m *minify.M, p, mediatype string) ([]byte, *diag.Error) {
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, readError(p, err)
	}
	var out bytes.Buffer
	if err := m.Minify(mediatype, &out, bytes.NewReader(src)); err != nil {
		var pe *parse.Error
		if errors.As(err, &pe) {
			return nil, diag.Errorf(p, pe.Line, pe.Column, "%s", pe.Message).
				WithHint("fix the syntax at this place")
		}
		return nil, diag.Errorf(p, 0, 0, "cannot minify: %v", err)
	}
	return out.Bytes(), nil
}

// readError reports a file of assets/ that could not be read; a symbolic
// link, which the site's FS refuses, is named as the link it is.
func readError(p string, err error) *diag.Error {
	if d := sitefs.Diag(err); d != nil {
		return d
	}
	return diag.Errorf(p, 0, 0, "cannot read: %v", err)
}

func shortHash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:4])
}

// integrity returns the Subresource Integrity value of b.
func integrity(b []byte) string {
	h := sha512.Sum384(b)
	return "sha384-" + base64.StdEncoding.EncodeToString(h[:])
}

package outdir

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/torv/torv/internal/sitepath"
)

// manifest is what ManifestName holds.
type manifest struct {
	fileList
	Pages []Page `json:"pages,omitempty"` // the pages among them, with their sources (pages.go)
}

// fileList is the part of a manifest that says which files are torv's.
type fileList struct {
	Generator string   `json:"generator"`         // always "torv"
	Version   int      `json:"version"`           // of this format
	Checked   int64    `json:"checked,omitempty"` // when the folder was last found to be torv's: a stamp's ns (stamp.go)
	Files     []string `json:"files"`             // every file torv wrote, sorted, slash paths
	Sums      []string `json:"sums,omitempty"`    // Sums[i] is the sum of Files[i]'s bytes (held.go)
}

const manifestVersion = 1

// kind is what a folder is to torv.
type kind int

const (
	missing   kind = iota // nothing there
	empty                 // a folder without files
	owned                 // torv's manifest names every file
	staging               // a spare torv was writing when it stopped
	strays                // torv's, with files added by someone else
	foreign               // no manifest and files: not torv's
	notFolder             // a file or a link
)

// maxNamed is how many files a refusal names.
const maxNamed = 5

// state is what inspect found.
type state struct {
	kind    kind
	foreign []string // the first maxNamed files torv did not write
	count   int      // how many files torv did not write
	read    int      // how many folders the walk read; the others its manifest vouched for
}

// listing is what a walk of a folder found: slash paths below it, each
// ended by a NUL, which no file name holds, so that the names cost their
// bytes and not a string header each besides (3.1 MB for the output of
// 30 000 pages, 10.3 MB for 100 000).
type listing struct {
	files []byte // everything that is not a folder
	dirs  []byte

	sums  []uint64 // sums[i] is the manifest's sum of the i-th of files, when it gives sums
	since check    // what the sums may be trusted for (stamp.go)
}

// each calls f with every name of names, a listing's files or dirs, in
// the order the walk found them; f must not keep the name.
func each(names []byte, f func(name []byte) error) error {
	for len(names) > 0 {
		i := bytes.IndexByte(names, 0)
		if err := f(names[:i]); err != nil {
			return err
		}
		names = names[i+1:]
	}
	return nil
}

// inspect tells whether dir is torv's: it reads the manifest and walks the
// folder for files the manifest does not name, reading only the folders
// changed since the manifest's Checked on clock's file system (stamp.go).
// Given a listing, it notes there what the walk found.
func inspect(dir string, found *listing, clock stamp) (state, error) {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return state{kind: missing}, nil
	case err != nil:
		return state{}, err
	case !info.IsDir():
		return state{kind: notFolder, foreign: []string{filepath.Base(dir)}, count: 1}, nil
	}
	if _, err := os.Lstat(filepath.Join(dir, stagingName)); err == nil {
		return state{kind: staging}, nil
	}
	what := fileNames
	if found != nil {
		what = fileSums
	}
	m, hasManifest := readManifest(dir, what)
	var st state
	since := checkOf(m, clock) // none without a manifest
	var skip func(string) ([]string, []string, bool)
	if since.ns > 0 {
		skip = trusted{dir: dir, since: since, files: m.Files}.below
	}
	var sums []uint64 // parsed from m.Sums, for found
	if found != nil && len(m.Sums) == len(m.Files) {
		sums = make([]uint64, len(m.Sums))
		for i, v := range m.Sums {
			sums[i] = parseSum(v)
		}
		found.since = since
	}
	var mu sync.Mutex // walk visits from several goroutines
	st.read, err = walk(dir, skip, func(rel string, isDir, regular bool) {
		mu.Lock()
		defer mu.Unlock()
		if isDir {
			if found != nil {
				found.dirs = append(append(found.dirs, rel...), 0)
			}
			return
		}
		i, named := slices.BinarySearch(m.Files, rel)
		if found != nil {
			found.files = append(append(found.files, rel...), 0)
			if sums != nil {
				sum := uint64(0)
				if named {
					sum = sums[i]
				}
				found.sums = append(found.sums, sum)
			}
		}
		if hasManifest && (rel == ManifestName || named) && regular {
			return
		}
		st.count++
		// The first maxNamed in the order of a walk, as a person
		// reading the folder would meet them.
		at, _ := slices.BinarySearchFunc(st.foreign, rel, sitepath.WalkOrder)
		if at < maxNamed {
			st.foreign = slices.Insert(st.foreign, at, rel)[:min(len(st.foreign)+1, maxNamed)]
		}
	})
	if err != nil {
		return state{}, err
	}
	switch {
	case hasManifest && st.count == 0:
		st.kind = owned
	case hasManifest:
		st.kind = strays
	case st.count == 0:
		st.kind = empty
	default:
		st.kind = foreign
	}
	return st, nil
}

// What readManifest reads of a manifest.
type part int

const (
	fileNames part = iota // the generator, version, checked and files
	fileSums              // and the sums
	whole                 // and the pages
)

// readManifest reads dir's manifest, or what of it part says; ok is false
// when it is missing or is not torv's. Without the pages it stops once it
// has what it needs (readFileList), which is all inspect needs: 5 ms
// instead of 25 for the manifest of 10 000 pages, which a build reads
// three times.
func readManifest(dir string, what part) (m manifest, ok bool) {
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if err != nil {
		return m, false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return m, false
	}
	if what == whole {
		err = json.NewDecoder(f).Decode(&m)
	} else {
		m.fileList, err = readFileList(f, what == fileSums)
	}
	if err != nil || m.Generator != "torv" {
		return manifest{}, false
	}
	if !slices.IsSorted(m.Files) {
		// Not as torv wrote it: the sums would go with the wrong files.
		slices.Sort(m.Files)
		m.Sums = nil
	}
	return m, true
}

// readFileList decodes a manifest's generator, version, checked, files and
// sums, and stops reading once it has them: torv writes them first, and
// the pages after them are most of the bytes (2.5 MB at 10 000 pages),
// which Decode would read and check whole. Other keys before them are skipped,
// and a key is matched as Decode matches a field, case aside.
func readFileList(r io.Reader, withSums bool) (fileList, error) {
	var fl fileList
	dec := json.NewDecoder(r)
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fl, errNoManifest
	}
	var generator, files, sums bool
	for !(generator && files && (sums || !withSums)) && dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fl, err
		}
		key, _ := t.(string)
		switch {
		case strings.EqualFold(key, "generator"):
			err, generator = dec.Decode(&fl.Generator), true
		case strings.EqualFold(key, "version"):
			err = dec.Decode(&fl.Version)
		case strings.EqualFold(key, "checked"):
			err = dec.Decode(&fl.Checked)
		case strings.EqualFold(key, "files"):
			err, files = dec.Decode(&fl.Files), true
		case strings.EqualFold(key, "sums"):
			err, sums = dec.Decode(&fl.Sums), true
		case strings.EqualFold(key, "pages") && generator && files:
			return fl, nil // a manifest without sums, as torv wrote them before
		default:
			var skip json.RawMessage
			err = dec.Decode(&skip)
		}
		if err != nil {
			return fl, err
		}
	}
	return fl, nil
}

// errNoManifest is readFileList's error for a file that is no JSON object.
var errNoManifest = errors.New("not a manifest")

// Manifest returns the files torv wrote into dir, as its manifest lists
// them, or nil when dir holds no manifest of torv's.
func Manifest(dir string) []string {
	m, ok := readManifest(dir, fileNames)
	if !ok {
		return nil
	}
	return m.Files
}

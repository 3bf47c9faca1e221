package outdir

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// writeManifest writes m into dir as ManifestName.
func writeManifest(dir string, m manifest) error {
	f, err := os.OpenFile(filepath.Join(dir, ManifestName), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	err = encodeManifest(f, m)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// encodeManifest writes m to w as json.MarshalIndent(m, "", "\t") and a
// newline would, a name at a time. The manifest is written when the build
// holds the most it will (every name it wrote), and the whole text in
// memory, twice while it was indented, cost 25 MB at 30 000 pages and 75
// MB at 100 000: a tenth of the build's peak. Streamed, it costs the
// writer's buffer.
func encodeManifest(w io.Writer, m manifest) error {
	e := manifestEncoder{w: bufio.NewWriterSize(w, 64<<10)}
	e.writeString("{\n\t\"generator\": ")
	e.str(m.Generator)
	e.writeString(",\n\t\"version\": ")
	e.writeString(strconv.Itoa(m.Version))
	if m.Checked != 0 {
		e.writeString(",\n\t\"checked\": ")
		e.writeString(strconv.FormatInt(m.Checked, 10))
	}
	e.writeString(",\n\t\"files\": ")
	e.strs(m.Files, false)
	if len(m.Sums) > 0 {
		e.writeString(",\n\t\"sums\": ")
		e.strs(m.Sums, true)
	}
	if len(m.Pages) > 0 {
		e.writeString(",\n\t\"pages\": [")
		for i, p := range m.Pages {
			if i > 0 {
				e.writeByte(',')
			}
			e.writeString("\n\t\t{\n\t\t\t\"file\": ")
			e.str(p.File)
			e.writeString(",\n\t\t\t\"url\": ")
			e.str(p.URL)
			if p.Title != "" {
				e.writeString(",\n\t\t\t\"title\": ")
				e.str(p.Title)
			}
			e.writeString("\n\t\t}")
		}
		e.writeString("\n\t]")
	}
	e.writeString("\n}\n")
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// manifestEncoder writes JSON to a buffer and keeps the first error.
type manifestEncoder struct {
	w   *bufio.Writer
	err error
}

func (e *manifestEncoder) writeString(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *manifestEncoder) writeByte(c byte) {
	if e.err == nil {
		e.err = e.w.WriteByte(c)
	}
}

// strs writes a list of strings at the manifest's second level: null for
// none (nil, as json.Marshal has it unless omitted).
func (e *manifestEncoder) strs(list []string, omitted bool) {
	switch {
	case list == nil && !omitted:
		e.writeString("null")
		return
	case len(list) == 0:
		e.writeString("[]")
		return
	}
	e.writeByte('[')
	for i, s := range list {
		if i > 0 {
			e.writeByte(',')
		}
		e.writeString("\n\t\t")
		e.str(s)
	}
	e.writeString("\n\t]")
}

// str writes s as json.Marshal quotes it. Names and titles are nearly all
// plain: those are written as they are, and json.Marshal quotes the rest,
// so that its escapes (<, > and & among them) need no copy here.
func (e *manifestEncoder) str(s string) {
	if !plain(s) {
		b, err := json.Marshal(s)
		if err != nil && e.err == nil {
			e.err = err
		}
		e.writeString(string(b))
		return
	}
	e.writeByte('"')
	e.writeString(s)
	e.writeByte('"')
}

// plain reports whether json.Marshal writes s as it is, between quotes:
// valid UTF-8 without control characters, quotes, backslashes, the three
// it escapes for HTML, or the two line separators it escapes for
// JavaScript.
func plain(s string) bool {
	ascii := true
	for i := range len(s) {
		switch c := s[i]; {
		case c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&':
			return false
		case c >= 0x80:
			ascii = false
		}
	}
	return ascii || utf8.ValidString(s) && !strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029")
}

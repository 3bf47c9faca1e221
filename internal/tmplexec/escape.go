package tmplexec

import (
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"
)

// escapers are the escapers html/template puts at the end of an action
// that prints (compiler.escapedAction), by the names it gives them, each
// as html/template defines it for the content types it knows. Where that
// takes more than the common path (HTML stripped of its tags for an
// attribute, a value marshalled as JSON) the escaper fails, and the page
// is made by html/template. TestSameAsHTMLTemplate and
// FuzzSameAsHTMLTemplate compare them with html/template's own.
var escapers = func() map[string]escaper {
	m := map[string]escaper{
		"_html_template_urlfilter": func(s *state, str string, t contentType) string {
			if t != typeURL && !safeURL(str) {
				return "#" + failsafe
			}
			return str
		},
		"_html_template_urlnormalizer": func(s *state, str string, t contentType) string {
			return processURL(str, true)
		},
		"_html_template_urlescaper": func(s *state, str string, t contentType) string {
			return processURL(str, t == typeURL)
		},
		"_html_template_jsvalescaper": func(s *state, str string, t contentType) string {
			switch t {
			case typeJS:
				return str
			case typeJSStr:
				return `"` + str + `"`
			}
			s.fail("a JavaScript value that is not template.JS")
			return ""
		},
		"_html_template_commentescaper": func(*state, string, contentType) string { return "" },
	}
	for name, w := range writers {
		m[name] = func(s *state, str string, t contentType) string {
			var b strings.Builder
			if w(s, &b, str, t) {
				return b.String()
			}
			return str
		}
	}
	return m
}()

// writers are the escapers that replace the runes of a table, in the form
// the last escaper of an action takes (escapedAction): each writes its
// result to w and reports whether it wrote; when it did not, the result
// is its argument as it is. escapers has each in the form that returns
// the result.
var writers = map[string]func(s *state, w textWriter, str string, t contentType) bool{
	"_html_template_htmlescaper": func(s *state, w textWriter, str string, t contentType) bool {
		return t != typeHTML && replaceTo(w, str, htmlTable, true)
	},
	"_html_template_attrescaper": func(s *state, w textWriter, str string, t contentType) bool {
		if t == typeHTML {
			s.fail("HTML in an attribute")
		}
		return replaceTo(w, str, htmlTable, true)
	},
	"_html_template_rcdataescaper": func(s *state, w textWriter, str string, t contentType) bool {
		if t == typeHTML {
			return replaceTo(w, str, htmlNormTable, true)
		}
		return replaceTo(w, str, htmlTable, true)
	},
	"_html_template_nospaceescaper": func(s *state, w textWriter, str string, t contentType) bool {
		switch {
		case str == "":
			w.WriteString(failsafe)
			return true
		case t == typeHTML:
			s.fail("HTML in an attribute")
		}
		return replaceTo(w, str, nospaceTable, false)
	},
}

// escaper is one of html/template's escapers, given its argument's text
// and content type (stringify). The escapers html/template puts one after
// the other into a pipeline get plain text from the one before.
type escaper func(s *state, str string, t contentType) string

// failsafe is what html/template writes for a value it refuses.
const failsafe = "ZgotmplZ"

type contentType uint8

const (
	typePlain contentType = iota
	typeHTML
	typeURL
	typeJS
	typeJSStr
)

var (
	htmlType  = reflect.TypeFor[template.HTML]()
	urlType   = reflect.TypeFor[template.URL]()
	jsType    = reflect.TypeFor[template.JS]()
	jsStrType = reflect.TypeFor[template.JSStr]()
)

// stringify is html/template's for one argument: the text of the value
// and its content type, of the types the escapers here tell apart (CSS,
// attributes and srcset are plain text to them).
func stringify(v reflect.Value) (string, contentType) {
	orig := indirectInterface(v)
	if !orig.IsValid() {
		return "", typePlain // fmt.Sprint of no arguments: nil ones are skipped
	}
	d := orig
	for d.Kind() == reflect.Pointer && !d.IsNil() {
		d = d.Elem()
	}
	switch t := d.Type(); {
	case t == stringType:
		return d.String(), typePlain
	case t == htmlType:
		return d.String(), typeHTML
	case t == urlType:
		return d.String(), typeURL
	case t == jsType:
		return d.String(), typeJS
	case t == jsStrType:
		return d.String(), typeJSStr
	}
	for !orig.Type().Implements(stringerType) && !orig.Type().Implements(errorType) &&
		orig.Kind() == reflect.Pointer && !orig.IsNil() {
		orig = orig.Elem()
	}
	return fmt.Sprint(orig.Interface()), typePlain
}

// The replacement tables of html/template: for text and quoted attribute
// values, the same without & (HTML that is already escaped), and for
// unquoted attribute values.
var (
	htmlTable     = table(map[byte]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"})
	htmlNormTable = table(map[byte]string{0: "\uFFFD", '"': "&#34;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"})
	nospaceTable  = table(map[byte]string{0: "&#xfffd;", '\t': "&#9;", '\n': "&#10;", '\v': "&#11;",
		'\f': "&#12;", '\r': "&#13;", ' ': "&#32;", '"': "&#34;", '&': "&amp;", '\'': "&#39;",
		'+': "&#43;", '<': "&lt;", '=': "&#61;", '>': "&gt;", '`': "&#96;"})
)

// replacements is a table of replacements of ASCII bytes, by byte.
type replacements *[utf8.RuneSelf]string

func table(m map[byte]string) replacements {
	var t [utf8.RuneSelf]string
	for c, r := range m {
		t[c] = r
	}
	return &t
}

// textWriter is a strings.Builder or a bytes.Buffer.
type textWriter interface {
	io.Writer
	io.StringWriter
	Grow(n int)
}

// replaceTo writes s to w with the runes of table replaced, and reports
// whether it replaced anything; when it did not, it wrote nothing, and s
// itself is the result. Without keepBad, the noncharacters U+FDD0–U+FDEF
// and U+FFF0–U+FFFF (and so bytes that are not UTF-8) become numeric
// references, as in an unquoted attribute. The action that ends in an
// escaper writes into the page this way (escapedAction), not through a
// string of its own: the attributes a layout gives on every page, a
// Content-Security-Policy with its 'self' or an integrity hash with a +,
// were each a string made again for every page.
func replaceTo(b textWriter, s string, table replacements, keepBad bool) bool {
	written := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, w := utf8.DecodeRuneInString(s[i:])
			if !keepBad && (0xfdd0 <= r && r <= 0xfdef || 0xfff0 <= r && r <= 0xffff) {
				b.WriteString(s[written:i])
				fmt.Fprintf(b, "&#x%x;", r)
				written = i + w
			}
			i += w
			continue
		}
		if repl := table[c]; repl != "" {
			if written == 0 {
				b.Grow(len(s) + 16)
			}
			b.WriteString(s[written:i])
			b.WriteString(repl)
			written = i + 1
		}
		i++
	}
	if written == 0 {
		return false
	}
	b.WriteString(s[written:])
	return true
}

// safeURL is whether s is relative or its scheme is http, https or mailto.
func safeURL(s string) bool {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
	}
	return true
}

// processURL percent-encodes what is not allowed in a URL's part; norm
// keeps the reserved characters and valid escapes (a whole URL).
func processURL(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", c) >= 0:
			continue
		case norm && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			continue
		case norm && c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		fmt.Fprintf(&b, "%%%02x", c)
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

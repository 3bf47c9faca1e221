package decode

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/torv/torv/internal/diag"
)

// Unmarshaler is implemented by field types that read a TOML value of their
// own (a date, opening hours). The error's text is shown to the editor after
// the key's name, so it should say what is wrong. An error with a method
// Hint() string adds the fix; one with SubKey() string names the key inside
// a table value that is wrong, so the position points at its line.
type Unmarshaler interface {
	UnmarshalTOML(v any) error
}

// Source is TOML text and where it sits in its file.
type Source struct {
	File string // file name for errors, relative to the site folder
	Text string // the TOML
	Line int    // line of the file on which Text starts (1 for a whole file)
	What string // what the TOML is, for messages: "front matter", "config.toml"
}

// Decode fills v, a pointer to a struct, from src. It returns every problem
// it finds; v holds whatever could be decoded.
func Decode(src Source, v any) diag.List { return decode(src, v, nil) }

func decode(src Source, v any, pick func(map[string]any) any) diag.List {
	if src.Line < 1 {
		src.Line = 1
	}
	d := &decoder{src: src}
	// What fastDecode reads nests no deeper than a list, and its keys'
	// positions are wanted only for a message: they are found then.
	m, ok := fastDecode(src.Text)
	if !ok {
		idx, dl, dc := scanKeys(src.Text)
		if dl > 0 {
			d.errs.Add(diag.Errorf(src.File, src.Line+dl-1, dc, "values are nested more than %d levels deep", MaxDepth).
				WithHint("use fewer [ and { inside each other"))
			return d.errs
		}
		d.idx = idx
		if _, err := toml.Decode(src.Text, &m); err != nil {
			d.errs.Add(d.parseError(err))
			return d.errs
		}
	}
	if pick != nil {
		if v = pick(m); v == nil {
			return d.errs
		}
	}
	d.fill("", m, reflect.ValueOf(v).Elem())
	return d.errs
}

// DecodeAs is Decode for when the struct depends on a value in the TOML,
// such as a page's type: pick sees the parsed table and returns a pointer to
// the struct to fill, or nil after reporting why there is none with Errorf.
func DecodeAs(src Source, pick func(m map[string]any, errorf func(key, format string, args ...any) *diag.Error) any) diag.List {
	var errs diag.List
	errorf := func(key, format string, args ...any) *diag.Error {
		line, col := PosOf(src, key)
		e := diag.Errorf(src.File, line, col, format, args...)
		errs.Add(e)
		return e
	}
	out := decode(src, nil, func(m map[string]any) any { return pick(m, errorf) })
	return append(errs, out...)
}

// PosOf returns the file line and value column of key path in src, for
// errors found after decoding (a reference to a page that does not exist).
func PosOf(src Source, path string) (line, col int) {
	idx, _, _ := scanKeys(src.Text)
	if p, ok := idx.lookup(path); ok {
		return src.Line + p.Line - 1, p.ValCol
	}
	if src.Line > 1 { // front matter: the opening +++ line
		return src.Line - 1, 1
	}
	return 1, 1
}

type decoder struct {
	src  Source
	idx  keyIndex
	errs diag.List
}

func (d *decoder) parseError(err error) *diag.Error {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return diag.Errorf(d.src.File, d.src.Line, 0, "%s is not valid TOML: %v", d.src.What, err)
	}
	line, col := lineCol(d.src.Text, pe.Position.Start)
	if pe.Position.Line > 0 && pe.Position.Line != line {
		line, col = pe.Position.Line, 0
	}
	if strings.Contains(pe.Message, "array terminator") {
		line, col = listEnd(d.src.Text, line, col)
	}
	e := diag.Errorf(d.src.File, d.src.Line+line-1, col, "%s is not valid TOML: %s", d.src.What, pe.Message)
	e.Hint = parseHint(pe.Message)
	return e
}

// parseHint gives the usual fix for the usual mistakes. The decoder's
// messages are its own words; we only add an instruction beside them.
func parseHint(msg string) string {
	switch {
	case strings.Contains(msg, "expected '.' or '='") && nonASCIIGot(msg):
		return `a key with æ, ø, å or other letters beyond a-z must be in quotes, like "lørdag" = "10:00-12:00", or use the English name (saturday)`
	case strings.Contains(msg, "expected value but found"), strings.Contains(msg, "bare keys cannot contain"):
		return `put text in double quotes, like title = "Sygedagpenge"`
	case strings.Contains(msg, "unexpected EOF"), strings.Contains(msg, "unterminated"),
		strings.Contains(msg, "cannot contain newlines"):
		return "a quote or bracket is not closed"
	case strings.Contains(msg, "invalid datetime"):
		return "write a real date as year-month-day, like 2024-05-01"
	case strings.Contains(msg, "has already been defined"), strings.Contains(msg, "duplicate"):
		return "each key may appear only once; remove one of them"
	case strings.Contains(msg, "array terminator"):
		return `put a comma after each item of the list but the last, and end the list with ], like tags = ["møder", "digital"]`
	case strings.Contains(msg, "expected '.' or '='"):
		return `each line is a key, =, and a value, like title = "Sygedagpenge"`
	}
	return "check the line against the examples in the README"
}

// nonASCIIGot reports whether the decoder's "but got 'X'" names a letter
// beyond ASCII.
func nonASCIIGot(msg string) bool {
	_, after, ok := strings.Cut(msg, "but got '")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after)
	return r > utf8.RuneSelf
}

// listEnd moves the decoder's "expected a comma or ]" from where it
// noticed the mistake to where it is. When the decoder stopped at the
// first thing on line (the next key after a list not closed, or the next
// item of a list on several lines after one without a comma), the comma
// or ] is missing at the end of the line before, so that is the place to
// report; anywhere else (two items on one line without a comma), line
// and col are the place already.
func listEnd(text string, line, col int) (int, int) {
	lines := strings.Split(text, "\n")
	if line < 2 || line > len(lines) || col == 0 || strings.TrimSpace(firstRunes(lines[line-1], col-1)) != "" {
		return line, col
	}
	for l := line - 1; l >= 1; l-- {
		if t := strings.TrimRight(lines[l-1], " \t\r"); t != "" {
			return l, utf8.RuneCountInString(t)
		}
	}
	return line, col
}

// firstRunes is the first n runes of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// lineCol converts a byte offset into a 1-based line and rune column.
func lineCol(text string, off int) (line, col int) {
	off = min(max(off, 0), len(text))
	before := text[:off]
	line = strings.Count(before, "\n") + 1
	start := strings.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCountInString(before[start:]) + 1
}

func (d *decoder) errAt(path string, atValue bool, format string, args ...any) *diag.Error {
	line, col := d.src.Line, 1
	if d.idx == nil {
		d.idx, _, _ = scanKeys(d.src.Text)
	}
	if p, ok := d.idx.lookup(path); ok {
		line = d.src.Line + p.Line - 1
		col = p.KeyCol
		if atValue {
			col = p.ValCol
		}
	} else if d.src.Line > 1 {
		// Front matter: point at the opening +++ line.
		line = d.src.Line - 1
	}
	e := diag.Errorf(d.src.File, line, col, format, args...)
	d.errs.Add(e)
	return e
}

var unmarshalerType = reflect.TypeFor[Unmarshaler]()

// fields lists a struct's TOML fields, flattening embedded structs.
type field struct {
	name     string
	required bool
	index    []int
}

func fieldsOf(t reflect.Type) []field {
	// Every page's front matter is filled through here: the fields and
	// their indexes take two allocations, not two a field.
	out := make([]field, 0, t.NumField()+16)
	slab := make([]int, 0, 2*cap(out))
	return appendFields(out, &slab, t, nil)
}

// appendFields appends t's fields to out, each index below the embedded
// fields' at; the indexes are cut from slab.
func appendFields(out []field, slab *[]int, t reflect.Type, at []int) []field {
	for i := range t.NumField() {
		f := t.Field(i)
		n := len(*slab)
		*slab = append(append(*slab, at...), i)
		index := (*slab)[n:len(*slab):len(*slab)]
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			out = appendFields(out, slab, f.Type, index)
			continue
		}
		name := f.Tag.Get("toml")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		out = append(out, field{name: name, required: f.Tag.Get("torv") == "required", index: index})
	}
	return out
}

// Keys returns the TOML keys a struct type accepts, in declaration order.
func Keys(v any) []string {
	var keys []string
	for _, f := range fieldsOf(reflect.TypeOf(v).Elem()) {
		keys = append(keys, f.name)
	}
	return keys
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// where names a table for messages: "front matter", "[address]".
func (d *decoder) where(prefix string) string {
	if prefix == "" {
		return d.src.What
	}
	// Drop array indices: [charts.bars], not [charts.1.bars.0].
	var parts []string
	for p := range strings.SplitSeq(prefix, ".") {
		if _, err := strconv.Atoi(p); err != nil {
			parts = append(parts, p)
		}
	}
	return "[" + strings.Join(parts, ".") + "]"
}

func (d *decoder) fill(prefix string, m map[string]any, v reflect.Value) {
	fs := fieldsOf(v.Type())
	known := func(k string) bool {
		return slices.ContainsFunc(fs, func(f field) bool { return f.name == k })
	}
	// meant is the keys an unknown key is a misspelling of: a required
	// one among them is missing for that one mistake, which its own
	// message names ("did you mean"), so it gets no second message.
	var meant []string
	if !allKnown(m, known) {
		// The rare case: each unknown key's message, in key order.
		names := make([]string, len(fs))
		for i, f := range fs {
			names[i] = f.name
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !known(k) {
				d.errAt(join(prefix, k), false, "unknown key %q in %s", k, d.where(prefix)).Hint =
					diag.DidYouMean(k, names, "the keys allowed here are: "+strings.Join(names, ", "))
				meant = append(meant, diag.Suggest(k, names))
			}
		}
	}
	for _, f := range fs {
		raw, ok := m[f.name]
		if !ok {
			if f.required && !slices.Contains(meant, f.name) {
				d.errAt(prefix, false, "missing required key %q in %s", f.name, d.where(prefix)).
					WithHint("add a line %s", example(f.name, v.FieldByIndex(f.index).Type()))
			}
			continue
		}
		fv := v.FieldByIndex(f.index)
		d.value(join(prefix, f.name), f.name, raw, fv)
		if f.required && fv.Kind() == reflect.String && strings.TrimSpace(fv.String()) == "" {
			if _, isString := raw.(string); isString {
				d.errAt(join(prefix, f.name), true, "%s is empty", f.name).
					WithHint("write something between the quotes")
			}
		}
	}
}

// allKnown reports whether known knows every key of m.
func allKnown(m map[string]any, known func(string) bool) bool {
	for k := range m {
		if !known(k) {
			return false
		}
	}
	return true
}

// example shows how a key of type t is written.
func example(name string, t reflect.Type) string {
	switch {
	case reflect.PointerTo(t).Implements(unmarshalerType) && t.Name() == "Date":
		return name + " = 2024-05-01"
	case t.Kind() == reflect.String:
		return name + ` = "..."`
	case t.Kind() == reflect.Int:
		return name + " = 10"
	case t.Kind() == reflect.Float64:
		return name + " = 12.5"
	case t.Kind() == reflect.Bool:
		return name + " = true"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return name + ` = ["...", "..."]`
	case t.Kind() == reflect.Slice:
		return "[[" + name + "]]"
	case t.Kind() == reflect.Struct:
		return "[" + name + "]"
	}
	return name + " = ..."
}

func tomlType(raw any) string {
	switch raw.(type) {
	case string:
		return "text"
	case int64:
		return "a whole number"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	case time.Time:
		return "a date"
	case []map[string]any:
		return "a list of tables"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", raw)
}

func (d *decoder) value(path, name string, raw any, v reflect.Value) {
	if v.Kind() == reflect.Pointer {
		// An optional value (search = false): nil when not written.
		e := reflect.New(v.Type().Elem())
		d.value(path, name, raw, e.Elem())
		v.Set(e)
		return
	}
	if v.CanAddr() && v.Addr().Type().Implements(unmarshalerType) {
		if err := v.Addr().Interface().(Unmarshaler).UnmarshalTOML(raw); err != nil {
			var sub interface{ SubKey() string }
			if errors.As(err, &sub) && sub.SubKey() != "" {
				path = path + "." + sub.SubKey()
				name = path[strings.LastIndexByte(path, '.')+1:]
			}
			e := d.errAt(path, true, "%s: %v", name, err)
			var h interface{ Hint() string }
			if errors.As(err, &h) {
				e.Hint = h.Hint()
			}
		}
		return
	}
	wrong := func(hint string) {
		d.errAt(path, true, "%s must be %s, not %s", name, kindWord(v.Type()), tomlType(raw)).Hint = hint
	}
	switch v.Kind() {
	case reflect.String:
		s, ok := raw.(string)
		if !ok {
			wrong(fmt.Sprintf(`put the text in double quotes: %s = "%v"`, name, plain(raw)))
			return
		}
		v.SetString(strings.Clone(s)) // not a slice of the whole source, kept alive by a title
	case reflect.Bool:
		b, ok := raw.(bool)
		if !ok {
			wrong(fmt.Sprintf("write %s = true or %s = false, without quotes", name, name))
			return
		}
		v.SetBool(b)
	case reflect.Int:
		switch x := raw.(type) {
		case int64:
			v.SetInt(x)
		case string:
			if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
				v.SetInt(int64(n))
				return
			}
			wrong(fmt.Sprintf("write a whole number without quotes, like %s = 10", name))
		default:
			wrong(fmt.Sprintf("write a whole number without quotes, like %s = 10", name))
		}
	case reflect.Float64:
		switch x := raw.(type) {
		case int64:
			v.SetFloat(float64(x))
		case float64:
			v.SetFloat(x)
		case string:
			if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
				v.SetFloat(f)
				return
			}
			wrong(fmt.Sprintf("write a number without quotes and with a decimal point, like %s = 77117 or %s = 12.5", name, name))
		default:
			wrong(fmt.Sprintf("write a number without quotes, like %s = 12.5", name))
		}
	case reflect.Slice:
		d.slice(path, name, raw, v, wrong)
	case reflect.Struct:
		m, ok := raw.(map[string]any)
		if !ok {
			wrong(fmt.Sprintf("write [%s] on a line of its own, and its keys below it", name))
			return
		}
		d.fill(path, m, v)
	case reflect.Map:
		// A table of tables whose names the editor chooses, such as
		// [languages.en]: each value is decoded like a table of its own.
		m, ok := raw.(map[string]any)
		if !ok || v.Type().Key().Kind() != reflect.String || v.Type().Elem().Kind() != reflect.Struct {
			wrong(fmt.Sprintf("write [%s.NAME] on a line of its own, and its keys below it", name))
			return
		}
		out := reflect.MakeMapWithSize(v.Type(), len(m))
		keys := slices.Sorted(maps.Keys(m))
		for _, k := range keys {
			ev := reflect.New(v.Type().Elem()).Elem()
			d.value(join(path, k), k, m[k], ev)
			out.SetMapIndex(reflect.ValueOf(strings.Clone(k)).Convert(v.Type().Key()), ev)
		}
		v.Set(out)
	default:
		d.errAt(path, true, "%s cannot be set here", name)
	}
}

func (d *decoder) slice(path, name string, raw any, v reflect.Value, wrong func(string)) {
	elem := v.Type().Elem()
	if elem.Kind() == reflect.String {
		switch x := raw.(type) {
		case string:
			v.Set(reflect.ValueOf([]string{strings.Clone(x)}).Convert(v.Type()))
		case []any:
			out := reflect.MakeSlice(v.Type(), 0, len(x))
			for i, item := range x {
				s, ok := item.(string)
				if !ok {
					d.errAt(path, true, "item %d of %s must be text, not %s", i+1, name, tomlType(item)).
						WithHint(`put every item in double quotes: %s = ["a", "b"]`, name)
					continue
				}
				out = reflect.Append(out, reflect.ValueOf(strings.Clone(s)).Convert(elem))
			}
			v.Set(out)
		default:
			wrong(fmt.Sprintf(`write a list in square brackets: %s = ["a", "b"]`, name))
		}
		return
	}
	var tables []map[string]any
	switch x := raw.(type) {
	case []map[string]any:
		tables = x
	case []any: // an inline array of inline tables
		for _, item := range x {
			m, ok := item.(map[string]any)
			if !ok {
				wrong(fmt.Sprintf("write each item as a [[%s]] block", name))
				return
			}
			tables = append(tables, m)
		}
	case map[string]any: // [name] where [[name]] was meant: one element
		tables = []map[string]any{x}
	default:
		wrong(fmt.Sprintf("write each item as a [[%s]] block", name))
		return
	}
	out := reflect.MakeSlice(v.Type(), len(tables), len(tables))
	for i, m := range tables {
		d.fill(path+"."+strconv.Itoa(i), m, out.Index(i))
	}
	v.Set(out)
}

func kindWord(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int:
		return "a whole number"
	case reflect.Float64:
		return "a number"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "a list of texts"
		}
		return "a list of [[blocks]]"
	case reflect.Struct:
		return "a table"
	}
	return t.String()
}

func plain(raw any) string {
	if t, ok := raw.(time.Time); ok {
		return t.Format(time.DateOnly)
	}
	return fmt.Sprint(raw)
}

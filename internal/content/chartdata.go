package content

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/ignore"
	"github.com/torv/torv/internal/sitefs"
)

// This file reads a chart's bars from a CSV file beside its page, for
// figures that come out of a spreadsheet: a [[charts]] entry with
// data = "tilfredshed.csv" instead of [[charts.bars]]. The file is read
// with the page, through the same fs.FS, so a mistake in it is an editor
// error at the CSV's own line and column, like a mistake in front matter.
//
// The file holds a header row naming the columns, label and value, and
// one row per bar:
//
//	label,value
//	Jobcentret,79
//	"Ydelsescentret, Torvet",66
//
// A semicolon in the header row makes ";" the separator, the way
// spreadsheets in Danish, Swedish and Norwegian save CSV, and then a value
// may have a decimal comma: "Ja;79,5". A value is a plain number: digits,
// perhaps a minus, and at most one decimal point or decimal comma (79.5 and
// 79,5 are both 79.5). Anything a reader could take two ways is an error,
// not a guess: "77.117" is 77117 in Danish and 77.117 in English, so a
// value with exactly three digits after its one separator is refused
// (unless it starts with 0), as are thousands separators, units ("79 %")
// and a file not saved as UTF-8. A wrong number in a chart is worse than a
// build that stops and says where.
//
// The CSV file stays an ordinary file of content/: it is published beside
// the page, like an image, and the chart links to it (Chart.DataURL), so
// the numbers can be downloaded as they are, and the file is never a
// stray one that nothing leads to.

// MaxDataSize bounds a chart's CSV file: a chart with more bars than fit
// in it could not be read anyway.
const MaxDataSize = 1 << 20

// validDataName reports whether s may name a chart's CSV file: a .csv file
// in the page's own folder, not one that torv leaves out of the site.
func validDataName(s string) bool {
	return s == path.Base(s) && !strings.Contains(s, `\`) && len(s) > len(".csv") &&
		strings.EqualFold(path.Ext(s), ".csv") && !ignore.Name(s)
}

// DataFiles returns the files (slash paths below the site folder) that page
// p reads besides its own: the CSV files of its charts. The preview reads
// the page again when one of them changes.
func (p *Page) DataFiles() []string {
	d, ok := p.Data.(*Figures)
	if !ok {
		return nil
	}
	var out []string
	for _, ch := range d.Charts {
		if ch.Data != "" {
			out = append(out, path.Join(path.Dir(p.File), ch.Data))
		}
	}
	return out
}

// readChartData fills the bars of page p's charts that name a CSV file.
func readChartData(fsys fs.FS, p *Page) diag.List {
	d, ok := p.Data.(*Figures)
	if !ok {
		return nil
	}
	var errs diag.List
	for i := range d.Charts {
		ch := &d.Charts[i]
		if ch.Data == "" {
			continue
		}
		file := path.Join(path.Dir(p.File), ch.Data)
		ch.DataURL = "/" + strings.TrimPrefix(file, Dir+"/")
		at := func(format string, args ...any) *diag.Error {
			line, col := p.Pos("charts." + strconv.Itoa(i) + ".data")
			e := diag.Errorf(p.File, line, col, format, args...)
			errs.Add(e)
			return e
		}
		info, err := fs.Stat(fsys, file)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			e := at("data names %q, but there is no such file beside the page", ch.Data)
			e.Hint = diag.DidYouMean(ch.Data, csvFiles(fsys, path.Dir(file)),
				fmt.Sprintf("put the file %s in %s, or correct the name", ch.Data, path.Dir(file)))
			continue
		case errors.Is(err, sitefs.ErrSymlink):
			at("%s %s", ch.Data, sitefs.ErrSymlink).WithHint("copy the file beside the page")
			continue
		case err != nil:
			at("cannot read %s: %v", file, err)
			continue
		case !info.Mode().IsRegular():
			at("data names %q, which is not a file", ch.Data).WithHint("name a .csv file beside the page")
			continue
		case info.Size() > MaxDataSize:
			at("%s is larger than %d MiB", file, MaxDataSize>>20).WithHint("a chart shows a few bars; keep only those in the file")
			continue
		}
		b, err := fs.ReadFile(fsys, file)
		if err != nil {
			at("cannot read %s: %v", file, err)
			continue
		}
		bars, cerrs := parseChartCSV(file, b)
		errs.Add(cerrs...)
		if len(ch.Bars) == 0 { // both given is reported by validate
			ch.Bars = bars
		}
	}
	return errs
}

// csvFiles lists the CSV files of a folder, for suggestions.
func csvFiles(fsys fs.FS, dir string) []string {
	entries, _ := fs.ReadDir(fsys, dir)
	var out []string
	for _, e := range entries {
		if !e.IsDir() && validDataName(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

// parseChartCSV reads the bars of a CSV file's bytes; file names it in
// errors.
func parseChartCSV(file string, b []byte) ([]Bar, diag.List) {
	var errs diag.List
	b = bytes.TrimPrefix(b, []byte("\uFEFF")) // spreadsheets start UTF-8 with a byte order mark
	if !utf8.Valid(b) {
		line, col := firstInvalidUTF8(b)
		errs.Add(diag.Errorf(file, line, col, "the file is not saved as UTF-8, so æ, ø and å would come out wrong").
			WithHint(`save it as "CSV UTF-8" in your spreadsheet`))
		return nil, errs
	}
	if len(bytes.TrimSpace(b)) == 0 {
		errs.Add(diag.Errorf(file, 1, 1, "the file is empty").
			WithHint("write a first line label,value and then one line per bar, like Jobcentret,79"))
		return nil, errs
	}
	lines := strings.Split(string(b), "\n")
	first := lines[0]
	sep := ','
	if strings.Contains(first, ";") {
		sep = ';'
	}
	example := string(sep)
	// col turns the CSV reader's byte column into a character column.
	col := func(line, byteCol int) int {
		if line < 1 || line > len(lines) || byteCol < 1 {
			return max(byteCol, 1)
		}
		text := lines[line-1]
		return utf8.RuneCountInString(text[:min(byteCol-1, len(text))]) + 1
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = sep
	r.FieldsPerRecord = -1 // counted here, for a better message
	r.TrimLeadingSpace = true
	var bars []Bar
	header := true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs.Add(diag.Errorf(file, pe.Line, col(pe.Line, pe.Column), "%v", pe.Err).
					WithHint(`a label holding %q or " must be in double quotes, with each " inside it doubled: "Ja, ""helt"" enig"`, example))
			} else {
				errs.Add(diag.Errorf(file, 0, 0, "cannot read the file: %v", err))
			}
			return bars, errs
		}
		line, _ := r.FieldPos(0)
		if header {
			header = false
			if len(rec) == 2 && strings.EqualFold(strings.TrimSpace(rec[0]), "label") && strings.EqualFold(strings.TrimSpace(rec[1]), "value") {
				continue
			}
			e := diag.Errorf(file, line, 1, "the first line must name the columns: label%svalue", example).
				WithHint("write label%svalue as the first line, then one line per bar", example)
			if len(rec) == 2 {
				if _, ok := dataNumber(rec[1]); ok {
					e.Hint = fmt.Sprintf("add a line label%svalue above the first bar", example)
				}
			}
			errs.Add(e)
			return bars, errs
		}
		if len(rec) != 2 {
			e := diag.Errorf(file, line, 1, "line %d has %d fields, but a bar is a label and a value", line, len(rec)).
				WithHint(`write it like Jobcentret%s79, with a label holding %q in double quotes`, example, example)
			if sep == ',' && len(rec) == 3 {
				e.Hint = `for a decimal comma, separate the columns with ";" (label;value and Ja;79,5) or write the number in quotes ("79,5")`
			}
			errs.Add(e)
			continue
		}
		label := strings.TrimSpace(rec[0])
		if label == "" {
			l, c := r.FieldPos(0)
			errs.Add(diag.Errorf(file, l, col(l, c), "the bar on line %d has no label", line).
				WithHint("write what the bar counts before the %q", example))
			continue
		}
		v, problem := parseDataValue(rec[1])
		if problem != nil {
			l, c := r.FieldPos(1)
			problem.File, problem.Line, problem.Col = file, l, col(l, c)
			errs.Add(problem)
			continue
		}
		bars = append(bars, Bar{Label: label, Value: v})
	}
	if len(bars) == 0 && len(errs) == 0 {
		errs.Add(diag.Errorf(file, 1, 1, "the file has no bars, only its first line").
			WithHint("write one line per bar below it, like Jobcentret%s79", example))
	}
	return bars, errs
}

var numberPattern = regexp.MustCompile(`^-?[0-9]+(?:[.,][0-9]+)?$`)

// dataNumber reads a plain number with a decimal point or comma.
func dataNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\u2212", "-") // a typeset minus
	if !numberPattern.MatchString(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return v + 0, err == nil // + 0 makes -0 plain 0
}

// parseDataValue reads a bar's value, or says what is wrong with it; the
// error's position is filled in by the caller.
func parseDataValue(raw string) (float64, *diag.Error) {
	s := strings.TrimSpace(raw)
	v, ok := dataNumber(s)
	switch {
	case s == "":
		return 0, &diag.Error{Msg: "the bar has no value", Hint: "write a number after the label, like Jobcentret,79"}
	case strings.ContainsAny(s, "%‰"):
		return 0, &diag.Error{Msg: fmt.Sprintf("the value %q holds a unit", s),
			Hint: `write only the number; the chart's unit (unit = "%") says what it counts`}
	case !ok && strings.ContainsAny(s, ".,' \u00a0") && strings.ContainsAny(s, "0123456789"):
		return 0, &diag.Error{Msg: fmt.Sprintf("the value %q has a separator for thousands, or more than one decimal separator", s),
			Hint: "write the number without a separator for thousands, like 77117, and with at most one decimal comma, like 79,5"}
	case !ok:
		return 0, &diag.Error{Msg: fmt.Sprintf("the value %q is not a number", s), Hint: "write a number, like 79 or 79,5"}
	case v < 0:
		return 0, &diag.Error{Msg: fmt.Sprintf("the value %s is below 0, which a bar chart cannot draw", s),
			Hint: "show figures below 0 as key figures ([[figures]]) instead of bars"}
	}
	whole, frac, hasSep := strings.Cut(strings.Replace(strings.TrimPrefix(s, "-"), ",", ".", 1), ".")
	if hasSep && len(frac) == 3 && strings.TrimLeft(whole, "0") != "" {
		return 0, &diag.Error{Msg: fmt.Sprintf("the value %q could mean %s%s (with a separator for thousands) or %s.%s (with three decimals)", s, whole, frac, whole, frac),
			Hint: fmt.Sprintf("write %s%s without a separator for thousands, or a decimal number with one, two or four decimals, like %s,%s0", whole, frac, whole, frac)}
	}
	return v, nil
}

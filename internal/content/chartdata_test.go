package content_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/torv/torv/internal/content"
)

// chartPage is a figures page with one chart whose [[charts]] entry has the
// given lines.
func chartPage(lines ...string) string {
	return "+++\ntitle = \"Tal\"\ntype = \"figures\"\n\n[[charts]]\ntitle = \"Tilfredshed\"\n" + strings.Join(lines, "\n") + "\n+++\n\nEksempeltal.\n"
}

// bars lists a chart's bars as label=value.
func bars(c content.Chart) string {
	var out []string
	for _, b := range c.Bars {
		out = append(out, fmt.Sprintf("%s=%v", b.Label, b.Value))
	}
	return strings.Join(out, "; ")
}

func TestChartData(t *testing.T) {
	tests := []struct {
		name, csv, want string
	}{
		{"comma", "label,value\nJobcentret,79\nYdelsescentret,66\n", "Jobcentret=79; Ydelsescentret=66"},
		{"decimal point", "label,value\nJa,79.5\nNej,0.125\n", "Ja=79.5; Nej=0.125"},
		{"semicolon and decimal comma", "label;value\nJa;79,5\nNej; 20,5\n", "Ja=79.5; Nej=20.5"},
		{"decimal comma in quotes", "label,value\nJa,\"79,5\"\n", "Ja=79.5"},
		{"header in any case, byte order mark, CRLF, blank lines", "\uFEFFLabel , VALUE\r\n\r\nJa,1\r\nNej,2\r\n", "Ja=1; Nej=2"},
		{"a label with the separator in quotes", "label,value\n\"Job, uddannelse\",12\n\"Ja, \"\"helt\"\" enig\",3\n", "Job, uddannelse=12; Ja, \"helt\" enig=3"},
		{"no newline at the end", "label,value\nÆldre,7", "Ældre=7"},
		{"a typeset minus for zero", "label,value\nIngen,\u22120\n", "Ingen=0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := mustLoad(t, map[string]string{
				"content/tal/side.md":         chartPage(`data = "tilfredshed.csv"`),
				"content/tal/tilfredshed.csv": tt.csv,
			})
			p := site.PageByFile("tal/side.md")
			c := p.Data.(*content.Figures).Charts[0]
			if got := bars(c); got != tt.want {
				t.Errorf("bars %q, want %q", got, tt.want)
			}
			if c.DataURL != "/tal/tilfredshed.csv" {
				t.Errorf("DataURL %q, want /tal/tilfredshed.csv", c.DataURL)
			}
			// Published beside the page, so the chart's link leads to it.
			if !site.HasFile(c.DataURL) {
				t.Errorf("%s is not among the files copied to the site", c.DataURL)
			}
			if got := p.DataFiles(); !slices.Equal(got, []string{"content/tal/tilfredshed.csv"}) {
				t.Errorf("DataFiles %q", got)
			}
		})
	}
}

func TestChartDataErrors(t *testing.T) {
	const csvFile = "content/tal/t.csv"
	tests := []struct {
		name  string
		page  string // the [[charts]] lines; data = "t.csv" when ""
		csv   string // the file's text; no file when "-"
		want  string
		bars  string // the bars that did load
		hints string // a part of the first error's hint
	}{
		{"missing file", "", "-",
			`content/tal/side.md:7:8: data names "t.csv", but there is no such file beside the page`, "", "put the file t.csv in content/tal"},
		{"a near name", `data = "tt.csv"`, "label,value\nJa,1\n",
			`content/tal/side.md:7:8: data names "tt.csv", but there is no such file beside the page`, "", `did you mean "t.csv"`},
		{"empty", "", "", "content/tal/t.csv:1:1: the file is empty", "", "label,value"},
		{"only blank lines", "", "\n \n", "content/tal/t.csv:1:1: the file is empty", "", "label,value"},
		{"header only", "", "label,value\n", "content/tal/t.csv:1:1: the file has no bars, only its first line", "", "Jobcentret,79"},
		{"no header", "", "Ja,79\nNej,21\n", "content/tal/t.csv:1:1: the first line must name the columns: label,value", "", "add a line label,value above"},
		{"other column names", "", "svar;andel\nJa;79\n", "content/tal/t.csv:1:1: the first line must name the columns: label;value", "", "write label;value as the first line"},
		{"not a number, columns in characters", "", "label,value\nÆldre borgere,mange\nJa,3\n",
			`content/tal/t.csv:2:15: the value "mange" is not a number`, "Ja=3", "79,5"},
		{"empty value", "", "label,value\nJa,\n", "content/tal/t.csv:2:4: the bar has no value", "", "Jobcentret,79"},
		{"ambiguous thousands", "", "label,value\nHenvendelser,77.117\n",
			`content/tal/t.csv:2:14: the value "77.117" could mean 77117 (with a separator for thousands) or 77.117 (with three decimals)`, "", "write 77117"},
		{"ambiguous with a comma", "", "label;value\nHenvendelser;1,125\n",
			`content/tal/t.csv:2:14: the value "1,125" could mean 1125 (with a separator for thousands) or 1.125 (with three decimals)`, "", "like 1,1250"},
		{"thousands and decimals", "", "label;value\nKroner;1.234,5\n",
			`content/tal/t.csv:2:8: the value "1.234,5" has a separator for thousands, or more than one decimal separator`, "", "77117"},
		{"thousands with a space", "", "label,value\nKroner,12 345\n",
			`content/tal/t.csv:2:8: the value "12 345" has a separator for thousands, or more than one decimal separator`, "", "77117"},
		{"a unit", "", "label,value\nJa,79 %\n", `content/tal/t.csv:2:4: the value "79 %" holds a unit`, "", `unit = "%"`},
		{"below zero", "", "label,value\nÆndring,-3\n", "content/tal/t.csv:2:9: the value -3 is below 0, which a bar chart cannot draw", "", "key figures"},
		{"a decimal comma unquoted in a comma file", "", "label,value\nJa,79,5\nNej,20\n",
			"content/tal/t.csv:2:1: line 2 has 3 fields, but a bar is a label and a value", "Nej=20", `separate the columns with ";"`},
		{"no label", "", "label,value\n,5\n", "content/tal/t.csv:2:1: the bar on line 2 has no label", "", "before the"},
		{"a stray quote", "", "label,value\nJa \"helt\",5\n", `content/tal/t.csv:2:4: bare " in non-quoted-field`, "", "doubled"},
		{"not UTF-8", "", "label,value\nJa,1\nK\xf8benhavn,2\n", "content/tal/t.csv:3:2: the file is not saved as UTF-8, so æ, ø and å would come out wrong", "", "CSV UTF-8"},
		{"both data and bars", "data = \"t.csv\"\n[[charts.bars]]\nlabel = \"Ja\"\nvalue = 1", "label,value\nNej,2\n",
			`content/tal/side.md:7:8: the chart "Tilfredshed" has both data and [[charts.bars]]`, "Ja=1", "not both"},
		{"outside the page's folder", `data = "../t.csv"`, "label,value\nJa,1\n",
			`content/tal/side.md:7:8: data "../t.csv" must be the name of a .csv file in the page's folder`, "", "beside the page"},
		{"not a CSV file", `data = "t.xlsx"`, "-",
			`content/tal/side.md:7:8: data "t.xlsx" must be the name of a .csv file in the page's folder`, "", "beside the page"},
		{"a file torv leaves out", `data = "_t.csv"`, "-",
			`content/tal/side.md:7:8: data "_t.csv" must be the name of a .csv file in the page's folder`, "", "beside the page"},
		{"a negative bar in front matter", "[[charts.bars]]\nlabel = \"Ja\"\nvalue = -1", "-",
			`content/tal/side.md:9:9: bar "Ja" has the value -1, below 0, which a bar chart cannot draw`, "Ja=-1", "key figures"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := tt.page
			if lines == "" {
				lines = `data = "t.csv"`
			}
			files := map[string]string{"content/tal/side.md": chartPage(lines)}
			if tt.csv != "-" {
				files[csvFile] = tt.csv
			}
			site, errs := load(t, files)
			e := errs.Errors()
			if got := withoutHints(e); got != tt.want {
				t.Fatalf("got\n%s\nwant\n%s", got, tt.want)
			}
			if !strings.Contains(e[0].Hint, tt.hints) {
				t.Errorf("hint %q does not hold %q", e[0].Hint, tt.hints)
			}
			if p := site.PageByFile("tal/side.md"); p == nil {
				t.Error("the page is not in the site")
			} else if got := bars(p.Data.(*content.Figures).Charts[0]); got != tt.bars {
				t.Errorf("bars %q, want %q", got, tt.bars)
			}
		})
	}
}

// TestChartDataTooLarge: a CSV file is bounded before it is read.
func TestChartDataTooLarge(t *testing.T) {
	_, errs := load(t, map[string]string{
		"content/tal/side.md": chartPage(`data = "t.csv"`),
		"content/tal/t.csv":   "label,value\n" + strings.Repeat("Ja,1\n", content.MaxDataSize/5+1),
	})
	if got := withoutHints(errs.Errors()); got != "content/tal/side.md:7:8: content/tal/t.csv is larger than 1 MiB" {
		t.Errorf("got %s", got)
	}
}

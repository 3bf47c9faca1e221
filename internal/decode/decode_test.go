package decode

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

type date struct{ time.Time }

func (d *date) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		d.Time = x
		return nil
	case string:
		t, err := time.Parse(time.DateOnly, x)
		if err != nil {
			return fmt.Errorf("%q is not a date", x)
		}
		d.Time = t
		return nil
	}
	return fmt.Errorf("not a date")
}

type bar struct {
	Label string  `toml:"label" torv:"required"`
	Value float64 `toml:"value" torv:"required"`
}

type chart struct {
	Title string `toml:"title" torv:"required"`
	Bars  []bar  `toml:"bars"`
}

type common struct {
	Title  string   `toml:"title" torv:"required"`
	Weight int      `toml:"weight"`
	Tags   []string `toml:"tags"`
}

type doc struct {
	common
	Date    date `toml:"date"`
	Free    bool `toml:"step_free"`
	Address struct {
		Street string `toml:"street" torv:"required"`
	} `toml:"address"`
	Charts []chart `toml:"charts"`
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"ok", "title = \"A\"\nweight = 3\ntags = \"x\"\n[address]\nstreet = \"S\"", ""},
		{"unknown key", "title = \"A\"\ntitel2 = 1", `f.md:3:1: unknown key "titel2" in front matter (did you mean "title"?)`},
		{"unknown nested", "title = \"A\"\n[address]\nstret = \"x\"", "f.md:4:1: unknown key \"stret\" in [address] (did you mean \"street\"?)"},
		{"misspelt title", "Title = \"A\"", `f.md:2:1: unknown key "Title" in front matter (did you mean "title"?)`},
		{"unknown key, title missing", "weight = 1\nfarve = 2", "f.md:1:1: missing required key \"title\" in front matter (add a line title = \"...\")\nf.md:3:1: unknown key \"farve\" in front matter (the keys allowed here are: title, weight, tags, date, step_free, address, charts)"},
		{"list not closed", "title = \"A\"\ntags = [\"a\", \"b\"\nweight = 1", `f.md:3:16: front matter is not valid TOML: expected a comma (',') or array terminator (']'), but got 'w' (put a comma after each item of the list but the last, and end the list with ], like tags = ["møder", "digital"])`},
		{"list without a comma", "title = \"A\"\ntags = [\"a\" \"b\"]", `f.md:3:13: front matter is not valid TOML: expected a comma (',') or array terminator (']'), but got '"' (put a comma after each item of the list but the last, and end the list with ], like tags = ["møder", "digital"])`},
		{"list on lines without a comma", "title = \"A\"\ntags = [\n  \"a\"\n  \"b\"\n]", `f.md:4:5: front matter is not valid TOML: expected a comma (',') or array terminator (']'), but got '"' (put a comma after each item of the list but the last, and end the list with ], like tags = ["møder", "digital"])`},
		{"no equals sign", "title \"A\"", `f.md:2:7: front matter is not valid TOML: expected '.' or '=', but got '"' instead (each line is a key, =, and a value, like title = "Sygedagpenge")`},
		{"missing", "weight = 1", `f.md:1:1: missing required key "title" in front matter (add a line title = "...")`},
		{"weight text", "title = \"A\"\nweight = \"tre\"", `f.md:3:10: weight must be a whole number, not text (write a whole number without quotes, like weight = 10)`},
		{"weight quoted number", "title = \"A\"\nweight = \"3\"", ""},
		{"bool", "title = \"A\"\nstep_free = \"ja\"", `f.md:3:13: step_free must be true or false, not text (write step_free = true or step_free = false, without quotes)`},
		{"date", "title = \"A\"\ndate = \"igår\"", `f.md:3:8: date: "igår" is not a date`},
		{"title number", "title = 5", `f.md:2:9: title must be text, not a whole number (put the text in double quotes: title = "5")`},
		{"syntax", "title = \"A\"\ndate = igår", `f.md:3:8: front matter is not valid TOML: expected value but found "igår" instead (put text in double quotes, like title = "Sygedagpenge")`},
		{"array of tables", "title = \"A\"\n[[charts]]\ntitle = \"c\"\n[[charts.bars]]\nlabel = \"x\"\nvalue = \"høj\"\n[[charts]]\ntitle = \"d\"\n[[charts.bars]]\nlable = \"y\"\nvalue = 1",
			"f.md:7:9: value must be a number, not text (write a number without quotes and with a decimal point, like value = 77117 or value = 12.5)\n" +
				"f.md:11:1: unknown key \"lable\" in [charts.bars] (did you mean \"label\"?)"},
		{"too deep", "title = " + strings.Repeat("[", 40), "f.md:2:41: values are nested more than 32 levels deep (use fewer [ and { inside each other)"},
		{"multiline string hides keys", "title = \"\"\"\nnot = a key\n\"\"\"\nbogus = 1", `f.md:5:1: unknown key "bogus" in front matter (the keys allowed here are: title, weight, tags, date, step_free, address, charts)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v doc
			errs := Decode(Source{File: "f.md", Text: tt.src, Line: 2, What: "front matter"}, &v)
			errs.Sort()
			got := errs.Error()
			want := tt.want
			if want != "" {
				// Sort the expectation the same way.
				want = sortLines(want)
				got = sortLines(got)
			}
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func sortLines(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		for j := i + 1; j < len(lines); j++ {
			if lines[j] < lines[i] {
				lines[i], lines[j] = lines[j], lines[i]
			}
		}
	}
	return strings.Join(lines, "\n")
}

func TestDecodeValues(t *testing.T) {
	src := "title = \"Ét\"\ndate = 2024-05-01\ntags = [\"a\", \"b\"]\n[[charts]]\ntitle = \"c\"\nbars = [{label = \"x\", value = 2}]\n"
	var v doc
	if errs := Decode(Source{File: "f", Text: src, Line: 1, What: "front matter"}, &v); len(errs) > 0 {
		t.Fatal(errs)
	}
	if v.Title != "Ét" || v.Date.Format(time.DateOnly) != "2024-05-01" || len(v.Tags) != 2 || v.Charts[0].Bars[0].Value != 2 {
		t.Errorf("decoded %+v", v)
	}
}

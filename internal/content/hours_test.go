package content_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/torv/torv/internal/content"
)

func TestParseHours(t *testing.T) {
	tests := []struct {
		in   string
		want string // "08:00-12:00 13:00-15:00", "closed", or "error: ..."
	}{
		{"08:00-15:00", "08:00-15:00"},
		{"08:00-12:00, 13:00-15:00", "08:00-12:00 13:00-15:00"},
		{"8.30-16", "08:30-16:00"},
		{"8-16", "08:00-16:00"},
		{"08.00–12.00, 13.00—15.30", "08:00-12:00 13:00-15:30"}, // en and em dashes
		{" 9 - 15 ", "09:00-15:00"},
		{"00:00-24:00", "00:00-24:00"},
		{"08:00-12:00, 12:00-15:00", "08:00-12:00 12:00-15:00"}, // touching is not overlapping
		{"closed", "closed"},
		{"Closed", "closed"},
		{"lukket", "closed"},
		{"Lukket", "closed"},
		{"stängt", "closed"},
		{"stengt", "closed"},
		{"", "closed"},
		{"08:00-12:00, 11:00-15:00", "error: 11:00-15:00 starts before the span before it ends"},
		{"13:00-15:00, 08:00-12:00", "error: 08:00-12:00 starts before the span before it ends"},
		{"15:00-08:00", "error: closes at 08:00, before it opens at 15:00"},
		{"08:00-08:00", "error: closes at 08:00, before it opens at 08:00"},
		{"08:00", `error: "08:00" is not a time span`},
		{"8:5-12", `error: "8:5-12" is not a time span`},
		{"08:60-12:00", `error: "08:60-12:00" is not a time span`},
		{"25-26", `error: "25-26" is not a time span`},
		{"08:00-24:30", `error: "08:00-24:30" is not a time span`},
		{"åbent", `error: "åbent" is not a time span`},
	}
	for _, tt := range tests {
		iv, err := content.ParseHours(tt.in)
		var got string
		switch {
		case err != nil:
			got = "error: " + err.Error()
		case len(iv) == 0:
			got = "closed"
		default:
			var parts []string
			for _, i := range iv {
				parts = append(parts, i.Open+"-"+i.Close)
			}
			got = strings.Join(parts, " ")
		}
		if got != tt.want {
			t.Errorf("ParseHours(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func place(hours string) string {
	return "+++\ntitle = \"Jobcenter\"\n[address]\nstreet = \"Torvet 1\"\ncity = \"Testby\"\n[opening_hours]\n" + hours + "+++\n"
}

func week(h content.OpeningHours) string {
	var out []string
	for _, d := range h {
		s := "closed"
		if !d.Closed() {
			var parts []string
			for _, i := range d.Intervals {
				parts = append(parts, i.Open+"-"+i.Close)
			}
			s = strings.Join(parts, ",")
		}
		out = append(out, fmt.Sprintf("%s %s", d.Day[:3], s))
	}
	return strings.Join(out, "; ")
}

func TestOpeningHours(t *testing.T) {
	tests := []struct {
		name, hours, want string
	}{
		{"English keys",
			"monday = \"08:00-15:00\"\ntuesday = \"08:00-12:00, 13:00-15:00\"\nfriday = \"8.30-13\"\n",
			"mon 08:00-15:00; tue 08:00-12:00,13:00-15:00; wed closed; thu closed; fri 08:30-13:00; sat closed; sun closed"},
		// TOML bare keys are ASCII: æ, ø, å, ä and ö need quotes.
		{"Danish keys, any case",
			"mandag = \"9-15\"\nTirsdag = \"9-15\"\nonsdag = \"lukket\"\ntorsdag = \"9-17\"\nfredag = \"9-13\"\n\"lørdag\" = \"10-12\"\n\"søndag\" = \"closed\"\n",
			"mon 09:00-15:00; tue 09:00-15:00; wed closed; thu 09:00-17:00; fri 09:00-13:00; sat 10:00-12:00; sun closed"},
		{"Swedish and Norwegian keys",
			"\"måndag\" = \"9-15\"\ntisdag = \"9-15\"\n\"lördag\" = \"10-12\"\n\"söndag\" = \"stängt\"\n",
			"mon 09:00-15:00; tue 09:00-15:00; wed closed; thu closed; fri closed; sat 10:00-12:00; sun closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := mustLoad(t, map[string]string{"content/steder/jobcenter.md": place(tt.hours)})
			d := site.PageByFile("steder/jobcenter.md").Data.(*content.Place)
			if got := week(d.OpeningHours); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestNoOpeningHours(t *testing.T) {
	site := mustLoad(t, map[string]string{"content/steder/x.md": "+++\ntitle = \"X\"\n[address]\nstreet = \"Vej 1\"\ncity = \"By\"\n+++\n"})
	if h := site.PageByFile("steder/x.md").Data.(*content.Place).OpeningHours; len(h) != 0 {
		t.Errorf("a place without opening_hours has %v; want none, so the page can leave the table out", h)
	}
}

// TestUnquotedNordicWeekday: lørdag and søndag are the weekdays a Danish
// editor writes, and TOML refuses them without quotes. The error must say
// what to write instead rather than point at the README.
func TestUnquotedNordicWeekday(t *testing.T) {
	_, errs := load(t, map[string]string{"content/steder/jobcenter.md": place("fredag = \"9-13\"\nlørdag = \"10-12\"\n")})
	errs = errs.Errors()
	if len(errs) != 1 || errs[0].Line != 8 {
		t.Fatalf("got %v, want one error on line 8", errs)
	}
	if h := errs[0].Hint; !strings.Contains(h, `"lørdag"`) && !strings.Contains(h, "saturday") {
		t.Errorf("hint %q does not say to write \"lørdag\" in quotes or saturday", h)
	}
}

func TestOpeningHoursErrors(t *testing.T) {
	tests := []struct {
		name, hours, want string
	}{
		{"overlapping spans", "monday = \"08:00-12:00\"\ntuesday = \"08:00-12:00, 11:30-15:00\"\n",
			"content/steder/jobcenter.md:8:11: tuesday: 11:30-15:00 starts before the span before it ends"},
		{"spans out of order, Danish key", "mandag = \"13:00-15:00, 08:00-12:00\"\n",
			"content/steder/jobcenter.md:7:10: mandag: 08:00-12:00 starts before the span before it ends"},
		{"closing before opening", "fredag = \"15-8\"\n",
			"content/steder/jobcenter.md:7:10: fredag: closes at 08:00, before it opens at 15:00"},
		{"not a weekday", "helligdag = \"lukket\"\n",
			`content/steder/jobcenter.md:7:13: helligdag: "helligdag" is not a weekday`},
		{"not text", "monday = 8\n",
			"content/steder/jobcenter.md:7:10: monday: must be text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := load(t, map[string]string{"content/steder/jobcenter.md": place(tt.hours)})
			got := withoutHints(errs.Errors())
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestOneDayTwice: monday and mandag are one day; which of the two wins
// would depend on Go's map order and change from build to build, so
// giving both is an error.
func TestOneDayTwice(t *testing.T) {
	for range 5 {
		_, errs := load(t, map[string]string{"content/steder/jobcenter.md": place("monday = \"08:00-12:00\"\nmandag = \"10:00-14:00\"\n")})
		if e := errs.Errors(); len(e) != 1 || e[0].File != "content/steder/jobcenter.md" || (e[0].Line != 7 && e[0].Line != 8) {
			t.Fatalf("got %v, want one error at monday or mandag", e)
		}
	}
}

func TestExceptions(t *testing.T) {
	src := "+++\ntitle = \"X\"\n[address]\nstreet = \"Vej 1\"\ncity = \"By\"\n" +
		"[[exceptions]]\ndate = 2026-12-24\nuntil = 2026-12-26\nhours = \"lukket\"\nnote = \"Jul\"\n" +
		"[[exceptions]]\ndate = 2026-12-31\nhours = \"10-12\"\n+++\n"
	site := mustLoad(t, map[string]string{"content/steder/x.md": src})
	ex := site.PageByFile("steder/x.md").Data.(*content.Place).Exceptions
	if len(ex) != 2 || !ex[0].Closed() || ex[0].Until.ISO() != "2026-12-26" || ex[1].Closed() ||
		len(ex[1].Intervals) != 1 || ex[1].Intervals[0] != (content.Interval{Open: "10:00", Close: "12:00"}) {
		t.Errorf("exceptions %+v", ex)
	}

	bad := strings.Replace(src, "until = 2026-12-26", "until = 2026-12-20", 1)
	_, errs := load(t, map[string]string{"content/steder/x.md": bad})
	if got, want := withoutHints(errs.Errors()), "content/steder/x.md:8:9: until 2026-12-20 comes before date 2026-12-24"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

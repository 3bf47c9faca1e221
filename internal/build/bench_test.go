package build

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
)

// benchSite makes a deterministic site of n pages shaped like the shared
// benchmark corpus: five sections, about 600 words a page with headings,
// lists, a quote, a table on every third page, tags and links between
// pages. bench/run.sh measures the real corpus against Hugo; these
// benchmarks are for profiling one stage at a time.
func benchSite(n int) fstest.MapFS {
	r := rand.New(rand.NewSource(1))
	words := strings.Fields("kommune borger sagsbehandler afgørelse møde jobcenter ydelse klage vejledning tid brev digital post ret pligt hjælp og i på at det er til for med som har kan skal vil du vi")
	sections := []string{"principper", "moedesteder", "lovstof", "nyheder", "initiativer"}
	tags := []string{"klima", "børn og unge", "ældre", "trafik", "demokrati", "økonomi", "kultur", "sundhed"}
	sentence := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = words[r.Intn(len(words))]
		}
		return strings.ToUpper(w[0][:1]) + strings.Join(w, " ")[1:] + "."
	}
	cfg := "title = \"Bench\"\nmunicipality = \"Bench Kommune\"\nbaseurl = \"https://bench.example/\"\n[sections]\n"
	fsys := fstest.MapFS{}
	for _, s := range sections {
		cfg += s + " = \"page\"\n"
		fsys["content/"+s+"/_index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"" + s + "\"\n+++\n\n" + sentence(20) + "\n")}
	}
	fsys["config.toml"] = &fstest.MapFile{Data: []byte(cfg)}
	fsys["content/_index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Forside\"\n+++\n")}
	url := func(i int) string { return fmt.Sprintf("../../%s/side-%06d/", sections[i%len(sections)], i) }
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\ntitle = %q\ndate = 2024-%02d-%02d\ndescription = %q\ntags = [%q, %q]\nweight = %d\n+++\n\n",
			sentence(4), 1+i%12, 1+i%28, sentence(12), tags[i%len(tags)], tags[(i+3)%len(tags)], i%100)
		b.WriteString(sentence(15) + " " + sentence(10) + "\n\n")
		for h := range 4 {
			fmt.Fprintf(&b, "## %s\n\n", sentence(3))
			fmt.Fprintf(&b, "%s *%s* %s ([se også](%s)).\n\n", sentence(14), words[h], sentence(12), url(r.Intn(n)))
			b.WriteString("- " + sentence(6) + "\n- " + sentence(7) + "\n- " + sentence(5) + "\n\n")
			b.WriteString("> »" + sentence(12) + "«\n\n" + sentence(18) + " " + sentence(16) + "\n\n")
		}
		if i%3 == 0 {
			b.WriteString("| Indsats | Ansvarlig | Status |\n| --- | --- | --- |\n| A | B | C |\n| D | E | F |\n\n")
		}
		fsys[fmt.Sprintf("content/%s/side-%06d.md", sections[i%len(sections)], i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

func BenchmarkLoad(b *testing.B) {
	fsys := benchSite(1000)
	b.ResetTimer()
	for b.Loop() {
		cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		if _, errs := content.Load(fsys, cfg, content.Options{}); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	s := NewSession(benchSite(1000), torv.Defaults(), Options{})
	if rb := s.Full(); rb.Output == nil {
		b.Fatal(rb.Diags)
	}
	b.ResetTimer()
	for b.Loop() {
		s.render(s.site.Pages, nil)
	}
}

package build

import (
	"fmt"
	"math/rand"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
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

// BenchmarkAssemble puts 10 000 parsed pages together again, as the
// preview does after an edit that adds or removes a page (a new folder).
func BenchmarkAssemble(b *testing.B) {
	fsys := benchSite(10000)
	cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	md, other, _ := content.Scan(fsys)
	parsed := make([]*content.Parsed, len(md))
	for i, f := range md {
		parsed[i] = content.ParseFile(fsys, f, cfg)
	}
	for b.Loop() {
		if _, errs := content.Assemble(cfg, parsed, other, content.Options{}); len(errs) > 0 {
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

// peakSink drops what it is given and notes the heap at every 100th
// file: the peak of a build's heap, which its peak memory follows.
type peakSink struct {
	n    atomic.Int64
	mu   sync.Mutex
	peak uint64
}

func (k *peakSink) Put(name string, b []byte) error {
	if k.n.Add(1)%100 == 0 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		k.mu.Lock()
		k.peak = max(k.peak, ms.HeapAlloc)
		k.mu.Unlock()
	}
	return nil
}

// BenchmarkBuildSink builds sites of growing size as torv build does, to
// a Sink, and reports the peak heap of a build above the site's own files
// in memory (peak-heap-MiB) and per page: how the memory grows with the
// site. bench/run.sh measures the
// process's peak memory on the shared corpus; profile this one with
// -memprofile, or with a heap profile written from the Sink.
func BenchmarkBuildSink(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			fsys := benchSite(n)
			var peak uint64
			for b.Loop() {
				// The site in memory is the test's, not the build's.
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				k := &peakSink{}
				if res := Build(fsys, torv.Defaults(), Options{Sink: k}); res.Failed(false) {
					b.Fatal(res.Diags)
				}
				peak = max(peak, k.peak-min(k.peak, ms.HeapAlloc))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(peak)/float64(n), "peak-heap-B/page")
		})
	}
}

// Command searchbytes measures what a browser downloads to answer a
// search query on a built site, for torv's own search and for Pagefind
// on the same pages (bench/run.sh, SEARCH=1; issue 13, "Size and speed").
//
// It serves each output folder from loopback as a static host would
// (text types gzipped), opens each query in a fresh tab of headless
// Chromium with the cache off, and adds up the encodedDataLength of the
// responses (Network.loadingFinished: compressed bytes on the wire,
// headers included) of the files the query needs: the search script, the
// index and the result data. The HTML page and the site's CSS are left
// out for both, so the figure is what the query costs beyond the bare
// page.
//
//   - torv: the search page, /soeg/?q=…, whose script runs the query from
//     the address; done when the status region says the number of
//     results. Counted: /search/… and the search script.
//   - Pagefind: a test page it writes into the Pagefind copy, which loads
//     /pagefind/pagefind.js, calls pagefind.search(q) and loads the first
//     10 results' data, as Pagefind's UI shows them. Counted: /pagefind/….
//
// It prints one tab-separated line per query and tool: tool, kind (one
// or three words), the query, bytes from the browser, body bytes the
// server sent for the same files, their number, the number of results,
// the rank among the first 10 shown of the page the query was drawn from
// (0 when not shown), and the milliseconds the page reported.
// SEARCHBYTES_DEBUG=1 prints each counted response on stderr, as the
// browser and as the server saw it.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"
)

func main() {
	torvDir := flag.String("torv", "", "torv's output `folder`")
	pfDir := flag.String("pagefind", "", "a copy of it with Pagefind's index in pagefind/ (optional)")
	contentDir := flag.String("content", "", "the site's content/ `folder`, to draw the queries from")
	n := flag.Int("n", 20, "queries of each kind")
	seed := flag.Uint64("seed", 1, "seed of the queries drawn")
	chromium := flag.String("chromium", "", "Chromium `binary` (default $CHROMIUM, else chromium on PATH)")
	searchPage := flag.String("page", "/soeg/", "address of torv's search page")
	level := flag.Int("gzip", 6, "gzip level of the static server (1-9)")
	timeout := flag.Duration("timeout", time.Minute, "time one query may take")
	flag.Parse()
	if *torvDir == "" || *contentDir == "" {
		fmt.Fprintln(os.Stderr, "searchbytes: -torv and -content are required")
		os.Exit(2)
	}
	if err := run(*torvDir, *pfDir, *contentDir, *n, *seed, *chromium, *searchPage, *level, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "searchbytes:", err)
		os.Exit(1)
	}
}

// tool is one search under test: its site served from base, how a query
// is opened, and which files it counts.
type tool struct {
	name    string
	srv     *server
	base    string
	open    func(q string) string // the address of the page that runs q
	done    string                // JS: "ok", a failure, or false while running
	result  string                // JS: {n, urls, ms}
	counted func(path string) bool
}

func run(torvDir, pfDir, contentDir string, n int, seed uint64, chromium, page string, level int, timeout time.Duration) error {
	qs, err := draw(contentDir, n, seed)
	if err != nil {
		return err
	}
	var tools []*tool
	t, err := serveTool("torv", torvDir, level)
	if err != nil {
		return err
	}
	t.open = func(q string) string { return t.base + page + "?q=" + escape(q) }
	t.done, t.result, t.counted = torvDone, torvResult, torvCounted
	tools = append(tools, t)
	if pfDir != "" {
		if err := os.WriteFile(pfDir+"/pagefind-bench.html", []byte(pagefindPage), 0o644); err != nil {
			return err
		}
		p, err := serveTool("pagefind", pfDir, level)
		if err != nil {
			return err
		}
		p.open = func(q string) string { return p.base + "/pagefind-bench.html?q=" + escape(q) }
		p.done, p.result, p.counted = pagefindDone, pagefindResult, pagefindCounted
		tools = append(tools, p)
	}
	b, err := startBrowser(chromium)
	if err != nil {
		return err
	}
	defer b.close()
	fmt.Println("tool\tkind\tquery\tbytes\tserver_bytes\tfiles\tresults\trank\tms")
	for i, q := range qs {
		// alternate which tool goes first, as the build timing does
		order := tools
		if i%2 == 1 && len(tools) == 2 {
			order = []*tool{tools[1], tools[0]}
		}
		for _, t := range order {
			r, err := b.measure(t, q, timeout)
			if err != nil {
				return fmt.Errorf("%s, query %q: %v", t.name, q.text, err)
			}
			fmt.Printf("%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\n", t.name, q.kind, q.text,
				r.bytes, r.serverBytes, r.files, r.n, r.rank, r.ms)
		}
	}
	return nil
}

func serveTool(name, dir string, level int) (*tool, error) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%s: no folder %s", name, dir)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := newServer(dir, level)
	go http.Serve(l, s)
	return &tool{name: name, srv: s, base: "http://" + l.Addr().String()}, nil
}

func escape(q string) string { return url.QueryEscape(q) }

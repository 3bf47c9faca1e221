// Command edittime times one edit of bench/run.sh's server tests: it
// makes the edit (writes files under the site's content/) and polls the
// server until every URL given serves its marker, and prints the
// milliseconds from the edit to each URL served.
//
//	edittime [-pause 1ms] [-timeout 60s] [-cost]
//	         {-write DST=SRC | -append DST=SRC | -mkdir DIR}... URL ERE [URL ERE]...
//
// The edit is the -write (DST gets SRC's bytes, rewritten in place, as an
// editor saves), -append (SRC's bytes added to the end of DST) and -mkdir
// flags, done in the order given, right after the clock starts. Then each
// URL is polled in turn until it answers 200 with a body matching its ERE
// (Go's regexp syntax; the markers run.sh uses are plain words), every
// -pause, one request after the other over one keep-alive connection.
//
// Output, one line: the ms from the edit until each URL was served, in
// order (a URL is polled only once the ones before it are served), and
// with -cost the ms that one poll of every URL took just before the edit
// (they do not show the marker yet), over the connection already open:
// the floor of the method. A URL not
// served within -timeout is printed with the time it took to give up, and
// the command exits 3, so that run.sh counts it late.
//
// Why not curl, as run.sh did: every curl is a new process and a new
// connection, about 35 ms on the bench machine, longer than the body edit
// it was to measure. Here one poll costs the request and the server's
// answer alone (a few ms for the 700 KB list page of the 10 000-page
// corpus). -pause (1 ms) keeps the polling from taking a core from the
// server for nothing; the folder test polls every 20 ms, as before.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// step is one part of the edit.
type step struct {
	op       string // "write", "append" or "mkdir"
	dst, src string
}

// steps collects the edit's flags in the order given.
type steps struct {
	list *[]step
	op   string
}

func (s steps) String() string { return "" }

func (s steps) Set(v string) error {
	if s.op == "mkdir" {
		*s.list = append(*s.list, step{op: s.op, dst: v})
		return nil
	}
	dst, src, ok := strings.Cut(v, "=")
	if !ok || dst == "" || src == "" {
		return fmt.Errorf("want DST=SRC, got %q", v)
	}
	*s.list = append(*s.list, step{op: s.op, dst: dst, src: src})
	return nil
}

// target is one URL and what it must show.
type target struct {
	url string
	re  *regexp.Regexp
}

func main() {
	var edit []step
	pause := flag.Duration("pause", time.Millisecond, "pause between two polls")
	timeout := flag.Duration("timeout", 60*time.Second, "time an edit may take to be served")
	cost := flag.Bool("cost", false, "print the ms one poll of every URL takes, measured before the edit")
	flag.Var(steps{&edit, "write"}, "write", "DST=SRC: write SRC's bytes to DST (in place)")
	flag.Var(steps{&edit, "append"}, "append", "DST=SRC: append SRC's bytes to DST")
	flag.Var(steps{&edit, "mkdir"}, "mkdir", "DIR: make the folder DIR")
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 || len(args)%2 != 0 || len(edit) == 0 {
		fmt.Fprintln(os.Stderr, "usage: edittime [-pause d] [-timeout d] [-cost] {-write|-append DST=SRC | -mkdir DIR}... URL ERE [URL ERE]...")
		os.Exit(2)
	}
	var targets []target
	for i := 0; i < len(args); i += 2 {
		re, err := regexp.Compile(args[i+1])
		if err != nil {
			fail(err)
		}
		targets = append(targets, target{args[i], re})
	}
	// The edit's bytes are read before the clock starts.
	data := make([][]byte, len(edit))
	for i, st := range edit {
		if st.src != "" {
			b, err := os.ReadFile(st.src)
			if err != nil {
				fail(err)
			}
			data[i] = b
		}
	}
	// One connection, kept alive; no compression, as curl asked for none.
	client := &http.Client{Timeout: 10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true}}
	var costMS float64
	if *cost {
		served(client, targets[0]) // opens the connection the polls use
		t := time.Now()
		for _, tg := range targets {
			served(client, tg)
		}
		costMS = ms(time.Since(t))
	}
	t0 := time.Now()
	for i, st := range edit {
		if err := apply(st, data[i]); err != nil {
			fail(err)
		}
	}
	var out []string
	late := false
	for _, tg := range targets {
		for !late && !served(client, tg) {
			if time.Since(t0) > *timeout {
				late = true
				break
			}
			time.Sleep(*pause)
		}
		out = append(out, fmt.Sprintf("%.1f", ms(time.Since(t0))))
	}
	if *cost {
		out = append(out, fmt.Sprintf("%.1f", costMS))
	}
	fmt.Println(strings.Join(out, " "))
	if late {
		os.Exit(3)
	}
}

// apply does one step of the edit.
func apply(st step, b []byte) error {
	switch st.op {
	case "mkdir":
		return os.Mkdir(st.dst, 0o755)
	case "append":
		f, err := os.OpenFile(st.dst, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return err
		}
		_, err = f.Write(b)
		return errors.Join(err, f.Close())
	}
	// O_TRUNC on the file itself, as `printf >file` did: the same inode,
	// the watcher sees a write, not a rename.
	if err := os.MkdirAll(filepath.Dir(st.dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(st.dst, b, 0o644)
}

// served reports whether tg.url answers 200 with a body that matches tg.re.
// The body is always read to its end, so the connection can be reused.
func served(c *http.Client, tg target) bool {
	resp, err := c.Get(tg.url)
	if err != nil {
		return false
	}
	var body bytes.Buffer
	_, err = io.Copy(&body, resp.Body)
	resp.Body.Close()
	return err == nil && resp.StatusCode == http.StatusOK && tg.re.Match(body.Bytes())
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "edittime:", err)
	os.Exit(1)
}

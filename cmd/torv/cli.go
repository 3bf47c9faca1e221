package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/moved"
	"github.com/torv/torv/internal/outdir"
	"github.com/torv/torv/internal/outputs"
	"github.com/torv/torv/internal/sitefs"
)

type cli struct {
	stdout, stderr io.Writer
	// outputs are the output stages every command runs; nil means
	// outputs.Defaults(). Tests register one here to show that build,
	// serve, check and build -strict all make it.
	outputs []outputs.Stage
}

func newCLI(stdout, stderr io.Writer) *cli { return &cli{stdout: stdout, stderr: stderr} }

type command struct {
	name, args, short, long string
	flags                   func(*flag.FlagSet) func() int
}

func (c *cli) commands() []command {
	return []command{
		{"build", "[flags]", "build the site into a folder (default public/)", `
Build reads the site folder (config.toml, content/, and any layouts/,
assets/ and i18n/ of its own) and writes the published site.

The output is written to a staging folder first and swapped into place only
when the whole build succeeded, so a failed build leaves the previous
output exactly as it was, and pages you removed disappear from it.

torv writes only into a folder it made: one that does not exist yet, an
empty one, or one it built into before (it keeps a list of the files it
wrote there, .torv-manifest.json). Any other folder is refused, naming the
files that would have been lost. Files to publish as they are, such as
CNAME or .well-known/security.txt, go in the site's static/ folder. One
build at a time writes to a destination; a second one waits (-wait), then
stops and names the first.

Every mistake is reported as file:line:column: message (fix), all of them at
once. The exit code is 0 when the build succeeded, 1 when the content or
config has errors, and 2 when the command line is wrong.`, c.buildFlags},
		{"check", "[flags]", "report what makes pages hard to read or use (LIX, jargon, links ...)", checkHelp, c.checkFlags},
		{"serve", "[flags]", "preview the site at http://127.0.0.1:1313/", `
Serve builds the site in memory and serves it for preview. It watches the
site's files and updates every open page when you save: a changed page
reloads where you were reading, and a mistake is shown over the page until
you fix it, and once in the terminal. Nothing is written to disk.`, c.serveFlags},
		{"new", "[flags] content/PATH.md | site FOLDER", "make a new page, or a new site", `
"torv new content/lov/boligstoette.md" makes a page with the front matter
its kind needs (the kind comes from config.toml's [sections], or -kind),
ready to fill in. "torv new site FOLDER" makes a minimal new site.`, c.newFlags},
		{"version", "", "print torv's version", "", c.versionFlags},
		{"help", "[command]", "explain a command and its flags", "", nil},
	}
}

func (c *cli) run(args []string) int {
	if len(args) == 0 {
		c.usage(c.stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		return c.help(rest)
	}
	for _, cmd := range c.commands() {
		if cmd.name != name || cmd.flags == nil {
			continue
		}
		fs := flag.NewFlagSet("torv "+name, flag.ContinueOnError)
		fs.SetOutput(c.stderr)
		fs.Usage = func() { c.commandHelp(c.stderr, cmd, fs) }
		runCmd := cmd.flags(fs)
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		return runCmd()
	}
	fmt.Fprintf(c.stderr, "torv: unknown command %q\n\n", name)
	c.usage(c.stderr)
	return exitUsage
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprintf(w, "torv builds and previews sites for municipalities' citizen pages.\n\nUsage:\n\n\ttorv <command> [flags]\n\nCommands:\n\n")
	for _, cmd := range c.commands() {
		fmt.Fprintf(w, "\t%-8s %s\n", cmd.name, cmd.short)
	}
	fmt.Fprintf(w, "\nRun \"torv help <command>\" for a command's flags.\n")
}

func (c *cli) help(args []string) int {
	if len(args) == 0 {
		c.usage(c.stdout)
		return exitOK
	}
	for _, cmd := range c.commands() {
		if cmd.name == args[0] {
			fs := flag.NewFlagSet("torv "+cmd.name, flag.ContinueOnError)
			if cmd.flags != nil {
				cmd.flags(fs)
			}
			c.commandHelp(c.stdout, cmd, fs)
			return exitOK
		}
	}
	fmt.Fprintf(c.stderr, "torv help: unknown command %q\n", args[0])
	return exitUsage
}

func (c *cli) commandHelp(w io.Writer, cmd command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: torv %s %s\n\n%s\n", cmd.name, cmd.args, cmd.short)
	if cmd.long != "" {
		fmt.Fprintln(w, cmd.long)
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprintf(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

// siteFlags are the flags every command that reads a site shares.
type siteFlags struct {
	source, baseURL string
	drafts, strict  bool
}

func (s *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.source, "source", ".", "the site `folder`: it holds config.toml and content/")
	fs.StringVar(&s.baseURL, "baseurl", "", "publish at this `address` instead of config.toml's baseurl, e.g. https://borger.fjordby.dk/")
	fs.BoolVar(&s.drafts, "drafts", false, "include pages marked draft = true")
	fs.BoolVar(&s.strict, "strict", false, "fail on the build's own warnings and on errors of torv check's rules (use it in CI)")
}

// options are the build.Options every command that reads a site starts
// from (build, check, serve), so that they run one pipeline with one list
// of output stages.
func (c *cli) options(s *siteFlags) build.Options {
	outs := c.outputs
	if outs == nil {
		outs = outputs.Defaults()
	}
	// -strict runs torv check's rules too, inside the build.
	return build.Options{Drafts: s.drafts, BaseURL: s.baseURL, Strict: s.strict, Check: s.strict, Outputs: outs}
}

func (c *cli) buildFlags(fs *flag.FlagSet) func() int {
	var sf siteFlags
	sf.register(fs)
	dest := fs.String("destination", "", "write the site to this `folder` (default public/ in the site folder)")
	quiet := fs.Bool("quiet", false, "print only errors")
	timing := fs.Bool("timing", false, "print how long each stage took")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the build to this `file` (for torv's developers)")
	memprofile := fs.String("memprofile", "", "write a heap profile at the build's largest live heap to this `file` (for torv's developers)")
	without := fs.String("without", "", "leave out the output stage of this `name`, e.g. search (for torv's developers: to time a build without it)")
	wait := fs.Duration("wait", 3*time.Second, "how long to wait for another build writing to the same destination")
	return func() int {
		if fs.NArg() > 0 {
			fmt.Fprintf(c.stderr, "torv build: unexpected argument %q (the site folder is given with -source)\n", fs.Arg(0))
			return exitUsage
		}
		if *dest == "" {
			*dest = filepath.Join(sf.source, "public")
		}
		stop, err := c.profile(*cpuprofile, *memprofile)
		if err != nil {
			fmt.Fprintf(c.stderr, "torv: %v\n", err)
			return exitUsage
		}
		defer stop()
		start := time.Now()
		// The destination is checked and locked before the build, so a
		// mistyped -destination fails at once and two builds never mix. A
		// site folder that does not exist fails the build below, and no
		// folder is made for its output.
		var out *outdir.Dir
		if _, err := os.Stat(sf.source); err == nil {
			out, err = outdir.Open(*dest, outdir.Options{Site: sf.source, Wait: *wait})
			if err != nil {
				fmt.Fprintln(c.stderr, err)
				return exitContent
			}
			defer out.Close()
		}
		site, err := sitefs.New(sf.source)
		if err != nil {
			fmt.Fprintf(c.stderr, "torv build: cannot read the site folder: %v\n", err)
			return exitUsage
		}
		// Each file goes into outdir's staging tree as it is made, so the
		// build keeps no copy of the output; a failed build aborts, and
		// the destination stays as it was.
		opts := c.options(&sf)
		if *without != "" {
			if opts.Outputs, err = leaveOut(opts.Outputs, *without); err != nil {
				fmt.Fprintf(c.stderr, "torv build: %v\n", err)
				return exitUsage
			}
		}
		var st *outdir.Staging
		if out != nil {
			if st, err = out.Begin(); err != nil {
				fmt.Fprintln(c.stderr, err)
				return exitContent
			}
			defer st.Abort()
			opts.Sink, opts.Scratch = st, st.Scratch
		}
		opened := time.Since(start) // Open and Begin: the checks of the destination and the spare, for -timing
		res := build.Build(site, torv.Defaults(), opts)
		warnMoved(res, *dest)
		failed := res.Failed(sf.strict)
		diags := res.Diags
		if sf.strict {
			// -strict runs torv check's rules too: their errors fail the
			// build, their warnings are only reported.
			findings := res.Check.Findings()
			failed = failed || findings.Err(false) != nil
			diags = append(append(diag.List(nil), diags...), findings...)
			diags.Sort()
		}
		c.report(diags)
		if failed || out == nil {
			fmt.Fprintf(c.stderr, "torv: the build failed with %s; %s was not changed\n", count(diags, sf.strict), *dest)
			return exitContent
		}
		tw := time.Now()
		st.SetPages(moved.Records(res.Site))
		if err := st.Commit(); err != nil {
			fmt.Fprintln(c.stderr, err)
			return exitContent
		}
		if *timing {
			c.timing(opened, res.Timing, opts.Outputs, time.Since(tw))
		}
		if !*quiet {
			fmt.Fprintf(c.stdout, "Built %d pages (%d files, %s) in %s into %s\n", res.Pages, res.Files,
				size(int(res.Bytes)), time.Since(start).Round(time.Millisecond), *dest)
		}
		return exitOK
	}
}

// profile starts the developer profiles torv build was asked for, to
// files cpu and mem ("" for none); stop ends them and writes them.
func (c *cli) profile(cpu, mem string) (stop func(), err error) {
	var f *os.File
	if cpu != "" {
		if f, err = os.Create(cpu); err != nil {
			return nil, err
		}
		if err = pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, err
		}
	}
	var peak *peakProfile
	if mem != "" {
		peak = profilePeak()
	}
	return func() {
		if f != nil {
			pprof.StopCPUProfile()
			f.Close()
		}
		if peak != nil {
			if err := peak.write(mem); err != nil {
				fmt.Fprintf(c.stderr, "torv: %v\n", err)
			}
		}
	}, nil
}

// report prints every error and warning, one per line, sorted.
func (c *cli) report(l diag.List) {
	for _, e := range l {
		fmt.Fprintln(c.stderr, e.Error())
	}
}

func count(l diag.List, strict bool) string {
	e, w := len(l.Errors()), len(l.Warnings())
	parts := []string{plural(e, "error")}
	if w > 0 {
		parts = append(parts, plural(w, "warning"))
	}
	s := strings.Join(parts, " and ")
	if strict && e == 0 {
		s += " (-strict)"
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func (c *cli) versionFlags(fs *flag.FlagSet) func() int {
	return func() int {
		v := "(devel)"
		if info, ok := debug.ReadBuildInfo(); ok {
			if info.Main.Version != "" {
				v = info.Main.Version
			}
			var settings []string
			for _, s := range info.Settings {
				if s.Key == "vcs.revision" || s.Key == "vcs.time" {
					settings = append(settings, s.Value)
				}
			}
			sort.Strings(settings)
			if len(settings) > 0 {
				v += " " + strings.Join(settings, " ")
			}
			v += " " + info.GoVersion
		}
		fmt.Fprintf(c.stdout, "torv %s\n", v)
		return exitOK
	}
}

// timing prints how long each stage of a build took, for -timing: open
// is the check of the destination and of the spare before the build
// (package outdir), commit the check again and the exchange after it.
func (c *cli) timing(open time.Duration, t map[string]time.Duration, outs []outputs.Stage, commit time.Duration) {
	fmt.Fprintf(c.stderr, "%-7s %s\n", "open", open.Round(time.Millisecond))
	for _, stage := range []string{"load", "assets", "render", "files"} {
		fmt.Fprintf(c.stderr, "%-7s %s\n", stage, t[stage].Round(time.Millisecond))
	}
	// The output stages' own times, part of "files"; what a stage does
	// while the pages render (Stage.Analyze) is in "render".
	for _, o := range outs {
		fmt.Fprintf(c.stderr, "  %-12s %s\n", o.Name, t["output "+o.Name].Round(time.Millisecond))
	}
	fmt.Fprintf(c.stderr, "%-7s %s\n", "commit", commit.Round(time.Millisecond))
}

// leaveOut is the output stages without the one called name.
func leaveOut(list []outputs.Stage, name string) ([]outputs.Stage, error) {
	var out []outputs.Stage
	var names []string
	for _, st := range list {
		names = append(names, st.Name)
		if st.Name != name {
			out = append(out, st)
		}
	}
	if len(out) == len(list) {
		return nil, fmt.Errorf("-without %s: there is no output stage of that name (there are: %s)", name, strings.Join(names, ", "))
	}
	return out, nil
}

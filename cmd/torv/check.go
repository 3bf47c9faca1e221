package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/check"
	"github.com/torv/torv/internal/sitefs"
)

var checkHelp = checkHelpText + rulesHelp()

const checkHelpText = `
Check reads the site like build, writes nothing, and reports what makes a
page hard to read or to use: LIX above the limits (with the
page's hardest sentences), long sentences and words, jargon, glossary terms
and abbreviations left unexplained, headings, images without alt text,
vague or ambiguous link texts, links to PDFs, anchors that do not exist,
mailto: and tel: links, laws without an official link, pages due for
review and pages without a description, tables without a header row.

Each finding is file:line:column: level: message [rule], with the fix on
the next line, grouped per file; a summary line ends the report. Build's
errors and warnings about the content and config are reported too, and
the layouts are tried on one page of each kind (build tries them on every
page; build -strict runs these checks as well).

Rules are tuned in config.toml under [check] ([check.lix] warning = 45,
[check.jargon] da = ["bevilge: give"], [check.glossary] level = "off"). A
page switches a rule off with a reason in its front matter:
check_off = ["lix: Siden citerer loven ordret."]; check lists it.

torv serve shows each page's findings and LIX in a panel at the bottom of
the page (not in the built site); -check=false hides it.

The exit code is 0 when nothing has level error, 1 when something has (or,
with -strict, when anything is found), and 2 when the command line is wrong.`

// rulesHelp lists the rules with their default levels.
func rulesHelp() string {
	var b strings.Builder
	b.WriteString("\n\nRules (default level):\n\n")
	for _, r := range check.Rules {
		fmt.Fprintf(&b, "  %-15s %-8s %s\n", r.Name, r.Level, r.About)
	}
	return strings.TrimRight(b.String(), "\n")
}

func (c *cli) checkFlags(fs *flag.FlagSet) func() int {
	var sf siteFlags
	sf.register(fs)
	format := fs.String("format", "text", "`text` for people and editors, json for CI systems")
	date := fs.String("date", "", "judge review dates as on this `day` (2027-01-31) instead of today")
	return func() int {
		if fs.NArg() > 0 {
			fmt.Fprintf(c.stderr, "torv check: unexpected argument %q (the site folder is given with -source)\n", fs.Arg(0))
			return exitUsage
		}
		if *format != "text" && *format != "json" {
			fmt.Fprintf(c.stderr, "torv check: unknown -format %q (use text or json)\n", *format)
			return exitUsage
		}
		opts := c.options(&sf)
		opts.CheckOnly, opts.Strict = true, false
		if *date != "" {
			d, err := time.Parse(time.DateOnly, *date)
			if err != nil {
				fmt.Fprintf(c.stderr, "torv check: -date %q is not a date (write it like 2027-01-31)\n", *date)
				return exitUsage
			}
			opts.Now = d
		}
		site, serr := sitefs.New(sf.source)
		if serr != nil {
			fmt.Fprintf(c.stderr, "torv check: cannot read the site folder: %v\n", serr)
			return exitUsage
		}
		rep := build.Build(site, torv.Defaults(), opts).Check
		var err error
		if *format == "json" {
			err = rep.WriteJSON(c.stdout)
		} else {
			err = rep.WriteText(c.stdout)
		}
		if err != nil {
			fmt.Fprintf(c.stderr, "torv check: %v\n", err)
			return exitContent
		}
		if rep.Failed(sf.strict) {
			return exitContent
		}
		return exitOK
	}
}

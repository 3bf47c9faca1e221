package main

import (
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/moved"
	"github.com/torv/torv/internal/outdir"
)

// warnMoved adds to res a warning for each page whose address changed
// since the build in dest, with the alias line that keeps the old address
// (package moved); torv build then records the new addresses in dest's
// manifest when it commits.
func warnMoved(res *build.Result, dest string) {
	if moves := moved.Check(outdir.Pages(dest), res.Site); len(moves) > 0 {
		res.Diags = append(res.Diags, moves...)
		res.Diags.Sort()
	}
}

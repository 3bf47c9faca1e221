package outdir

import (
	"os"
	"strconv"
)

// swapByRename exchanges a and b with three renames. Between the second and
// the third, b is missing for a moment; a failure puts b back.
func swapByRename(a, b string) error {
	old := tmpName(b)
	if err := os.Rename(b, old); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(old, b)
		return err
	}
	return os.Rename(old, a)
}

// tmpName is where the three-rename swap moves dest aside; Open puts it
// back if a build was killed in between.
func tmpName(dest string) string { return sibling(dest, oldInfix+strconv.Itoa(os.Getpid())) }

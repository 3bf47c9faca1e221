//go:build !linux

package outdir

func swap(a, b string) error { return swapByRename(a, b) }

//go:build !linux

package build

func swap(a, b string) error { return swapByRename(a, b) }

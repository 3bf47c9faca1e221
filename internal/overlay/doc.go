// Package overlay layers file systems: a site's own layouts/, assets/ and
// i18n/ over the defaults embedded in the binary.
//
// A file in an upper layer hides the file of the same path in the layers
// below it, so a municipality overrides one partial or the stylesheet
// without copying the rest. Directories are merged: ReadDir lists the union
// of the layers' entries, each name once, taken from the highest layer that
// has it. A layer that lacks a path simply does not take part; any other
// error of a layer is returned, so a broken disk is not mistaken for a
// missing override.
package overlay

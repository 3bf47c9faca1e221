// Package golden compares what a test made with a file under testdata/,
// for the tests whose expected output is a page of HTML or a report too
// long to write in the test itself.
//
// A golden file is rewritten, not compared, when the test runs with
// -update; each test package keeps that flag itself and passes its value,
// so this package holds no state. A difference is reported with the first
// differing line and its line number, and the command that rewrites the
// file, so that an intended change is one command and a diff to read.
package golden

// Command torv builds, previews and creates sites for municipalities'
// citizen-facing service pages. Run "torv help" for the commands.
package main

import (
	"os"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // content or config errors: the editor can fix them
	exitUsage   = 2 // the command line is wrong
)

func main() {
	os.Exit(newCLI(os.Stdout, os.Stderr).run(os.Args[1:]))
}

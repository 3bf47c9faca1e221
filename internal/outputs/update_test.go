package outputs_test

import "flag"

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with what this build makes; read the diff before committing it")

package render

// NoFast turns off the compiled templates of r (package tmplexec), which
// must not have rendered anything yet.
func NoFast(r *Renderer) { r.noFast = true }

// Executions is how many templates r executed with a compiled Program and
// how many with html/template, and how many times a Program failed.
func Executions(r *Renderer) (fast, slow, failed int64) {
	return r.fast.Load(), r.slow.Load(), r.failed.Load()
}

// MaxFails is how many times in a row a worker's Program may fail.
const MaxFails = maxFails

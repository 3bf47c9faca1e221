//go:build race

package language

// raceEnabled: the race detector makes sync.Pool drop what it is given,
// so Find allocates its scratch space now and then.
const raceEnabled = true

package check

// For the tests of package check_test, which run the check as part of
// build's pipeline (package build imports check, so those tests cannot be
// in package check).
var (
	TestDay     = testDay
	ContainsAll = containsAll
)

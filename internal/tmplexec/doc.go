// Package tmplexec executes html/template's escaped templates faster than
// text/template does, and with the same result.
//
// text/template walks a template's parse tree for every execution, finds
// each field and method by name and calls every function through
// reflect.Value.Call, with a slice for the variadic arguments of each of
// html/template's escapers. For a page of torv's default layouts that is
// some 120 actions and a quarter of the build's CPU. Compile turns the
// escaped trees once into closures: a field or method is found by name
// once per type and then by index, the escapers html/template inserted
// are called directly (the last of an action escaping into the output,
// not into a string of its own), and so are the template functions of
// the shapes torv uses most.
//
// # The same result, or none
//
// A Program is a second executor of trees that html/template has already
// escaped (the template has executed once, which escapes it), so it
// decides nothing about escaping. It gives exactly text/template's output
// for the constructs it knows, and refuses the rest:
//
//   - Compile returns ErrUnsupported for a template that uses something
//     it does not know: a builtin other than and, or, not, len, index,
//     eq, ne, lt, le, gt, ge, print and printf, an escaper of CSS,
//     JavaScript strings, regular expressions or template literals,
//     srcset or attribute names, a template that html/template derived
//     for another context, a number constant that is not a plain int or
//     float;
//   - Execute returns an error wherever text/template would fail, and
//     also where the outcome would take more than the common path: a nil
//     pointer or interface on the way to a field, ranging over anything
//     but a slice, an array or a map with string or int keys, HTML
//     content in an attribute (which html/template strips of its tags),
//     a JavaScript value that is not template.JS (which it marshals as
//     JSON), a map key or an index that needs converting.
//
// TestSameAsHTMLTemplate and FuzzSameAsHTMLTemplate hold it to that.
//
// The caller then executes the template with html/template, as before,
// which gives the output or the error message of record. Output written
// by a failed Execute must be thrown away, and so must whatever the
// template functions noted (Execute may have called some of them).
//
// A Program is for one goroutine: it keeps what it found per type in its
// closures. Compile one per goroutine, as html/template's templates with
// per-goroutine functions are cloned per goroutine anyway.
package tmplexec

package tmplexec

import (
	"fmt"
	"reflect"
	"text/template/parse"
)

var (
	errorType        = reflect.TypeFor[error]()
	stringerType     = reflect.TypeFor[fmt.Stringer]()
	reflectValueType = reflect.TypeFor[reflect.Value]()
	anyType          = reflect.TypeFor[any]()
	boolType         = reflect.TypeFor[bool]()
)

// goodFunc is text/template's rule for a function's results: one, or two
// with an error second.
func goodFunc(typ reflect.Type) bool {
	n := typ.NumOut()
	return n == 1 || n == 2 && typ.Out(1) == errorType
}

// function compiles a call of the function name: one of the set's
// functions, which text/template looks up first, or a builtin. The
// escapers html/template inserts are not called here: they end an action
// (compiler.escapedAction), and anywhere else they are not supported.
func (c *compiler) function(name string, nodes []parse.Node) (valFn, error) {
	args, err := c.args(nodes)
	if err != nil {
		return nil, err
	}
	if fn, ok := c.funcs[name]; ok {
		return c.userFunc(name, fn, args), nil
	}
	if b, ok := builtins[name]; ok {
		return func(s *state, dot, final reflect.Value) reflect.Value {
			vals := make([]reflect.Value, 0, len(args)+1)
			for _, a := range args {
				vals = append(vals, s.rawArg(a, dot))
			}
			if !isMissing(final) {
				vals = append(vals, final)
			}
			return b(s, vals)
		}, nil
	}
	if name == "and" || name == "or" {
		return andOr(name == "or", args), nil
	}
	return nil, unsupported("function %s", name)
}

// rawArg evaluates an argument of a builtin, whose parameters are
// reflect.Values: the value as it is (invalid when it is missing), or a
// constant as an ideal constant.
func (s *state) rawArg(a arg, dot reflect.Value) reflect.Value {
	v := s.eval(a, dot, reflectValueType)
	return v.Interface().(reflect.Value)
}

// andOr is the builtin and or or, which stops at the first argument that
// decides, and returns that argument.
func andOr(or bool, args []arg) valFn {
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if len(args) == 0 && isMissing(final) {
			s.fail("wrong number of args for and/or")
		}
		var v reflect.Value
		for _, a := range args {
			v = s.rawArg(a, dot)
			if truth(v) == or {
				return v
			}
		}
		if !isMissing(final) {
			v = final
		}
		return v
	}
}

// userFunc calls one of the set's functions: directly for the shapes
// torv's functions have most, through reflection otherwise, and when the
// pipeline hands it a final argument.
func (c *compiler) userFunc(name string, fn reflect.Value, args []arg) valFn {
	direct := directCall(name, fn, args)
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if direct == nil || !isMissing(final) {
			return s.call(dot, fn, name, args, final)
		}
		return direct(s, dot)
	}
}

// directCall is fn called without reflection, when its shape is one of
// those below and it has a first argument (a key, a URL); nil otherwise.
func directCall(name string, fn reflect.Value, args []arg) pipeFn {
	if len(args) == 0 {
		return nil
	}
	switch f := fn.Interface().(type) {
	case func(string) string:
		if len(args) == 1 {
			return func(s *state, dot reflect.Value) reflect.Value {
				return reflect.ValueOf(f(s.eval(args[0], dot, stringType).String()))
			}
		}
	case func(string, ...any) (string, error):
		return func(s *state, dot reflect.Value) reflect.Value {
			r, err := f(s.eval(args[0], dot, stringType).String(), rest(s, dot, args, anyType, reflect.Value.Interface)...)
			if err != nil {
				s.fail("error calling %s: %w", name, err)
			}
			return reflect.ValueOf(r)
		}
	case func(string, ...bool) bool:
		return func(s *state, dot reflect.Value) reflect.Value {
			return reflect.ValueOf(f(s.eval(args[0], dot, stringType).String(), rest(s, dot, args, boolType, reflect.Value.Bool)...))
		}
	}
	return nil
}

// rest evaluates the arguments after the first as values of typ, for a
// function's variadic parameter.
func rest[T any](s *state, dot reflect.Value, args []arg, typ reflect.Type, get func(reflect.Value) T) []T {
	var out []T
	for _, a := range args[1:] {
		out = append(out, get(s.eval(a, dot, typ)))
	}
	return out
}

// call is text/template's evalCall for a function or a bound method.
func (s *state) call(dot, fn reflect.Value, name string, args []arg, final reflect.Value) reflect.Value {
	typ := fn.Type()
	numIn := len(args)
	if !isMissing(final) {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			s.fail("wrong number of args for %s", name)
		}
	} else if numIn != typ.NumIn() {
		s.fail("wrong number of args for %s", name)
	}
	if !goodFunc(typ) {
		s.fail("bad function %s", name)
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = s.eval(args[i], dot, typ.In(i))
	}
	if typ.IsVariadic() {
		t := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[i] = s.eval(args[i], dot, t)
		}
	}
	if !isMissing(final) {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[i] = s.validate(final, t)
	}
	out := fn.Call(argv) // a panic is recovered by Execute
	if len(out) == 2 && !out[1].IsNil() {
		s.fail("error calling %s: %w", name, out[1].Interface().(error))
	}
	v := out[0]
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

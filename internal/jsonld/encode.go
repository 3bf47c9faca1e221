package jsonld

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/torv/torv/internal/jsonstr"
)

// appendJSON appends v as JSON: what encoding/json writes of it, byte for
// byte (TestEncodeSameAsEncodingJSON; its strings by jsonstr.Append),
// without its reflection, which took two thirds of the time a page's
// JSON-LD cost. A node's keys are written
// sorted, as encoding/json writes a map's. v is a string, int, bool, node
// or []node; any other type is a mistake in this package.
func appendJSON(dst []byte, v any) ([]byte, error) {
	var err error
	switch v := v.(type) {
	case string:
		return jsonstr.Append(dst, v), nil
	case int:
		return strconv.AppendInt(dst, int64(v), 10), nil
	case bool:
		return strconv.AppendBool(dst, v), nil
	case node:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		dst = append(dst, '{')
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = jsonstr.Append(dst, k)
			dst = append(dst, ':')
			if dst, err = appendJSON(dst, v[k]); err != nil {
				return nil, err
			}
		}
		return append(dst, '}'), nil
	case []node:
		if v == nil {
			return append(dst, "null"...), nil
		}
		dst = append(dst, '[')
		for i, n := range v {
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = appendJSON(dst, n); err != nil {
				return nil, err
			}
		}
		return append(dst, ']'), nil
	}
	return nil, fmt.Errorf("jsonld: no JSON for a %T", v)
}

package notify

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// noDuplicateKeys refuses a body in which one object names a key twice.
// encoding/json keeps the last value, other parsers the first: a request
// that means different things to the sender and to us is refused instead.
func noDuplicateKeys(body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	type frame struct {
		object bool
		keys   map[string]bool
		// expectKey is true when the next token in an object is a key.
		expectKey bool
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // the end, or a syntax error the decoder already reported
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				if top != nil && top.object {
					top.expectKey = true
				}
				stack = append(stack, &frame{object: d == '{', keys: map[string]bool{}, expectKey: d == '{'})
			case '}', ']':
				stack = stack[:len(stack)-1]
			}
			continue
		}
		if top == nil || !top.object {
			continue
		}
		if top.expectKey {
			key, _ := tok.(string)
			if top.keys[key] {
				return bad("The key %s appears twice in one object.", strconv.Quote(clipName(key)))
			}
			top.keys[key] = true
			top.expectKey = false
			continue
		}
		top.expectKey = true
	}
}

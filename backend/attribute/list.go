package attribute

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// MaxListBytes bounds the compact JSON text of one list value. A list lives
// in the contact's session, which is read and written on every message, so
// an API that answers with thousands of records must be narrowed by its
// mapping path (orders.#(status=="open")#) rather than stored whole.
const MaxListBytes = 128 << 10

// coerceList normalizes a JSON array to its compact form.
func coerceList(s string) (string, error) {
	if s[0] != '[' || !json.Valid([]byte(s)) {
		return "", fmt.Errorf("%s is not a list (a JSON array such as [\"a\", \"b\"])", quoteStart(s))
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(s)); err != nil {
		return "", fmt.Errorf("%s is not a list: %w", quoteStart(s), err)
	}
	if buf.Len() > MaxListBytes {
		return "", fmt.Errorf("the list is %d KiB, more than the %d KiB a list attribute holds; map a narrower path",
			buf.Len()>>10, MaxListBytes>>10)
	}
	return buf.String(), nil
}

// quoteStart quotes the beginning of s for an error message, so that a
// megabyte of text never ends up in a sentence.
func quoteStart(s string) string {
	const keep = 40
	if utf8.RuneCountInString(s) <= keep {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%q", string([]rune(s)[:keep])+"…")
}

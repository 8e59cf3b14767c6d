package apicall

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// Limits on the structure listing, so a huge response stays browsable.
const (
	maxStructurePaths = 500
	maxStructureDepth = 24
	maxSampleRunes    = 120
)

// Structure lists every path of a JSON document in gjson syntax with a
// sample of its value: object members as "a.b", the first element of each
// array as "items.0.name", the same path across all elements as
// "items.#.name", and array lengths as "items.#". Keys with special
// characters are escaped the way gjson expects. Only the first element of an
// array is explored. Invalid JSON gives an empty list.
func Structure(body string) []PathSample {
	out := []PathSample{}
	if !gjson.Valid(body) {
		return out
	}
	w := &walker{body: body, out: out}
	w.walk(gjson.Parse(body), "", "", 0, false)
	return w.out
}

type walker struct {
	body string
	out  []PathSample
}

func (w *walker) add(path string, v gjson.Result) {
	if len(w.out) < maxStructurePaths {
		w.out = append(w.out, pathSample(path, v))
	}
}

func pathSample(path string, v gjson.Result) PathSample {
	p := PathSample{Path: path, Sample: sample(v), Type: kind(v)}
	if v.IsArray() {
		p.Items = int(v.Get("#").Int())
		p.ItemShape = itemShape(v.Get("0"))
	}
	return p
}

// maxShapeKeys bounds the member names an item shape lists.
const maxShapeKeys = 6

// itemShape describes an array's first item: its member names for an
// object, else the kind of value.
func itemShape(first gjson.Result) string {
	switch {
	case !first.Exists():
		return ""
	case first.IsObject():
		var keys []string
		more := false
		first.ForEach(func(k, _ gjson.Result) bool {
			if len(keys) == maxShapeKeys {
				more = true
				return false
			}
			keys = append(keys, k.Str)
			return true
		})
		if more {
			keys = append(keys, "…")
		}
		return "{" + strings.Join(keys, ", ") + "}"
	case first.IsArray():
		return "list"
	case first.Type == gjson.String:
		return "text"
	case first.Type == gjson.Number:
		return "number"
	case first.Type == gjson.True || first.Type == gjson.False:
		return "yes/no"
	}
	return "empty"
}

// ResponseRoots lists what a mapping can read besides the body's paths:
// the status, each header (its first value as the sample) and the whole
// body.
func ResponseRoots(res Response) []PathSample {
	out := []PathSample{{Path: RootStatus, Sample: strconv.Itoa(res.Status), Type: "number"}}
	seen := map[string]bool{}
	for _, h := range res.Headers {
		if key := strings.ToLower(h.Key); !seen[key] {
			seen[key] = true
			out = append(out, PathSample{Path: RootHeaders + "." + h.Key, Sample: truncateSample(h.Value), Type: "string"})
		}
	}
	body := PathSample{Path: RootBody, Sample: truncateSample(res.Body), Type: "string"}
	if res.IsJSON {
		body = pathSample(RootBody, gjson.Parse(res.Body))
	}
	return append(out, body)
}

// walk visits v found at path. all is the same location across every
// element of the outermost enclosing array ("items.#.name"), or ""; it is
// listed too when listAll is set (not for the array element itself, whose
// "items.#" is the length).
func (w *walker) walk(v gjson.Result, path, all string, depth int, listAll bool) {
	if len(w.out) >= maxStructurePaths || depth > maxStructureDepth {
		return
	}
	if path != "" {
		w.add(path, v)
		if listAll {
			w.add(all, gjson.Get(w.body, all))
		}
	}
	switch {
	case v.IsObject():
		v.ForEach(func(key, val gjson.Result) bool {
			if key.Str == "" {
				return true // an empty key cannot be addressed by a path
			}
			k := gjson.Escape(key.Str)
			w.walk(val, join(path, k), joinIf(all, k), depth+1, all != "")
			return len(w.out) < maxStructurePaths
		})
	case v.IsArray():
		w.add(join(path, "#"), gjson.Get(w.body, join(path, "#")))
		first := v.Get("0")
		if !first.Exists() {
			return
		}
		nextAll := joinIf(all, "0")
		if all == "" {
			nextAll = join(path, "#")
		}
		w.walk(first, join(path, "0"), nextAll, depth+1, all != "")
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func joinIf(path, key string) string {
	if path == "" {
		return ""
	}
	return path + "." + key
}

func kind(v gjson.Result) string {
	switch {
	case v.IsObject():
		return "object"
	case v.IsArray():
		return "array"
	}
	switch v.Type {
	case gjson.String:
		return "string"
	case gjson.Number:
		return "number"
	case gjson.True, gjson.False:
		return "boolean"
	}
	return "null"
}

// sample is a short text form of v: strings unquoted, containers as compact
// JSON, all cut to a readable length.
func sample(v gjson.Result) string {
	var s string
	switch {
	case v.IsObject() || v.IsArray():
		s = compact(v.Raw)
	case v.Type == gjson.String:
		s = v.Str
	case v.Type == gjson.Null:
		s = "null"
	default:
		s = v.Raw
	}
	return truncateSample(s)
}

func truncateSample(s string) string {
	if utf8.RuneCountInString(s) > maxSampleRunes {
		r := []rune(s)
		s = string(r[:maxSampleRunes-1]) + "…"
	}
	return s
}

// compact removes insignificant whitespace from JSON text without
// reformatting strings.
func compact(raw string) string {
	out := make([]byte, 0, len(raw))
	inString, escaped := false, false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

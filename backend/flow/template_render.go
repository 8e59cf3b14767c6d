package flow

import (
	"strconv"
	"strings"
	"sync"
)

// maxRenderBytes stops a text from growing past what any message can hold
// (loops of loops); the node that sends it cuts it to WhatsApp's limit.
const maxRenderBytes = 64 << 10

// DefaultEachMore is the line that follows a loop cut at its max, with {n}
// the number of items left out.
const DefaultEachMore = "…and {n} more"

// Render fills the placeholders, formats and loops of a text from values
// (attribute values by name, in their text form).
func Render(s string, values map[string]string) string {
	return RenderWith(s, values, nil)
}

// RenderWith is Render with extra names bound for this text only, such as
// the item of a dynamic row; they hide attributes of the same name.
func RenderWith(s string, values, vars map[string]string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	r := renderer{values: values}
	r.nodes(parseCached(s).nodes, vars)
	return r.out.String()
}

type renderer struct {
	values map[string]string
	out    strings.Builder
}

func (r *renderer) write(s string) {
	if room := maxRenderBytes - r.out.Len(); room > 0 {
		if len(s) > room {
			s = s[:room]
		}
		r.out.WriteString(s)
	}
}

func (r *renderer) nodes(nodes []tnode, vars map[string]string) {
	for _, n := range nodes {
		switch {
		case n.ph != nil:
			v, _ := r.lookup(n.ph.name, vars)
			for _, f := range n.ph.formats {
				v = f.apply(v)
			}
			r.write(v)
		case n.each != nil:
			r.each(n.each, vars)
		default:
			r.write(n.text)
		}
		if r.out.Len() >= maxRenderBytes {
			return
		}
	}
}

// lookup reads a name from the loop variables when its first part is one,
// else from the attribute values.
func (r *renderer) lookup(name string, vars map[string]string) (string, bool) {
	root, _, _ := strings.Cut(name, ".")
	if _, bound := vars[root]; bound {
		return LookupValue(vars, name)
	}
	return LookupValue(r.values, name)
}

func (r *renderer) each(e *eachBlock, vars map[string]string) {
	v, _ := r.lookup(e.list, vars)
	items, ok := ListItems(v)
	if !ok || len(items) == 0 {
		r.nodes(e.empty, vars)
		return
	}
	inner := make(map[string]string, len(vars)+2)
	for k, v := range vars {
		inner[k] = v
	}
	sep := "\n"
	if e.hasSep {
		sep = e.sep
	} else if e.bodyLines {
		sep = ""
	}
	shown := min(len(items), e.max)
	for i := range shown {
		if i > 0 {
			r.write(sep)
		}
		inner[LoopItem], inner[LoopIndex] = items[i], strconv.Itoa(i+1)
		r.nodes(e.body, inner)
	}
	left := len(items) - shown
	if left == 0 || (e.hasMore && e.more == "") {
		return
	}
	more := DefaultEachMore
	if e.hasMore {
		more = e.more
	}
	more = strings.ReplaceAll(more, "{n}", strconv.Itoa(left))
	switch {
	case e.hasSep:
		r.write(sep + more)
	case strings.HasSuffix(r.out.String(), "\n"):
		r.write(more + "\n")
	default:
		r.write("\n" + more)
	}
}

// parsed keeps parsed texts: a flow's texts are few and rendered on every
// message. It is emptied when it grows past parsedMax (texts typed in the
// editor and then changed would otherwise pile up).
var (
	parsedMu  sync.Mutex
	parsed    = map[string]*Template{}
	parsedMax = 4096
)

func parseCached(s string) *Template {
	parsedMu.Lock()
	t, ok := parsed[s]
	parsedMu.Unlock()
	if ok {
		return t
	}
	t, _ = ParseTemplate(s)
	parsedMu.Lock()
	if len(parsed) >= parsedMax {
		parsed = map[string]*Template{}
	}
	parsed[s] = t
	parsedMu.Unlock()
	return t
}

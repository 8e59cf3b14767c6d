package flow

import (
	"strconv"
	"strings"
)

// Dynamic rows: a buttons or list node with RowsFrom offers the items of a
// list attribute. WhatsApp's limits are applied, never broken: titles and
// descriptions are made one line and shortened on a word boundary, titles
// are made unique, and a list longer than a message holds is paged, each
// page but the last ending with a row RowMoreID titled RowMoreTitle.

// HandleEmpty is the output a dynamic node takes when its list has no items.
const HandleEmpty = "empty"

// The row that shows the next page.
const (
	RowMoreID    = "more"
	RowMoreTitle = "More…"
)

// Row is one rendered dynamic row: the option sent and the item it stands
// for (its text: JSON for an object), with the title before shortening, which
// a customer may type too.
type Row struct {
	Option    Option
	Item      string
	FullTitle string
}

// RowTemplates are the node's templates of a dynamic row.
type RowTemplates struct {
	Title, Description, ID string
	// Buttons makes reply buttons (no description, button limits) instead of
	// list rows.
	Buttons bool
}

// RowTemplates returns the templates of a node with dynamic rows.
func (n Node) RowTemplates() RowTemplates {
	return RowTemplates{Title: n.Data.RowTitle, Description: n.Data.RowDescription, ID: n.Data.RowID, Buttons: n.Type == TypeButtons}
}

// limits returns the page size, title, description and id limits.
func (t RowTemplates) limits() (page, title, description, id int) {
	if t.Buttons {
		return MaxButtons, MaxButtonTitle, 0, MaxButtonID
	}
	return MaxRows, MaxRowTitle, MaxRowDescription, MaxRowID
}

// BuildRows renders one row per item with values (the attribute values) and
// the item bound as {{item}} and its number as {{index}}. A blank title
// becomes the item's number; a title met before gets " (2)", " (3)"…; an id
// that is blank, too long, "more" or met before becomes the item's position.
func BuildRows(t RowTemplates, items []string, values map[string]string) []Row {
	_, titleMax, descMax, idMax := t.limits()
	rows := make([]Row, len(items))
	used, ids := map[string]bool{strings.ToLower(RowMoreTitle): true}, map[string]bool{RowMoreID: true}
	for i, item := range items {
		vars := map[string]string{LoopItem: item, LoopIndex: strconv.Itoa(i + 1)}
		full := OneLine(RenderWith(t.Title, values, vars))
		if full == "" {
			full = strconv.Itoa(i + 1)
		}
		title := Shorten(full, titleMax)
		for n := 2; used[strings.ToLower(title)]; n++ {
			suffix := " (" + strconv.Itoa(n) + ")"
			title = Shorten(full, titleMax-WhatsAppLength(suffix)) + suffix
		}
		used[strings.ToLower(title)] = true

		id := strings.TrimSpace(RenderWith(t.ID, values, vars))
		if t.ID == "" || id == "" || WhatsAppLength(id) > idMax || ids[strings.ToLower(id)] {
			id = strconv.Itoa(i)
			for ids[strings.ToLower(id)] {
				id = "item-" + id
			}
		}
		ids[strings.ToLower(id)] = true

		var desc string
		if descMax > 0 && t.Description != "" {
			desc = Shorten(OneLine(RenderWith(t.Description, values, vars)), descMax)
		}
		rows[i] = Row{Option: Option{ID: id, Title: title, Description: desc}, Item: item, FullTitle: full}
	}
	return rows
}

// Page is one message's share of the rows: from First, the rows shown, and
// whether a "More…" row follows them.
type Page struct {
	First int
	Rows  []Row
	More  bool
}

// Options are the page's options as sent, the "More…" row last.
func (p Page) Options() []Option {
	out := make([]Option, 0, len(p.Rows)+1)
	for _, r := range p.Rows {
		out = append(out, r.Option)
	}
	if p.More {
		out = append(out, Option{ID: RowMoreID, Title: RowMoreTitle})
	}
	return out
}

// Pages splits rows into messages of at most size options: every page but
// the last holds size-1 rows and the "More…" row; the last holds the rest.
func Pages(rows []Row, size int) []Page {
	if len(rows) <= size {
		return []Page{{Rows: rows}}
	}
	var pages []Page
	for first := 0; first < len(rows); {
		if len(rows)-first <= size {
			pages = append(pages, Page{First: first, Rows: rows[first:]})
			break
		}
		pages = append(pages, Page{First: first, Rows: rows[first : first+size-1], More: true})
		first += size - 1
	}
	return pages
}

// PageSize is how many options one message of the node holds.
func (t RowTemplates) PageSize() int {
	page, _, _, _ := t.limits()
	return page
}

// dynamicOutputs are the outputs of a buttons or list node with RowsFrom.
var dynamicOutputs = []OutputRule{Fixed(HandleOut, "Chosen"), Fixed(HandleEmpty, "No items")}

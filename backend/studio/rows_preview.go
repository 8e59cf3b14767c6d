package studio

import (
	"context"
	"fmt"

	"chatflow/backend/apicall"
	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// RowsPreview is what a buttons or list node with rows from a list
// attribute would send, rendered from the saved sample response of the API
// that fills the list: the same rows, titles and pages the bot builds.
type RowsPreview struct {
	// API is the saved API whose sample filled the list ("" when none did).
	API string `json:"api"`
	// Items is how many items the sample's list holds.
	Items int `json:"items"`
	// Pages are the messages the rows take, each with its options as sent
	// (a last "More…" row on every page but the last).
	Pages [][]flow.Option `json:"pages"`
	// Note says in one sentence why there is nothing to show ("" when there
	// is something).
	Note string `json:"note"`
}

// PreviewRows renders the rows of a dynamic buttons or list node from the
// saved sample response of an API that maps into the node's rowsFrom list.
// The other attributes that API maps are filled from the same sample, so a
// title such as "{{item.time}} with {{doctor}}" previews whole; any other
// placeholder shows empty. The bot's code builds the rows (flow.BuildRows,
// flow.Pages), so the preview cannot disagree with what customers get.
func (u *Flows) PreviewRows(ctx context.Context, n flow.Node) (RowsPreview, error) {
	out := RowsPreview{Pages: [][]flow.Option{}}
	if n.Data.RowsFrom == "" {
		out.Note = "Pick the list the rows come from."
		return out, nil
	}
	apis, err := u.s.db.APIs(ctx, "")
	if err != nil {
		return out, u.s.internal("preview the rows", err)
	}
	defs, err := u.s.db.Attributes(ctx)
	if err != nil {
		return out, u.s.internal("preview the rows", err)
	}
	types := apicall.Types(attribute.TypeMap(defs))
	var values attribute.Values
	var mapsList bool
	for _, a := range apis {
		if !mapsInto(a.Mappings, n.Data.RowsFrom) {
			continue
		}
		mapsList = true
		if a.SampleResponse == "" {
			continue
		}
		values, _ = apicall.Map(a.SampleResponse, a.Mappings, types)
		if _, ok := values[n.Data.RowsFrom]; ok {
			out.API = a.Name
			break
		}
	}
	switch {
	case out.API == "" && mapsList:
		out.Note = fmt.Sprintf("Test the API that fills %s on the APIs page and save it: its answer is the sample the rows are previewed from.", n.Data.RowsFrom)
		return out, nil
	case out.API == "":
		out.Note = fmt.Sprintf("No saved API maps a list into %s yet, so there is no sample to preview the rows from.", n.Data.RowsFrom)
		return out, nil
	}
	items, _ := flow.ListItems(values[n.Data.RowsFrom])
	out.Items = len(items)
	if len(items) == 0 {
		out.Note = fmt.Sprintf("The sample of %s holds no items, so the node would take its No items output.", out.API)
		return out, nil
	}
	t := n.RowTemplates()
	for _, p := range flow.Pages(flow.BuildRows(t, items, values), t.PageSize()) {
		out.Pages = append(out.Pages, p.Options())
	}
	return out, nil
}

// mapsInto reports whether one of mappings saves into the attribute name.
func mapsInto(mappings []apicall.Mapping, name string) bool {
	for _, m := range mappings {
		if m.Attribute == name {
			return true
		}
	}
	return false
}

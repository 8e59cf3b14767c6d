package studio

import (
	"bytes"
	"strings"
	"testing"

	"chatflow/backend/apicall"
	"chatflow/backend/apperr"
	"chatflow/backend/attribute"
	"chatflow/backend/bundle"
	"chatflow/backend/flow"
)

// refusedFlow is a flow with one error the publish gate refuses: a question
// saving into an attribute that does not exist.
func refusedFlow(name string) flow.Flow {
	return flow.Flow{Name: name,
		Nodes: []flow.Node{flowNode("start", "start", ""),
			{ID: "ask", Type: "question", Data: flow.NodeData{Text: "Order?", Attribute: "order_id"}}},
		Edges: []flow.Edge{flowEdge("start", "ask")}}
}

// TestImportIsRefusedAsTheEditorRefuses imports, item by item, what the
// editor's services refuse, and checks the import is refused the same way:
// with the same code, the editor's sentence under the item's name, and
// nothing written. (Issue 13: a bundle import used to accept a mapping into a
// built-in attribute that APIs.Save refused.)
func TestImportIsRefusedAsTheEditorRefuses(t *testing.T) {
	mapTo := func(name string) apicall.Definition {
		return apicall.Definition{Name: "Orders", URL: "https://shop.test/orders",
			Mappings: []apicall.Mapping{{Path: "order.status", Attribute: name}}}
	}
	cases := []struct {
		name string
		// existing is created through the editor first, in both runs.
		existing []attribute.Definition
		// editor does the refused step through the editor's service.
		editor func(st *Studio) error
		// item is the same thing as a bundle.
		item bundle.Bundle
		code string
		// says is the editor's words, which the import repeats after the
		// item's name.
		says string
	}{
		{name: "API mapping into a built-in attribute",
			editor: func(st *Studio) error { _, err := st.APIs.Save(bg, mapTo("api.status")); return err },
			item:   bundle.Bundle{APIs: []apicall.Definition{mapTo("api.status")}}, code: apperr.EINVALID, says: `Mapping 1 sets api.status, which is built in; map it to a custom attribute`},
		{name: "API mapping into no attribute",
			editor: func(st *Studio) error { _, err := st.APIs.Save(bg, mapTo("order_state")); return err },
			item:   bundle.Bundle{APIs: []apicall.Definition{mapTo("order_state")}}, code: apperr.EINVALID, says: `Mapping 1 sets "order_state", which is not an attribute yet; create it first`},
		{name: "API with a timeout past 60 seconds",
			editor: func(st *Studio) error {
				_, err := st.APIs.Save(bg, apicall.Definition{Name: "Slow", URL: "https://x.test", TimeoutMs: 61000})
				return err
			},
			item: bundle.Bundle{APIs: []apicall.Definition{{Name: "Slow", URL: "https://x.test", TimeoutMs: 61000}}}, code: apperr.EINVALID, says: `The timeout must be between 1 and 60 seconds`},
		{name: "attribute with an invalid name",
			editor: func(st *Studio) error {
				_, err := st.Attributes.Create(bg, attribute.Definition{Name: "order id", Type: attribute.Text})
				return err
			},
			item: bundle.Bundle{Attributes: []bundle.Attribute{{Name: "order id", Type: attribute.Text}}}, code: apperr.EINVALID, says: `"order id" may only use letters, digits and underscores`},
		{name: "attribute of an unknown type",
			editor: func(st *Studio) error {
				_, err := st.Attributes.Create(bg, attribute.Definition{Name: "order_id", Type: "colour"})
				return err
			},
			item: bundle.Bundle{Attributes: []bundle.Attribute{{Name: "order_id", Type: "colour"}}}, code: apperr.EINVALID, says: `"colour" is not an attribute type`},
		{name: "attribute name taken",
			existing: []attribute.Definition{{Name: "order_id", Type: attribute.Text}},
			editor: func(st *Studio) error {
				_, err := st.Attributes.Create(bg, attribute.Definition{Name: "order_id", Type: attribute.Text})
				return err
			},
			item: bundle.Bundle{Attributes: []bundle.Attribute{{Name: "order_id", Type: attribute.Text}}}, code: apperr.ECONFLICT, says: `already exists`},
		{name: "flow without a name",
			editor: func(st *Studio) error { _, err := st.Flows.Create(bg, "  "); return err },
			item:   bundle.Bundle{Flows: []bundle.Flow{{Name: "  ", Nodes: []flow.Node{flowNode("start", "start", "")}}}},
			code:   apperr.EINVALID, says: `Give the flow a name`},
		{name: "publishing a flow with errors",
			editor: func(st *Studio) error {
				f, err := st.Flows.Create(bg, "Support")
				if err != nil {
					return err
				}
				r := refusedFlow("Support")
				f.Nodes, f.Edges = r.Nodes, r.Edges
				if _, err := st.Flows.Save(bg, f); err != nil {
					return err
				}
				return st.Flows.Publish(bg, f.ID)
			},
			item: bundle.Bundle{Flows: []bundle.Flow{{Name: "Support", Published: true,
				Nodes: refusedFlow("").Nodes, Edges: refusedFlow("").Edges}}},
			code: apperr.EINVALID, says: `has 1 error to fix before it can go live (Question “Order?”: There is no attribute named "order_id")`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			editorSide, _ := newTestStudio(t, nil)
			importSide, _ := newTestStudio(t, nil)
			for _, st := range []*Studio{editorSide, importSide} {
				for _, def := range c.existing {
					if _, err := st.Attributes.Create(bg, def); err != nil {
						t.Fatal(err)
					}
				}
			}
			refused := c.editor(editorSide)
			if refused == nil || apperr.ErrorCode(refused) != c.code {
				t.Fatalf("the editor: err %v (code %q), want code %s", refused, apperr.ErrorCode(refused), c.code)
			}

			before, err := importSide.Bundles.Export(bg, true)
			if err != nil {
				t.Fatal(err)
			}
			b := c.item
			b.Format, b.Version = bundle.Format, bundle.Version
			_, err = importSide.Bundles.Import(bg, b, false)
			if err == nil || apperr.ErrorCode(err) != c.code {
				t.Fatalf("the import: err %v (code %q), want code %s like the editor's %q", err, apperr.ErrorCode(err), c.code, refused)
			}
			for _, got := range []error{refused, err} {
				if !strings.Contains(apperr.ErrorMessage(got), c.says) {
					t.Errorf("%q does not say %q", apperr.ErrorMessage(got), c.says)
				}
			}
			after, err := importSide.Bundles.Export(bg, true)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := bundle.Encode(before)
			z, _ := bundle.Encode(after)
			if !bytes.Equal(a, z) {
				t.Errorf("a refused import changed the data:\n%s\n---\n%s", a, z)
			}
		})
	}
}

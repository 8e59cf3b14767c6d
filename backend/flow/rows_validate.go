package flow

import "strings"

// checkDynamicRows checks a buttons or list node whose rows come from a
// list attribute: the list, the row templates (with {{item}} and {{index}}
// bound) and the attribute that receives the chosen item.
func (v *validator) checkDynamicRows(n Node) {
	d := n.Data
	typer, typed := v.env.(AttributeTyper)
	switch {
	case v.env != nil && !v.env.AttributeExists(d.RowsFrom):
		v.add(SeverityError, n.ID, "rowsFrom", "There is no attribute named %q.", d.RowsFrom)
	case typed && typer.AttributeType(d.RowsFrom) != "list":
		v.add(SeverityError, n.ID, "rowsFrom", "%s is a %s attribute; the rows come from a list attribute, such as one an API fills.",
			d.RowsFrom, typer.AttributeType(d.RowsFrom))
	}
	if strings.TrimSpace(d.RowTitle) == "" {
		v.add(SeverityError, n.ID, "rowTitle", "Write the title of each row, such as {{item.time}}.")
	}
	v.checkPlaceholders(n, "rowTitle", d.RowTitle, LoopItem, LoopIndex)
	v.checkPlaceholders(n, "rowId", d.RowID, LoopItem, LoopIndex)
	if n.Type == TypeButtons && strings.TrimSpace(d.RowDescription) != "" {
		v.add(SeverityWarning, n.ID, "rowDescription", "Reply buttons show no description; it is not sent.")
	} else {
		v.checkPlaceholders(n, "rowDescription", d.RowDescription, LoopItem, LoopIndex)
	}
	v.optionalAttribute(n, d.Attribute)
	if typed && d.Attribute != "" && typer.AttributeType(d.Attribute) == "list" {
		v.add(SeverityWarning, n.ID, "attribute", "%s receives the one item chosen, not a list; a text attribute holds it whole ({{%s.time}} reads a field).",
			d.Attribute, d.Attribute)
	}
}

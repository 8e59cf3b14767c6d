package flow

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// checkData checks the settings of one node of a known type with its
// definition's check.
func (v *validator) checkData(n Node) {
	if utf8.RuneCountInString(n.ID) > MaxNodeIDLength {
		v.add(SeverityError, n.ID, "id", "The node id is longer than %d characters.", MaxNodeIDLength)
	}
	byType[n.Type].check(v, n)
}

// NormalizeKeyword is the form in which start keywords and customer messages
// are compared: trimmed, lower case, without closing punctuation ("Hi!" is "hi").
func NormalizeKeyword(s string) string {
	return strings.TrimRight(strings.ToLower(strings.TrimSpace(s)), " !.?¡¿,;")
}

func (v *validator) checkOptions(n Node, field string, opts []Option, maxCount, maxTitle, maxID int) {
	what := map[string]string{"buttons": "button", "rows": "row"}[field]
	switch {
	case len(opts) == 0:
		v.add(SeverityError, n.ID, field, "Add at least one %s.", what)
	case len(opts) > maxCount:
		v.add(SeverityError, n.ID, field, "This node has %d %ss; WhatsApp allows at most %d.", len(opts), what, maxCount)
	}
	ids, titles := map[string]bool{}, map[string]bool{}
	for i, o := range opts {
		label := o.Title
		if label == "" {
			label = what + " " + strconv.Itoa(i+1)
		}
		switch {
		case o.ID == "":
			v.add(SeverityError, n.ID, field, "The %s %q has no id.", what, label)
		case ids[o.ID]:
			v.add(SeverityError, n.ID, field, "Two %ss share the id %q.", what, o.ID)
		case WhatsAppLength(o.ID) > maxID:
			v.add(SeverityError, n.ID, field, "The id of %s %q is longer than %d characters%s.", what, label, maxID, emojiNote(o.ID, maxID))
		}
		ids[o.ID] = true
		title := strings.ToLower(strings.TrimSpace(o.Title))
		switch {
		case title == "":
			v.add(SeverityError, n.ID, field, "The %s %d needs a title.", what, i+1)
		case WhatsAppLength(o.Title) > maxTitle:
			v.add(SeverityError, n.ID, field, "The %s title %q is longer than %d characters%s.", what, o.Title, maxTitle, emojiNote(o.Title, maxTitle))
		case titles[title]:
			v.add(SeverityError, n.ID, field, "Two %ss are titled %q; customers could not tell them apart.", what, o.Title)
		}
		titles[title] = true
		if WhatsAppLength(o.Description) > MaxRowDescription {
			v.add(SeverityError, n.ID, field, "The description of %q is longer than %d characters%s.", label, MaxRowDescription, emojiNote(o.Description, MaxRowDescription))
		}
	}
}

// emojiNote explains a length over the limit that only emoji (or other
// characters outside the basic plane) push over it: WhatsAppLength counts
// them as two, as WhatsApp may.
func emojiNote(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return " (an emoji counts as 2)"
	}
	return ""
}

// checkExpression checks a condition (required, must be true/false) or a
// setAttribute expression.
func (v *validator) checkExpression(n Node, expr string, condition bool) {
	switch {
	case strings.TrimSpace(expr) == "":
		if condition {
			v.add(SeverityError, n.ID, "expression", "Type the expression to check, such as order_total > 100.")
		}
	case len(expr) > MaxExpressionLength:
		v.add(SeverityError, n.ID, "expression", "The expression is longer than %d characters.", MaxExpressionLength)
	case v.env != nil:
		check := v.env.CheckExpression
		if cc, ok := v.env.(ConditionChecker); ok && condition {
			check = cc.CheckCondition
		}
		if err := check(expr); err != nil {
			v.add(SeverityError, n.ID, "expression", "The expression does not work: %v", err)
		}
	}
}

func (v *validator) requireText(n Node, field, s string, limit int) {
	if strings.TrimSpace(s) == "" {
		v.add(SeverityError, n.ID, field, "The %s is empty.", fieldLabel(field))
		return
	}
	v.checkText(n, field, s, limit)
}

func (v *validator) checkText(n Node, field, s string, limit int) {
	if c := utf8.RuneCountInString(s); c > limit {
		v.add(SeverityError, n.ID, field, "The %s has %d characters; WhatsApp allows at most %d.", fieldLabel(field), c, limit)
	}
	v.checkPlaceholders(n, field, s)
}

// checkPlaceholders reports what in a text will not render as meant: a
// template problem (an unknown format, a loop without its end) is an error;
// a name that is no attribute, a warning. bound names (a dynamic row's
// item) are not attributes.
func (v *validator) checkPlaceholders(n Node, field, s string, bound ...string) {
	for _, p := range TemplateProblems(s) {
		v.add(SeverityError, n.ID, field, "%s", p.Message)
	}
	if v.env == nil {
		return
	}
	for _, name := range Placeholders(s, bound...) {
		if !v.attributeRead(name) {
			v.add(SeverityWarning, n.ID, field, "{{%s}} is not an attribute; it will be empty.", name)
		}
	}
}

// attributeRead reports whether a name read by a template is an attribute
// or a path into one (orders.0.id, contact.name).
func (v *validator) attributeRead(name string) bool {
	for {
		if v.env.AttributeExists(name) {
			return true
		}
		i := strings.LastIndexByte(name, '.')
		if i < 0 {
			return false
		}
		name = name[:i]
	}
}

func (v *validator) requireAttribute(n Node, name string) {
	if name == "" {
		v.add(SeverityError, n.ID, "attribute", "Choose the attribute to save into.")
		return
	}
	v.optionalAttribute(n, name)
}

func (v *validator) optionalAttribute(n Node, name string) {
	if name != "" && v.env != nil && !v.env.AttributeExists(name) {
		v.add(SeverityError, n.ID, "attribute", "There is no attribute named %q.", name)
	}
}

func fieldLabel(field string) string {
	switch field {
	case "retryText":
		return "retry text"
	case "button":
		return "list button label"
	case "mediaUrl":
		return "media address"
	}
	return field
}

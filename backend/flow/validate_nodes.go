package flow

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// checkData checks the settings of one node of a known type.
func (v *validator) checkData(n Node) {
	d := n.Data
	if utf8.RuneCountInString(n.ID) > MaxNodeIDLength {
		v.add(SeverityError, n.ID, "id", "The node id is longer than %d characters.", MaxNodeIDLength)
	}
	switch n.Type {
	case TypeStart:
		v.checkKeywords(n)
	case TypeMessage:
		v.checkMessage(n)
	case TypeQuestion:
		v.requireText(n, "text", d.Text, MaxText)
		v.checkText(n, "retryText", d.RetryText, MaxText)
		v.requireAttribute(n, d.Attribute)
		v.checkQuestion(n)
	case TypeButtons:
		v.requireText(n, "text", d.Text, MaxInteractiveBody)
		v.checkOptions(n, "buttons", d.Buttons, MaxButtons, MaxButtonTitle, MaxButtonID)
		v.optionalAttribute(n, d.Attribute)
	case TypeList:
		v.requireText(n, "text", d.Text, MaxInteractiveBody)
		v.requireText(n, "button", d.Button, MaxListButton)
		v.checkOptions(n, "rows", d.Rows, MaxRows, MaxRowTitle, MaxRowID)
		v.optionalAttribute(n, d.Attribute)
	case TypeCondition:
		v.checkExpression(n, d.Expression, true)
	case TypeSetAttribute:
		v.requireAttribute(n, d.Attribute)
		if d.Expression != "" && d.Value != "" {
			v.add(SeverityError, n.ID, "expression", "Use either a value or an expression, not both.")
		}
		if d.Expression != "" {
			v.checkExpression(n, d.Expression, false)
		} else {
			v.checkText(n, "value", d.Value, MaxText)
		}
	case TypeAPI:
		v.checkAPI(n)
	case TypeDelay:
		if d.Seconds < 1 || d.Seconds > MaxDelaySeconds {
			v.add(SeverityError, n.ID, "seconds", "A delay lasts from 1 to %d seconds.", MaxDelaySeconds)
		}
	case TypeHandoff, TypeEnd:
		v.checkText(n, "text", d.Text, MaxText)
	}
}

func (v *validator) checkKeywords(n Node) {
	if len(n.Data.Keywords) > MaxKeywordsPerStart {
		v.add(SeverityError, n.ID, "keywords", "A start node has at most %d keywords.", MaxKeywordsPerStart)
	}
	seen := map[string]bool{}
	for _, k := range n.Data.Keywords {
		norm := NormalizeKeyword(k)
		switch {
		case norm == "":
			v.add(SeverityError, n.ID, "keywords", "A keyword is empty; remove it or type a word.")
		case utf8.RuneCountInString(k) > MaxKeyword:
			v.add(SeverityError, n.ID, "keywords", "The keyword %q is longer than %d characters.", k, MaxKeyword)
		case seen[norm]:
			v.add(SeverityWarning, n.ID, "keywords", "The keyword %q is listed twice.", k)
		}
		seen[norm] = true
	}
}

// NormalizeKeyword is the form in which start keywords and customer messages
// are compared: trimmed, lower case, without closing punctuation ("Hi!" is "hi").
func NormalizeKeyword(s string) string {
	return strings.TrimRight(strings.ToLower(strings.TrimSpace(s)), " !.?¡¿,;")
}

func (v *validator) checkMessage(n Node) {
	d := n.Data
	if d.MediaURL == "" && d.MediaFile == "" {
		if d.MediaType != "" {
			v.add(SeverityError, n.ID, "mediaUrl", "Attach the %s to send, or give its address.", d.MediaType)
		}
		v.requireText(n, "text", d.Text, MaxText)
		return
	}
	if !contains(MediaTypes, d.MediaType) {
		v.add(SeverityError, n.ID, "mediaType", "Choose the media type: image, video, audio or document.")
	}
	if d.MediaFile != "" {
		v.checkMediaFile(n)
	} else {
		v.checkMediaURL(n)
	}
	if d.MediaType == "audio" && d.Text != "" {
		v.add(SeverityWarning, n.ID, "text", "WhatsApp shows no caption under audio; the text will not be sent.")
	}
	v.checkText(n, "text", d.Text, MaxCaption)
}

func (v *validator) checkQuestion(n Node) {
	d := n.Data
	if d.Validation != "" && !contains(Validations, d.Validation) {
		v.add(SeverityError, n.ID, "validation", "%q is not an answer check; use text, number, email, phone, date, regex, image, document or media.", d.Validation)
	}
	if d.Validation == ValidateRegex {
		switch {
		case d.Pattern == "":
			v.add(SeverityError, n.ID, "pattern", "Type the pattern the answer must match.")
		case len(d.Pattern) > MaxPatternLength:
			v.add(SeverityError, n.ID, "pattern", "The pattern is longer than %d characters.", MaxPatternLength)
		default:
			if _, err := regexp.Compile(d.Pattern); err != nil {
				v.add(SeverityError, n.ID, "pattern", "The pattern is not a valid regular expression: %v.", err)
			}
		}
	}
	if d.MaxRetries < 0 || d.MaxRetries > MaxQuestionRetries {
		v.add(SeverityError, n.ID, "maxRetries", "Retries go from 0 to %d.", MaxQuestionRetries)
	}
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
		case utf8.RuneCountInString(o.ID) > maxID:
			v.add(SeverityError, n.ID, field, "The id of %s %q is longer than %d characters.", what, label, maxID)
		}
		ids[o.ID] = true
		title := strings.ToLower(strings.TrimSpace(o.Title))
		switch {
		case title == "":
			v.add(SeverityError, n.ID, field, "The %s %d needs a title.", what, i+1)
		case utf8.RuneCountInString(o.Title) > maxTitle:
			v.add(SeverityError, n.ID, field, "The %s title %q is longer than %d characters.", what, o.Title, maxTitle)
		case titles[title]:
			v.add(SeverityError, n.ID, field, "Two %ss are titled %q; customers could not tell them apart.", what, o.Title)
		}
		titles[title] = true
		if utf8.RuneCountInString(o.Description) > MaxRowDescription {
			v.add(SeverityError, n.ID, field, "The description of %q is longer than %d characters.", label, MaxRowDescription)
		}
	}
}

func (v *validator) checkAPI(n Node) {
	d := n.Data
	switch {
	case strings.TrimSpace(d.API) == "":
		v.add(SeverityError, n.ID, "api", "Choose the API to call.")
	case v.env != nil && !v.env.APIExists(d.API):
		v.add(SeverityError, n.ID, "api", "There is no API named %q.", d.API)
	default:
		if ac, ok := v.env.(APIChecker); ok {
			for _, w := range ac.APIWarnings(d.API) {
				v.add(SeverityWarning, n.ID, "api", "The API %q: %s", d.API, w)
			}
		}
	}
	if len(d.Routes) > MaxRoutesPerAPINode {
		v.add(SeverityError, n.ID, "routes", "An API node has at most %d routes.", MaxRoutesPerAPINode)
	}
	seen := map[string]bool{}
	for _, r := range d.Routes {
		switch {
		case r == HandleOthers:
			v.add(SeverityError, n.ID, "routes", "\"others\" is always there; remove it from the routes.")
		case !ValidRoute(r):
			v.add(SeverityError, n.ID, "routes", "%q is not a route; use a status code such as 200 or a class such as 4xx.", r)
		case seen[r]:
			v.add(SeverityError, n.ID, "routes", "The route %q is listed twice.", r)
		}
		seen[r] = true
	}
}

// ValidRoute reports whether r is a status code (100-599) or a status class
// written as 1xx to 5xx.
func ValidRoute(r string) bool {
	if len(r) != 3 || r[0] < '1' || r[0] > '5' {
		return false
	}
	if r[1:] == "xx" {
		return true
	}
	return r[1] >= '0' && r[1] <= '9' && r[2] >= '0' && r[2] <= '9'
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

// checkMediaURL checks the link of a message node that sends media by link.
func (v *validator) checkMediaURL(n Node) {
	d := n.Data
	lower := strings.ToLower(d.MediaURL)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(d.MediaURL, "{{") {
		v.add(SeverityError, n.ID, "mediaUrl", "The media address must start with https://.")
	}
	if utf8.RuneCountInString(d.MediaURL) > MaxMediaURLLength {
		v.add(SeverityError, n.ID, "mediaUrl", "The media address is longer than %d characters.", MaxMediaURLLength)
	}
	v.checkPlaceholders(n, "mediaUrl", d.MediaURL)
}

// checkMediaFile checks a message node that sends an attached file: a key
// of the media store (a SHA-256 in hex), and no link besides.
func (v *validator) checkMediaFile(n Node) {
	d := n.Data
	if d.MediaURL != "" {
		v.add(SeverityError, n.ID, "mediaUrl", "Send either an attached file or an address, not both.")
	}
	if len(d.MediaFile) != 64 || strings.Trim(d.MediaFile, "0123456789abcdef") != "" {
		v.add(SeverityError, n.ID, "mediaFile", "The attached file is not one this app stored; attach it again.")
	}
	if utf8.RuneCountInString(d.MediaName) > MaxMediaNameLength {
		v.add(SeverityError, n.ID, "mediaName", "The file name is longer than %d characters.", MaxMediaNameLength)
	}
}

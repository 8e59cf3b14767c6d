package flow

import "regexp"

// TypeQuestion asks, checks the answer and saves it in an attribute.
const TypeQuestion = "question"

// Limits of a question node.
const (
	MaxQuestionRetries = 10
	MaxPatternLength   = 500
)

// The kinds of answer a question node accepts.
const (
	ValidateText   = "text"
	ValidateNumber = "number"
	ValidateEmail  = "email"
	ValidatePhone  = "phone"
	ValidateDate   = "date"
	ValidateRegex  = "regex"
	// ValidateImage, ValidateDocument and ValidateMedia wait for a photo, a
	// document or any attachment; the answer saved is the file's path.
	ValidateImage    = "image"
	ValidateDocument = "document"
	ValidateMedia    = "media"
)

// Validations lists every question validation kind; an empty one means text.
var Validations = []string{ValidateText, ValidateNumber, ValidateEmail, ValidatePhone, ValidateDate, ValidateRegex,
	ValidateImage, ValidateDocument, ValidateMedia}

var questionDef = Def{
	Type:          TypeQuestion,
	Label:         "Question",
	Description:   "Asks a question, checks the answer and saves it in an attribute. Takes \"invalid\" after the last retry.",
	Group:         GroupConversation,
	WaitsForInput: true,
	Fields: []Field{
		{Name: "text", Kind: KindTemplate},
		{Name: "attribute", Kind: KindAttribute},
		{Name: "validation", Kind: KindChoice, Choices: "validation"},
		{Name: "pattern", Kind: KindText},
		{Name: "retryText", Kind: KindTemplate},
		{Name: "maxRetries", Kind: KindNumber},
	},
	Defaults: NodeData{Text: "What is your order number?", Validation: ValidateText,
		RetryText: "Sorry, I did not understand. Please try again.", MaxRetries: 2},
	Outputs: []OutputRule{Fixed(HandleOut, "Answered"), Fixed(HandleInvalid, "Invalid")},
	Limits:  []Limit{{"text", MaxText}, {"retryText", MaxText}, {"maxRetries", MaxQuestionRetries}, {"pattern", MaxPatternLength}},
	check:   checkQuestion,
	sends:   always,
}

func checkQuestion(v *validator, n Node) {
	d := n.Data
	v.requireText(n, "text", d.Text, MaxText)
	v.checkText(n, "retryText", d.RetryText, MaxText)
	v.requireAttribute(n, d.Attribute)
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

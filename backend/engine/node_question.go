package engine

import (
	"fmt"
	"regexp"
	"strings"

	"chatflow/backend/attribute"
	"chatflow/backend/flow"
)

// questionNode asks a question and waits. The answer is checked against the
// node's validation kind and the attribute's type; a wrong answer is re-asked
// with the retry text until MaxRetries re-asks are used, then the run takes
// "invalid". The image, document and media kinds wait for an attachment
// instead of words and save the downloaded file's path.
type questionNode struct{}

func (questionNode) enter(rc *runContext, n flow.Node) result {
	return result{wait: true, retriesLeft: max(n.Data.MaxRetries, 0),
		replies: []Reply{{Type: ReplyText, Text: rc.render(n.Data.Text)}}}
}

func (questionNode) resume(rc *runContext, n flow.Node, in Inbound) result {
	var value string
	var err error
	if wantsFile(n.Data.Validation) {
		value, err = checkFile(n.Data.Validation, in.Media)
		if err == nil && n.Data.Attribute != "" {
			// The path may be empty: the download did not finish in time.
			value, err = rc.coerce(n.Data.Attribute, value)
		}
	} else {
		value, err = checkAnswer(n.Data, in.Text)
		if err == nil && n.Data.Attribute != "" {
			value, err = rc.coerce(n.Data.Attribute, value)
			if err == nil && value == "" {
				err = fmt.Errorf("empty answer")
			}
		}
	}
	if err == nil {
		r := result{output: flow.HandleOut}
		if n.Data.Attribute != "" {
			r.set = map[string]string{n.Data.Attribute: value}
		}
		return r
	}
	if rc.retriesLeft <= 0 {
		return result{output: flow.HandleInvalid}
	}
	retry := rc.render(n.Data.RetryText)
	if strings.TrimSpace(retry) == "" {
		retry = "Sorry, that does not look right. " + rc.render(n.Data.Text)
	}
	return result{wait: true, retriesLeft: rc.retriesLeft - 1, replies: []Reply{{Type: ReplyText, Text: retry}}}
}

var (
	emailPattern = regexp.MustCompile(`^[^\s@]+@[^\s@]+\.[^\s@.]+$`)
	phoneCleaner = strings.NewReplacer(" ", "", "-", "", ".", "", "(", "", ")", "")
)

// checkAnswer validates raw against the question's kind and returns the
// value to store.
func checkAnswer(d flow.NodeData, raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", fmt.Errorf("empty answer")
	}
	switch d.Validation {
	case flow.ValidateNumber:
		return attribute.Coerce(attribute.Number, s)
	case flow.ValidateDate:
		return attribute.Coerce(attribute.Date, s)
	case flow.ValidateEmail:
		if !emailPattern.MatchString(s) {
			return "", fmt.Errorf("%q is not an email address", s)
		}
		return s, nil
	case flow.ValidatePhone:
		p := phoneCleaner.Replace(s)
		digits := strings.TrimPrefix(p, "+")
		if len(digits) < 7 || len(digits) > 15 || strings.Trim(digits, "0123456789") != "" {
			return "", fmt.Errorf("%q is not a phone number", s)
		}
		return p, nil
	case flow.ValidateRegex:
		re, err := regexp.Compile(d.Pattern)
		if err != nil {
			return "", fmt.Errorf("pattern: %w", err)
		}
		if !re.MatchString(s) {
			return "", fmt.Errorf("%q does not match", s)
		}
		return s, nil
	}
	return s, nil
}

// wantsFile reports whether a validation kind waits for an attachment.
func wantsFile(validation string) bool {
	switch validation {
	case flow.ValidateImage, flow.ValidateDocument, flow.ValidateMedia:
		return true
	}
	return false
}

// checkFile accepts an attachment of the kind the question asks for (a
// photo, a document, or any file) that was not refused, and returns the
// value to store: the downloaded file's path.
func checkFile(validation string, m *Media) (string, error) {
	switch {
	case m == nil:
		return "", fmt.Errorf("no file was sent")
	case m.Error != "":
		return "", fmt.Errorf("the file was not kept: %s", m.Error)
	case validation == flow.ValidateImage && m.Kind != "image":
		return "", fmt.Errorf("a %s is not a photo", m.Kind)
	case validation == flow.ValidateDocument && m.Kind != "document":
		return "", fmt.Errorf("a %s is not a document", m.Kind)
	}
	return m.Path, nil
}

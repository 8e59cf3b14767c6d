package flow

import "unicode/utf8"

// TypeStart is where a conversation begins.
const TypeStart = "start"

// Limits of a start node's keywords.
const (
	MaxKeyword          = 100
	MaxKeywordsPerStart = 50
)

var startDef = Def{
	Type:        TypeStart,
	Label:       "Start",
	Description: "Where a conversation begins. Keywords choose which first messages start it; none means any message.",
	Group:       GroupConversation,
	NoInput:     true,
	Single:      true,
	Fields:      []Field{{Name: "keywords", Kind: KindTexts}},
	Outputs:     []OutputRule{Fixed(HandleOut, "")},
	Limits:      []Limit{{"keyword", MaxKeyword}, {"keywords", MaxKeywordsPerStart}},
	check:       checkStart,
}

func checkStart(v *validator, n Node) {
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

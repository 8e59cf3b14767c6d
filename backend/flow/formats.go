package flow

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Format is one way a placeholder can format its value for customers:
// {{order_eta | date}}, {{price | number:2}}, {{in_stock | yesno}}. The
// editor's picker offers them.
type Format struct {
	Name        string `json:"name"`
	Example     string `json:"example"`
	Description string `json:"description"`
}

// Formats lists the formats in the order the picker offers them.
func Formats() []Format {
	return []Format{
		{Name: "date", Example: "{{order_eta | date}}",
			Description: `A date as "2 May 2026" (a time too when the value has one); date:DD/MM/YYYY or date:ddd D MMM, HH:mm for another layout.`},
		{Name: "number", Example: "{{order_total | number:2}}",
			Description: "A number in plain digits; number:2 with exactly two decimals."},
		{Name: "yesno", Example: "{{in_stock | yesno}}",
			Description: `A yes/no value as "yes" or "no"; yesno:Sí/No for other words.`},
		{Name: "default", Example: `{{nickname | default:"friend"}}`,
			Description: "The text to show when the value is empty."},
	}
}

// maxDecimals bounds number:N.
const maxDecimals = 6

// checkFormat says what is wrong with a format and its option, or "".
func checkFormat(f format) string {
	switch f.name {
	case "date":
		if f.hasArg && strings.TrimSpace(f.arg) == "" {
			return "date: needs a layout after the colon, such as date:DD/MM/YYYY."
		}
	case "number":
		if f.hasArg {
			if n, err := strconv.Atoi(f.arg); err != nil || n < 0 || n > maxDecimals {
				return fmt.Sprintf("number:%s must give the decimals as a number from 0 to %d, such as number:2.", f.arg, maxDecimals)
			}
		}
	case "yesno":
		if f.hasArg {
			if words := strings.Split(f.arg, "/"); len(words) != 2 {
				return fmt.Sprintf("yesno:%s must give two words separated by \"/\", such as yesno:Sí/No.", f.arg)
			}
		}
	case "default":
		if !f.hasArg {
			return `default needs the text to show, such as default:"friend".`
		}
	default:
		return fmt.Sprintf("%q is not a format; use date, number, yesno or default.", f.name)
	}
	return ""
}

// apply formats v; a value the format cannot read is shown as it is.
func (f format) apply(v string) string {
	switch f.name {
	case "date":
		return formatDate(v, f.arg)
	case "number":
		return formatNumber(v, f.arg, f.hasArg)
	case "yesno":
		return formatYesNo(v, f.arg, f.hasArg)
	case "default":
		if strings.TrimSpace(v) == "" {
			return f.arg
		}
	}
	return v
}

func formatNumber(v, arg string, hasArg bool) string {
	s := strings.TrimSpace(v)
	if s == "" {
		return v
	}
	x, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || x != x || x > 1e300 || x < -1e300 { // x != x: NaN
		return v
	}
	decimals := -1
	if hasArg {
		decimals, _ = strconv.Atoi(arg)
	}
	out := strconv.FormatFloat(x, 'f', decimals, 64)
	if strings.TrimLeft(out, "-0.") == "" {
		out = strings.TrimPrefix(out, "-") // no "-0.00"
	}
	return out
}

func formatYesNo(v, arg string, hasArg bool) string {
	yes, no := "yes", "no"
	if hasArg {
		if words := strings.Split(arg, "/"); len(words) == 2 {
			yes, no = strings.TrimSpace(words[0]), strings.TrimSpace(words[1])
		}
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "yes", "y", "1", "on":
		return yes
	case "false", "no", "n", "0", "off", "":
		// A yes/no without a value counts as no, as it does in conditions.
		return no
	}
	return v
}

// dateLayouts are the forms a date value is read in: the normalized forms of
// date attributes first, then what APIs commonly send.
var dateLayouts = []struct {
	layout  string
	hasTime bool
}{
	{"2006-01-02", false},
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04:05", true},
	{"2006-01-02T15:04", true},
	{"2006-01-02 15:04:05", true},
	{"2006-01-02 15:04", true},
}

func formatDate(v, pattern string) string {
	s := strings.TrimSpace(v)
	for _, l := range dateLayouts {
		d, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if pattern == "" {
			pattern = "D MMMM YYYY"
			if l.hasTime {
				pattern += ", HH:mm"
			}
		}
		return layoutDate(d, pattern)
	}
	return v
}

// dateTokens are the parts a date layout may name, longest first so that
// "MMMM" is not read as two "MM".
var dateTokens = []string{"YYYY", "MMMM", "dddd", "MMM", "ddd", "YY", "MM", "DD", "HH", "hh", "mm", "M", "D", "H", "h", "A"}

// layoutDate writes d in pattern; characters that are not a token are
// copied as they are.
func layoutDate(d time.Time, pattern string) string {
	var b strings.Builder
	for i := 0; i < len(pattern); {
		tok := ""
		for _, t := range dateTokens {
			if strings.HasPrefix(pattern[i:], t) {
				tok = t
				break
			}
		}
		if tok == "" {
			b.WriteByte(pattern[i])
			i++
			continue
		}
		b.WriteString(datePart(d, tok))
		i += len(tok)
	}
	return b.String()
}

func datePart(d time.Time, tok string) string {
	hour12 := d.Hour() % 12
	if hour12 == 0 {
		hour12 = 12
	}
	switch tok {
	case "YYYY":
		return strconv.Itoa(d.Year())
	case "YY":
		return fmt.Sprintf("%02d", d.Year()%100)
	case "MMMM":
		return d.Month().String()
	case "MMM":
		return d.Month().String()[:3]
	case "MM":
		return fmt.Sprintf("%02d", int(d.Month()))
	case "M":
		return strconv.Itoa(int(d.Month()))
	case "DD":
		return fmt.Sprintf("%02d", d.Day())
	case "D":
		return strconv.Itoa(d.Day())
	case "dddd":
		return d.Weekday().String()
	case "ddd":
		return d.Weekday().String()[:3]
	case "HH":
		return fmt.Sprintf("%02d", d.Hour())
	case "H":
		return strconv.Itoa(d.Hour())
	case "hh":
		return fmt.Sprintf("%02d", hour12)
	case "h":
		return strconv.Itoa(hour12)
	case "mm":
		return fmt.Sprintf("%02d", d.Minute())
	case "A":
		if d.Hour() < 12 {
			return "AM"
		}
		return "PM"
	}
	return tok
}

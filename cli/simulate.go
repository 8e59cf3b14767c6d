package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"chatflow/backend/engine"
	"chatflow/backend/studio"
)

// runSimulate chats with a flow in the terminal: every stdin line is one
// customer message, and the bot's messages go to stdout as text or, with
// --json, one JSON object per line (ARCHITECTURE.md 4.1). Problems of the
// flow and notes (the conversation ended, nothing started) go to stderr.
func runSimulate(ctx context.Context, env Env, args []string) error {
	fl := newFlags("simulate", env)
	dbPath := dbFlag(fl)
	name := fl.String("flow", "", "`name` of the flow to chat with (its last saved version, published or not)")
	asJSON := fl.Bool("json", false, "print each bot message as one JSON object per line")
	var sets setFlags
	fl.Var(&sets, "set", "start with an attribute value, as `attr=value` (repeatable)")
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	if strings.TrimSpace(*name) == "" {
		return usagef("simulate: --flow NAME is required")
	}
	st, closeDB, err := openStudio(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer closeDB()
	sim := st.Simulator
	ss, err := sim.StartByName(ctx, *name, sets.values())
	if err != nil {
		return err
	}
	p := simPrinter{out: env.Stdout, errOut: env.Stderr, json: *asJSON}
	in := bufio.NewScanner(env.Stdin)
	in.Buffer(make([]byte, 64*1024), 1<<20)
	for in.Scan() {
		line := strings.TrimRight(in.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		turn, err := sim.Send(ctx, ss.ID, line, "")
		if err != nil {
			return err
		}
		if err := p.turn(turn); err != nil {
			return err
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("read the customer's messages: %w", err)
	}
	return nil
}

// setFlags collects repeated --set attr=value flags.
type setFlags []string

func (s *setFlags) String() string { return strings.Join(*s, ",") }

func (s *setFlags) Set(v string) error {
	if k, _, ok := strings.Cut(v, "="); !ok || strings.TrimSpace(k) == "" {
		return fmt.Errorf("%q is not attr=value", v)
	}
	*s = append(*s, v)
	return nil
}

// values returns the attribute values, the last one winning.
func (s setFlags) values() map[string]string {
	out := map[string]string{}
	for _, kv := range s {
		k, v, _ := strings.Cut(kv, "=")
		out[strings.TrimSpace(k)] = v
	}
	return out
}

// simPrinter writes the bot's side of the conversation.
type simPrinter struct {
	out, errOut io.Writer
	json        bool
}

// cliOption and cliRow are the JSON shapes of buttons and list rows; a row
// always carries its description, even when empty.
type cliOption struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type cliRow struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

func (p simPrinter) turn(t studio.SimTurn) error {
	for _, r := range t.Replies {
		var err error
		if p.json {
			err = p.emit(replyJSON(r))
		} else {
			err = p.text(r)
		}
		if err != nil {
			return fmt.Errorf("write the bot's messages: %w", err)
		}
	}
	for _, e := range t.Errors {
		fmt.Fprintf(p.errOut, "chatflow: flow problem: %s\n", e)
	}
	if t.Notice != "" {
		fmt.Fprintf(p.errOut, "chatflow: %s\n", t.Notice)
	}
	if t.State == engine.StatePaused {
		msg := "the bot handed the conversation to a person and stays silent (send restart to start over)"
		if len(t.Visited) == 0 {
			msg = "the bot is paused after a handoff (send restart to start over)"
		}
		fmt.Fprintf(p.errOut, "chatflow: %s\n", msg)
	}
	if !p.json {
		return nil
	}
	end := map[string]string{"type": "end"}
	if t.State == engine.StateWait {
		end["type"] = "wait"
	}
	return p.emit(end)
}

func replyJSON(r engine.Reply) any {
	switch r.Type {
	case engine.ReplyButtons:
		opts := make([]cliOption, 0, len(r.Buttons))
		for _, b := range r.Buttons {
			opts = append(opts, cliOption{ID: b.ID, Title: b.Title})
		}
		return struct {
			Type    string      `json:"type"`
			Text    string      `json:"text"`
			Buttons []cliOption `json:"buttons"`
		}{r.Type, r.Text, opts}
	case engine.ReplyList:
		rows := make([]cliRow, 0, len(r.Rows))
		for _, o := range r.Rows {
			rows = append(rows, cliRow{ID: o.ID, Title: o.Title, Description: o.Description})
		}
		return struct {
			Type   string   `json:"type"`
			Text   string   `json:"text"`
			Button string   `json:"button"`
			Rows   []cliRow `json:"rows"`
		}{r.Type, r.Text, r.Button, rows}
	case engine.ReplyTemplate:
		name, language, values := "", "", []string{}
		if r.Template != nil {
			name, language, values = r.Template.Name, r.Template.Language, r.Template.ParameterValues()
		}
		return struct {
			Type       string   `json:"type"`
			Name       string   `json:"name"`
			Language   string   `json:"language"`
			Parameters []string `json:"parameters"`
		}{r.Type, name, language, values}
	case engine.ReplyMedia:
		return struct {
			Type      string `json:"type"`
			MediaType string `json:"mediaType"`
			MediaURL  string `json:"mediaUrl"`
			Text      string `json:"text"`
		}{r.Type, r.MediaType, r.MediaURL, r.Text}
	}
	return struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}{engine.ReplyText, r.Text}
}

func (p simPrinter) emit(v any) error {
	enc := json.NewEncoder(p.out)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func (p simPrinter) text(r engine.Reply) error {
	var b strings.Builder
	if r.Type == engine.ReplyMedia {
		fmt.Fprintf(&b, "[%s: %s]\n", r.MediaType, r.MediaURL)
	}
	if t := r.Template; r.Type == engine.ReplyTemplate && t != nil {
		fmt.Fprintf(&b, "[template %s (%s)]\n", t.Name, t.Language)
		if t.HeaderType != "" {
			fmt.Fprintf(&b, "[%s: %s]\n", t.HeaderType, t.HeaderMediaURL)
		}
		if t.Header != "" {
			b.WriteString(t.Header + "\n")
		}
	}
	if r.Text != "" {
		b.WriteString(r.Text + "\n")
	}
	for i, o := range append(r.Buttons, r.Rows...) {
		fmt.Fprintf(&b, "  %d) %s\n", i+1, o.Title)
	}
	if t := r.Template; r.Type == engine.ReplyTemplate && t != nil {
		if t.Footer != "" {
			b.WriteString(t.Footer + "\n")
		}
		for i, q := range t.QuickReplies {
			fmt.Fprintf(&b, "  %d) %s\n", i+1, q.Payload)
		}
	}
	_, err := io.WriteString(p.out, b.String())
	return err
}

package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"chatflow/backend/studio"
)

// runTrigger runs `chatflow trigger add|list|remove`: the notification
// triggers that let the business's own systems POST /notify/{name}.
func runTrigger(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprint(env.Stderr, triggerUsage)
			return nil
		}
		return usagef("trigger: say what to do: chatflow trigger add|list|remove")
	}
	switch args[0] {
	case "add":
		return runTriggerAdd(ctx, env, args[1:])
	case "list":
		return runTriggerList(ctx, env, args[1:])
	case "remove":
		return runTriggerRemove(ctx, env, args[1:])
	}
	return usagef("trigger: unknown action %q (add, list or remove)", args[0])
}

// texts is a repeatable string flag.
type texts []string

func (t *texts) String() string     { return strings.Join(*t, ", ") }
func (t *texts) Set(v string) error { *t = append(*t, v); return nil }

func runTriggerAdd(ctx context.Context, env Env, args []string) error {
	fl := newFlags("trigger add", env)
	dbPath := dbFlag(fl)
	var in studio.TriggerInput
	var params texts
	fl.StringVar(&in.Flow, "flow", "", "the `flow` the trigger starts (by name)")
	fl.StringVar(&in.Template, "template", "", "the WhatsApp `template` the trigger sends (synced)")
	fl.StringVar(&in.Language, "language", "", "the template's language `code`, such as en_US")
	fl.Var(&params, "param", "a parameter of the template, a `text` with {{attribute}} placeholders (repeat, in order)")
	fl.StringVar(&in.HeaderMediaURL, "header-media-url", "", "the template header's media `link`, when it has one")
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), triggerUsage)
		fl.PrintDefaults()
	}
	name, err := parseWithName(fl, args)
	if err != nil {
		return err
	}
	if name == "" {
		return usagef("trigger add: name the trigger: chatflow trigger add NAME (--flow FLOW | --template NAME --language CODE)")
	}
	if (in.Flow == "") == (in.Template == "") {
		return usagef("trigger add: give --flow FLOW or --template NAME --language CODE")
	}
	in.Name, in.Parameters = name, params
	st, closeDB, err := openStudio(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer closeDB()
	res, err := st.Triggers.Add(ctx, in)
	if err != nil {
		return err
	}
	t := res.Trigger
	fmt.Fprintf(env.Stdout, "Added the trigger %s (%s).\n", t.Name, triggerAction(t))
	fmt.Fprintf(env.Stdout, "POST /notify/%s on the webhook listener with Authorization: Bearer TOKEN.\n", t.Name)
	fmt.Fprintln(env.Stdout, "Its token, shown only now (keep it secret):")
	fmt.Fprintln(env.Stdout, res.Token)
	return nil
}

func runTriggerList(ctx context.Context, env Env, args []string) error {
	fl := newFlags("trigger list", env)
	dbPath := dbFlag(fl)
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	st, closeDB, err := openStudio(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer closeDB()
	list, err := st.Triggers.List(ctx)
	if err != nil {
		return err
	}
	for _, t := range list {
		used := "never used"
		if t.Uses > 0 {
			used = fmt.Sprintf("used %d times, last %s", t.Uses, t.LastUsedAt)
		}
		line := fmt.Sprintf("%s\t%s\ttoken %s…\t%s", t.Name, triggerAction(t), t.TokenHint, used)
		if t.Problem != "" {
			line += "\t" + t.Problem
		}
		fmt.Fprintln(env.Stdout, line)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stderr, "chatflow: no triggers yet; add one with chatflow trigger add")
	}
	return nil
}

func runTriggerRemove(ctx context.Context, env Env, args []string) error {
	fl := newFlags("trigger remove", env)
	dbPath := dbFlag(fl)
	name, err := parseWithName(fl, args)
	if err != nil {
		return err
	}
	if name == "" {
		return usagef("trigger remove: name the trigger: chatflow trigger remove NAME")
	}
	st, closeDB, err := openStudio(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer closeDB()
	if err := st.Triggers.Remove(ctx, name); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Removed the trigger %s; its token no longer works.\n", name)
	return nil
}

// parseWithName parses flags that may come before or after one name.
func parseWithName(fl *flag.FlagSet, args []string) (string, error) {
	name := ""
	for {
		if err := parseFlags(fl, args, len(args)); err != nil {
			return "", err
		}
		if fl.NArg() == 0 {
			return name, nil
		}
		if name != "" {
			return "", usagef("%s: unexpected argument %q", fl.Name(), fl.Arg(0))
		}
		name, args = fl.Arg(0), fl.Args()[1:]
	}
}

func triggerAction(t studio.TriggerView) string {
	if t.Template != "" {
		return "sends the template " + t.Template + " (" + t.Language + ")"
	}
	if t.Flow == "" {
		return "its flow was deleted"
	}
	return "starts the flow " + t.Flow
}

const triggerUsage = `Usage:
  chatflow trigger add NAME (--flow FLOW | --template NAME --language CODE [--param TEXT]...) [--db FILE]
  chatflow trigger list [--db FILE]
  chatflow trigger remove NAME [--db FILE]

A trigger lets your own systems reach a customer: POST /notify/NAME on the webhook
listener with "Authorization: Bearer TOKEN" and a body such as
{"phone": "15550001111", "attributes": {"order_id": "A1001"}} sets the attributes and
starts the flow (or sends the template) for that customer. add prints the token as its
last line; it is stored only as a hash and never shown again. See docs/notifications.md.

`

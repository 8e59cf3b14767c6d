package cli

import (
	"context"
	"fmt"
	"strings"
)

// runTemplates runs `chatflow templates sync`: it fetches every message
// template of the WhatsApp Business Account (paged) with the stored
// settings, the WHATSAPP_* variables or the --whatsapp-* flags, stores
// them, and prints one line per template: name, language, status and
// category. What changed is told on stderr.
func runTemplates(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprint(env.Stderr, templatesUsage)
			return nil
		}
		return usagef("templates: say what to do: chatflow templates sync [--db FILE]")
	}
	if args[0] != "sync" {
		return usagef("templates: unknown action %q (only sync)", args[0])
	}
	fl := newFlags("templates sync", env)
	dbPath := dbFlag(fl)
	overlay := addWhatsAppFlags(fl)
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), templatesUsage)
		fl.PrintDefaults()
	}
	if err := parseFlags(fl, args[1:], 0); err != nil {
		return err
	}
	overlay(&env)
	st, closeDB, err := openStudio(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer closeDB()
	res, err := st.Templates.Sync(ctx)
	if err != nil {
		return err
	}
	for _, t := range res.Templates {
		line := fmt.Sprintf("%s %s %s %s", t.Name, t.Language, t.Status, t.Category)
		if t.Unsupported != "" {
			line += " (cannot be sent: uses " + t.Unsupported + ")"
		}
		fmt.Fprintln(env.Stdout, line)
	}
	fmt.Fprintf(env.Stderr, "chatflow: synced %d templates: %d new, %d changed, %d removed\n",
		len(res.Templates), res.Added, res.Updated, res.Removed)
	if res.Skipped > 0 {
		fmt.Fprintf(env.Stderr, "chatflow: %d entries of WhatsApp's answer could not be read and were left out\n", res.Skipped)
	}
	return nil
}

const templatesUsage = `Usage: chatflow templates sync [--db FILE] [--whatsapp-waba-id ID] [--whatsapp-token TOKEN]

Fetches the message templates of your WhatsApp Business Account from the Graph API
(GET /{version}/{waba-id}/message_templates, every page) and stores them, replacing
the ones synced before. Prints one line per template: name, language, status, category.
The account id and token come from the Settings page, WHATSAPP_WABA_ID and
WHATSAPP_TOKEN, or the flags.

`

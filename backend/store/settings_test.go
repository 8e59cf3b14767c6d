package store_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestTypedSettings(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()

	if v, _ := db.IntSetting(ctx, "n", 7); v != 7 {
		t.Errorf("unset int = %d, want default 7", v)
	}
	db.SetIntSetting(ctx, "n", 42)
	if v, _ := db.IntSetting(ctx, "n", 7); v != 42 {
		t.Errorf("int = %d, want 42", v)
	}
	db.SetSetting(ctx, "n", "not a number")
	if v, _ := db.IntSetting(ctx, "n", 7); v != 7 {
		t.Errorf("unreadable int = %d, want the default", v)
	}

	db.SetDurationSetting(ctx, "d", 90*time.Second)
	if v, _ := db.DurationSetting(ctx, "d", time.Minute); v != 90*time.Second {
		t.Errorf("duration = %v", v)
	}
	db.SetSetting(ctx, "s", "hello")
	if v, _ := db.StringSetting(ctx, "s", "x"); v != "hello" {
		t.Errorf("string = %q", v)
	}
	db.DeleteSetting(ctx, "s")
	if v, _ := db.StringSetting(ctx, "s", "x"); v != "x" {
		t.Errorf("deleted string = %q, want default", v)
	}
}

func TestResolveContactKeepsKnownFields(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	resolve := func(waID, userID, name string) (store.Contact, error) {
		var c store.Contact
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			var err error
			c, err = db.ResolveContactTx(ctx, tx, waID, userID, name)
			return err
		})
		return c, err
	}
	first, err := resolve("31600000001", "", "Ana")
	if err != nil {
		t.Fatal(err)
	}
	again, err := resolve("31600000001", "NL.123", "")
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != first.ID || again.Name != "Ana" || again.Phone != "31600000001" || again.UserID != "NL.123" {
		t.Errorf("upsert merged wrongly: %+v", again)
	}
	if _, err := resolve("", "", "Bo"); err == nil {
		t.Error("a contact without a WhatsApp id was accepted")
	}
	if err := db.Tx(ctx, func(tx *sql.Tx) error { return store.SetBotPausedTx(ctx, tx, first.ID, true) }); err != nil {
		t.Fatal(err)
	}
	c, _ := db.Contact(ctx, first.ID)
	if !c.BotPaused {
		t.Error("pause not stored")
	}
	err = db.Tx(ctx, func(tx *sql.Tx) error { return store.SetBotPausedTx(ctx, tx, 999, true) })
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("pausing a missing contact: %v", err)
	}
	if _, err := db.Contact(ctx, 999); err == nil {
		t.Error("missing contact loaded")
	}
}

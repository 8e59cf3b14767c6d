package store_test

import (
	"context"
	"testing"
	"time"

	"chatflow/backend/store"
)

func TestTypedSettings(t *testing.T) {
	db := store.NewTestDB(t)
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

	db.SetBoolSetting(ctx, "b", true)
	if v, _ := db.BoolSetting(ctx, "b", false); !v {
		t.Error("bool not stored")
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

func TestUpsertContactKeepsKnownFields(t *testing.T) {
	db := store.NewTestDB(t)
	ctx := context.Background()
	first, err := db.UpsertContact(ctx, store.Contact{WaID: "31600000001", Phone: "+31600000001", Name: "Ana"})
	if err != nil {
		t.Fatal(err)
	}
	again, err := db.UpsertContact(ctx, store.Contact{WaID: "31600000001", UserID: "NL.123"})
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != first.ID || again.Name != "Ana" || again.Phone != "+31600000001" || again.UserID != "NL.123" {
		t.Errorf("upsert merged wrongly: %+v", again)
	}
	if _, err := db.UpsertContact(ctx, store.Contact{}); err == nil {
		t.Error("a contact without a WhatsApp id was accepted")
	}
	if err := db.SetBotPaused(ctx, first.ID, true); err != nil {
		t.Fatal(err)
	}
	c, _ := db.Contact(ctx, first.ID)
	if !c.BotPaused {
		t.Error("pause not stored")
	}
	if _, err := db.Contact(ctx, 999); err == nil {
		t.Error("missing contact loaded")
	}
}

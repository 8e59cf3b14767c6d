package store_test

import (
	"context"
	"database/sql"
	"reflect"
	"testing"

	"chatflow/backend/attribute"
	"chatflow/backend/store"
	"chatflow/backend/store/storetest"
)

func TestContactAttributes(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	a, b := contactA(t, db, "1"), contactA(t, db, "2")
	okA(t, db.SetContactAttribute(ctx, a, "order_id", "A-1"))
	okA(t, db.Tx(ctx, func(tx *sql.Tx) error {
		return store.SetContactAttributesTx(ctx, tx, a, attribute.Values{"total": "12", "order_id": "A-2", "contact.name": "ignored", "gone": ""})
	}))
	okA(t, db.SetContactAttribute(ctx, b, "order_id", "B-1"))
	got, err := db.ContactAttributes(ctx, a)
	if err != nil || !reflect.DeepEqual(got, attribute.Values{"order_id": "A-2", "total": "12"}) {
		t.Fatalf("values of a = %v, %v", got, err)
	}
	okA(t, db.SetContactAttribute(ctx, a, "total", ""))
	if got, _ := db.ContactAttributes(ctx, a); !reflect.DeepEqual(got, attribute.Values{"order_id": "A-2"}) {
		t.Fatalf("an empty value did not remove: %v", got)
	}
	if got, _ := db.ContactAttributes(ctx, 12345); len(got) != 0 {
		t.Fatalf("unknown contact has values: %v", got)
	}
	if err := db.SetContactAttribute(ctx, 12345, "x", "1"); err == nil {
		t.Fatal("a value for a missing contact was stored")
	}
	if _, err := db.W.ExecContext(ctx, `DELETE FROM contacts WHERE id = ?`, b); err != nil {
		t.Fatal(err)
	}
	var n int
	_ = db.R.QueryRowContext(ctx, `SELECT COUNT(*) FROM contact_attributes WHERE contact_id = ?`, b).Scan(&n)
	if n != 0 {
		t.Fatalf("values of a deleted contact survived: %d", n)
	}
}

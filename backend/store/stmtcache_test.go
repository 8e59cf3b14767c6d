package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"chatflow/backend/store/storetest"
)

// The connections keep prepared statements; these cases are the ones a
// cache can get wrong.
func TestStatementCache(t *testing.T) {
	db := storetest.NewDB(t)
	ctx := context.Background()
	if _, err := db.W.ExecContext(ctx, `CREATE TABLE cache_probe(id INTEGER PRIMARY KEY, v TEXT)`); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if _, err := db.W.ExecContext(ctx, `INSERT INTO cache_probe(v) VALUES(?)`, fmt.Sprint("v", i)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"the same query while its rows are open runs uncached", func(t *testing.T) {
			err := db.Tx(ctx, func(tx *sql.Tx) error {
				rows, err := tx.QueryContext(ctx, `SELECT id FROM cache_probe WHERE id > ? ORDER BY id`, 0)
				if err != nil {
					return err
				}
				defer rows.Close()
				n := 0
				for rows.Next() {
					var id int64
					if err := rows.Scan(&id); err != nil {
						return err
					}
					var inner int
					// Same SQL, same connection, outer rows still open.
					if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT id FROM cache_probe WHERE id > ? ORDER BY id)`, id).Scan(&inner); err != nil {
						return err
					}
					in, err := tx.QueryContext(ctx, `SELECT id FROM cache_probe WHERE id > ? ORDER BY id`, id)
					if err != nil {
						return err
					}
					m := 0
					for in.Next() {
						m++
					}
					in.Close()
					if m != inner || m != 5-int(id) {
						return fmt.Errorf("after id %d: %d and %d rows, want %d", id, m, inner, 5-id)
					}
					n++
				}
				if n != 5 {
					return fmt.Errorf("outer loop saw %d rows, want 5", n)
				}
				return rows.Err()
			})
			if err != nil {
				t.Fatal(err)
			}
		}},
		{"more distinct queries than the cache holds", func(t *testing.T) {
			for i := range 300 {
				var got int
				if err := db.R.QueryRowContext(ctx, fmt.Sprintf(`SELECT %d + COUNT(*) FROM cache_probe`, i)).Scan(&got); err != nil {
					t.Fatal(err)
				}
				if got != i+5 {
					t.Fatalf("query %d = %d", i, got)
				}
			}
		}},
		{"a cached statement survives a schema change", func(t *testing.T) {
			q := `SELECT COUNT(*) FROM cache_probe`
			var before, after int
			if err := db.W.QueryRowContext(ctx, q).Scan(&before); err != nil {
				t.Fatal(err)
			}
			if _, err := db.W.ExecContext(ctx, `ALTER TABLE cache_probe ADD COLUMN extra INTEGER NOT NULL DEFAULT 0`); err != nil {
				t.Fatal(err)
			}
			if _, err := db.W.ExecContext(ctx, `INSERT INTO cache_probe(v) VALUES('late')`); err != nil {
				t.Fatal(err)
			}
			if err := db.W.QueryRowContext(ctx, q).Scan(&after); err != nil {
				t.Fatal(err)
			}
			if after != before+1 {
				t.Fatalf("count %d then %d", before, after)
			}
		}},
		{"an error leaves the statement usable", func(t *testing.T) {
			q := `INSERT INTO cache_probe(id, v) VALUES(?, 'dup')`
			if _, err := db.W.ExecContext(ctx, q, 1); err == nil {
				t.Fatal("inserting a duplicate id succeeded")
			}
			if _, err := db.W.ExecContext(ctx, q, 1000); err != nil {
				t.Fatalf("the statement failed after an error: %v", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

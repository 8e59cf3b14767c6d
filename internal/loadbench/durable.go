//go:build linux

package loadbench

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"path/filepath"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // the same pure-Go driver chatflow uses

	"chatflow/backend/whatsapp"
)

// DurableBaseline is the yardstick for the cost of durability: the order bot
// of Baseline with the least persistence that survives kill -9, written
// plainly. It is not a product path.
//
// It uses what chatflow uses (the modernc SQLite driver, WAL,
// synchronous=NORMAL, one writer connection) and group commit: writers that
// arrive while a commit runs share the next transaction. Each message costs
// three transactions and four statements:
//
//  1. before the 200: INSERT the inbound row (a redelivered message id
//     inserts nothing and is acknowledged without a second answer);
//  2. after the order API answered, before sending: INSERT the reply and
//     mark the inbound row done, in one transaction;
//  3. after the Graph API accepted the reply: mark the reply sent.
//
// At start it answers the inbound rows not done and sends the replies not
// sent, so a kill loses nothing it acknowledged (a reply whose send was cut
// off may go out twice; the baseline does not settle that the way chatflow
// does). It keeps no per-contact order, no sessions, no history and no
// retries: those are the product's, and what they cost is what the ratio
// to this baseline shows.
type DurableBaseline struct {
	AppSecret string
	OrdersURL string
	Graph     whatsapp.Config
	HTTP      *http.Client

	db    *sql.DB
	stmts struct{ insertInbound, insertReply, markDone, markSent *sql.Stmt }
	ops   chan *durableOp
	// statements and commits count the work, served at GET /stats.
	statements, commits atomic.Int64
}

// durableOp is one caller's transaction body waiting for its commit.
type durableOp struct {
	fn   func(tx *sql.Tx) error
	err  error
	done chan struct{}
}

const durableSchema = `
CREATE TABLE IF NOT EXISTS inbound (
	id     INTEGER PRIMARY KEY,
	wa_id  TEXT    NOT NULL UNIQUE,
	sender TEXT    NOT NULL,
	text   TEXT    NOT NULL,
	done   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS replies (
	id         INTEGER PRIMARY KEY,
	inbound_id INTEGER NOT NULL,
	recipient  TEXT    NOT NULL,
	text       TEXT    NOT NULL,
	sent       INTEGER NOT NULL DEFAULT 0
);`

// OpenDurableBaseline opens (creating) the baseline's database in dir.
func OpenDurableBaseline(dir, appSecret, ordersURL string, graph whatsapp.Config) (*DurableBaseline, error) {
	dsn := "file:" + filepath.ToSlash(filepath.Join(dir, "durable-baseline.db")) +
		"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("loadbench: durable baseline: %w", err)
	}
	db.SetMaxOpenConns(1) // one writer connection, as in chatflow
	db.SetMaxIdleConns(1)
	if _, err := db.Exec(durableSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("loadbench: durable baseline schema: %w", err)
	}
	b := &DurableBaseline{AppSecret: appSecret, OrdersURL: ordersURL, Graph: graph, db: db,
		HTTP: NewBaseline(appSecret, ordersURL, graph).HTTP, ops: make(chan *durableOp, 1024)}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&b.stmts.insertInbound, `INSERT INTO inbound(wa_id, sender, text) VALUES(?, ?, ?) ON CONFLICT(wa_id) DO NOTHING RETURNING id`},
		{&b.stmts.insertReply, `INSERT INTO replies(inbound_id, recipient, text) VALUES(?, ?, ?) RETURNING id`},
		{&b.stmts.markDone, `UPDATE inbound SET done = 1 WHERE id = ?`},
		{&b.stmts.markSent, `UPDATE replies SET sent = 1 WHERE id = ?`},
	} {
		if *p.stmt, err = db.Prepare(p.sql); err != nil {
			db.Close()
			return nil, fmt.Errorf("loadbench: durable baseline prepare: %w", err)
		}
	}
	go b.commitLoop()
	return b, nil
}

// Stats reports the statements run and the transactions committed so far.
func (b *DurableBaseline) Stats() StoreStats {
	return StoreStats{Statements: b.statements.Load(), Commits: b.commits.Load()}
}

// Close stops the database (the commit loop ends with the process).
func (b *DurableBaseline) Close() error { return b.db.Close() }

// write runs fn in a transaction it may share with concurrent writers and
// returns once that transaction committed.
func (b *DurableBaseline) write(fn func(tx *sql.Tx) error) error {
	op := &durableOp{fn: fn, done: make(chan struct{})}
	b.ops <- op
	<-op.done
	return op.err
}

// commitLoop is the group commit: it takes the waiting bodies (up to 256),
// runs them in one transaction and commits once. A failing body fails its
// whole group (the baseline has no reason to fail, so no retry alone).
func (b *DurableBaseline) commitLoop() {
	for first := range b.ops {
		group := []*durableOp{first}
	more:
		for len(group) < 256 {
			select {
			case op := <-b.ops:
				group = append(group, op)
			default:
				break more
			}
		}
		err := b.commit(group)
		for _, op := range group {
			op.err = err
			close(op.done)
		}
	}
}

func (b *DurableBaseline) commit(group []*durableOp) error {
	tx, err := b.db.Begin()
	if err != nil {
		return err
	}
	for _, op := range group {
		if err := op.fn(tx); err != nil {
			tx.Rollback()
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	b.commits.Add(1)
	return nil
}

// Handler serves POST /webhook/whatsapp, GET /healthz and GET /stats (the
// statements and commits so far, for the benchmark's table).
func (b *DurableBaseline) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	mux.HandleFunc("GET /stats", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(b.Stats())
	})
	mux.HandleFunc("POST /webhook/whatsapp", b.receive)
	return mux
}

// inboundRow is a stored customer message the bot must answer.
type inboundRow struct {
	id           int64
	sender, text string
}

func (b *DurableBaseline) receive(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, whatsapp.MaxBodyBytes))
	if err != nil {
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return
	}
	if !whatsapp.ValidSignature(body, r.Header.Get(whatsapp.SignatureHeader), b.AppSecret) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	n, err := whatsapp.Parse(body)
	if err != nil {
		http.Error(w, "malformed notification", http.StatusBadRequest)
		return
	}
	var fresh []inboundRow
	err = b.write(func(tx *sql.Tx) error {
		fresh = fresh[:0]
		for _, m := range n.Messages {
			if !m.Runs() {
				continue
			}
			row := inboundRow{sender: m.From.WaID, text: m.Text}
			b.statements.Add(1)
			err := tx.Stmt(b.stmts.insertInbound).QueryRow(m.ID, row.sender, row.text).Scan(&row.id)
			if err == sql.ErrNoRows {
				continue // a redelivery: answered (or being answered) already
			}
			if err != nil {
				return err
			}
			fresh = append(fresh, row)
		}
		return nil
	})
	if err != nil {
		http.Error(w, "could not store", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
	for _, row := range fresh {
		go b.answer(row)
	}
}

// answer runs the order bot for one stored message and sends the reply.
func (b *DurableBaseline) answer(in inboundRow) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	text := fmt.Sprintf("Order %s: %s", in.text, orderStatus(ctx, b.HTTP, b.OrdersURL, in.text))
	var replyID int64
	err := b.write(func(tx *sql.Tx) error {
		b.statements.Add(2)
		if err := tx.Stmt(b.stmts.insertReply).QueryRow(in.id, in.sender, text).Scan(&replyID); err != nil {
			return err
		}
		_, err := tx.Stmt(b.stmts.markDone).Exec(in.id)
		return err
	})
	if err != nil {
		log.Printf("durable baseline: store reply: %v", err)
		return
	}
	b.send(ctx, replyID, in.sender, text)
}

// send posts a stored reply and marks it sent once the Graph API accepted
// it. A failed send stays unsent until the next start.
func (b *DurableBaseline) send(ctx context.Context, id int64, to, text string) {
	out := whatsapp.Outgoing{Kind: whatsapp.KindText, To: to, Text: text}
	if _, err := (whatsapp.Client{HTTP: b.HTTP}).Send(ctx, b.Graph, out); err != nil {
		return
	}
	err := b.write(func(tx *sql.Tx) error {
		b.statements.Add(1)
		_, err := tx.Stmt(b.stmts.markSent).Exec(id)
		return err
	})
	if err != nil {
		log.Printf("durable baseline: mark reply sent: %v", err)
	}
}

// Recover answers what a previous run acknowledged but did not finish: the
// inbound rows not done, and the replies not sent.
func (b *DurableBaseline) Recover(ctx context.Context) error {
	rows, err := b.db.QueryContext(ctx, `SELECT id, sender, text FROM inbound WHERE done = 0 ORDER BY id`)
	if err != nil {
		return fmt.Errorf("loadbench: durable baseline recover: %w", err)
	}
	var open []inboundRow
	for rows.Next() {
		var r inboundRow
		if err := rows.Scan(&r.id, &r.sender, &r.text); err != nil {
			rows.Close()
			return fmt.Errorf("loadbench: durable baseline recover: %w", err)
		}
		open = append(open, r)
	}
	rows.Close()
	type reply struct {
		id       int64
		to, text string
	}
	var unsent []reply
	rows, err = b.db.QueryContext(ctx, `SELECT id, recipient, text FROM replies WHERE sent = 0 ORDER BY id`)
	if err != nil {
		return fmt.Errorf("loadbench: durable baseline recover: %w", err)
	}
	for rows.Next() {
		var r reply
		if err := rows.Scan(&r.id, &r.to, &r.text); err != nil {
			rows.Close()
			return fmt.Errorf("loadbench: durable baseline recover: %w", err)
		}
		unsent = append(unsent, r)
	}
	rows.Close()
	for _, r := range open {
		go b.answer(r)
	}
	for _, r := range unsent {
		go b.send(context.Background(), r.id, r.to, r.text)
	}
	return nil
}

// ServeDurableBaseline opens the durable baseline in dir, finishes what a
// previous run left, and serves it on addr until ctx ends, printing
// "webhook: http://ADDR" once it listens.
func ServeDurableBaseline(ctx context.Context, addr, dir, ordersURL string, graph whatsapp.Config, ready io.Writer) error {
	b, err := OpenDurableBaseline(dir, AppSecret, ordersURL, graph)
	if err != nil {
		return err
	}
	defer b.Close()
	if err := b.Recover(ctx); err != nil {
		return err
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("loadbench: durable baseline listen: %w", err)
	}
	srv := &http.Server{Handler: b.Handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(ready, "webhook: http://%s\n", l.Addr())
	go func() {
		<-ctx.Done()
		stop, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(stop)
	}()
	if err := srv.Serve(l); err != nil && err != http.ErrServerClosed {
		return fmt.Errorf("loadbench: durable baseline serve: %w", err)
	}
	return nil
}

// StoreStats is what GET /stats (durable baseline) and /debug/store
// (chatflow's profiling listener) answer: statements and commits so far.
type StoreStats struct {
	Statements int64 `json:"statements"`
	Commits    int64 `json:"commits"`
}

// readStats fetches a StoreStats document; ok is false when there is none.
func readStats(ctx context.Context, u string) (StoreStats, bool) {
	if u == "" {
		return StoreStats{}, false
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return StoreStats{}, false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return StoreStats{}, false
	}
	defer resp.Body.Close()
	var s StoreStats
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&s) != nil {
		return StoreStats{}, false
	}
	return s, true
}

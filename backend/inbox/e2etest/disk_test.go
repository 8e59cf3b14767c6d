package e2etest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chatflow/backend/whatsapp"
	"chatflow/backend/whatsapp/whatsapptest"
)

// disk is a small tmpfs for the database, so the test can fill it or make
// it read-only for real. Mounting needs root; without it the test skips.
type disk struct {
	t    *testing.T
	dir  string
	fill string
}

func mountDisk(t *testing.T, w *world, size string) *disk {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("a real full or read-only disk needs a tmpfs mount, which needs root")
	}
	d := &disk{t: t, dir: filepath.Join(t.TempDir(), "disk")}
	if err := os.Mkdir(d.dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", d.dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() {
		w.kill() // the process must let go of the disk first
		exec.Command("umount", "-l", d.dir).Run()
	})
	d.fill = filepath.Join(d.dir, "filler")
	return d
}

func (d *disk) remount(mode string) {
	d.t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+mode, d.dir).CombinedOutput(); err != nil {
		d.t.Fatalf("remount %s: %v %s", mode, err, out)
	}
}

// fillUp writes a file until the disk has no space left.
func (d *disk) fillUp() {
	d.t.Helper()
	f, err := os.OpenFile(d.fill, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		d.t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 16<<10)
	for i := 0; i < 1<<16; i++ {
		if _, err := f.Write(chunk); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				return
			}
			d.t.Fatal(err)
		}
	}
	d.t.Fatal("the disk never filled up")
}

func (d *disk) free() {
	if err := os.Remove(d.fill); err != nil && !os.IsNotExist(err) {
		d.t.Fatal(err)
	}
}

// startFails runs chatflow serve and expects it to exit with an error
// within 20 seconds; it returns what it printed on stderr.
func (w *world) startFails() string {
	w.t.Helper()
	cmd := exec.Command(bin, "serve", "--db", w.dbPath, "--webhook-addr", "127.0.0.1:0", "--ui-addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "WHATSAPP_APP_SECRET="+appSecret)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err == nil {
			w.t.Fatalf("chatflow serve exited 0 on a disk it cannot write; stderr: %s", stderr.String())
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		<-done
		w.t.Fatalf("chatflow serve kept running on a disk it cannot write; stderr: %s", stderr.String())
	}
	return strings.TrimSpace(stderr.String())
}

// postOnce posts one signed body once (no redelivery) and returns the status.
func (w *world) postOnce(body []byte) int {
	req, _ := http.NewRequest(http.MethodPost, "http://"+w.addr+"/webhook/whatsapp", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(whatsapp.SignatureHeader, whatsapp.Sign(body, appSecret))
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func TestServeOnAFullOrReadOnlyDisk(t *testing.T) {
	w := newWorld(t)
	d := mountDisk(t, w, "4m")
	raw, err := os.ReadFile(w.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	w.dbPath = filepath.Join(d.dir, "chatflow.db")
	if err := os.WriteFile(w.dbPath, raw, 0o600); err != nil {
		t.Fatal(err)
	}

	// 1. Read-only, then full, at start: one clear line and a failed start.
	d.remount("ro")
	msg := w.startFails()
	if !strings.Contains(msg, "disk full or read-only") || strings.Count(msg, "\n") > 0 {
		t.Errorf("read-only disk: stderr %q, want one line naming a full or read-only disk", msg)
	}
	t.Logf("read-only disk at start: %s", msg)
	d.remount("rw")
	d.fillUp()
	msg = w.startFails()
	if !strings.Contains(msg, "disk full or read-only") || strings.Count(msg, "\n") > 0 {
		t.Errorf("full disk: stderr %q, want one line naming a full or read-only disk", msg)
	}
	t.Logf("full disk at start: %s", msg)
	d.free()

	// 2. The disk fills up while the bot runs: webhooks it cannot store get
	// 503 (Meta redelivers them), never 200.
	w.start()
	first := customer{phone: "5511955550000", name: "Before"}
	w.deliver(whatsapptest.Body(whatsapptest.Inbound{From: first.phone, Name: first.name, ID: "wamid.disk.first", Text: "hi"}))
	if !w.waitReplies(first.phone, 1) {
		t.Fatal("no reply before the disk filled up")
	}
	d.fillUp()
	big := strings.Repeat("my order number is A100 ", 120) // about 3 KB per message
	var acked, refused []int
	var bodies [][]byte
	for i := 0; i < 400 && len(refused) < 3; i++ {
		body := whatsapptest.Body(whatsapptest.Inbound{From: fmt.Sprintf("55119444%05d", i), Name: fmt.Sprintf("Full %d", i),
			ID: fmt.Sprintf("wamid.disk.%d", i), Text: big})
		bodies = append(bodies, body)
		switch code := w.postOnce(body); code {
		case http.StatusOK:
			acked = append(acked, i)
		case http.StatusServiceUnavailable:
			refused = append(refused, i)
		default:
			t.Fatalf("message %d on a full disk answered %d, want 200 or 503", i, code)
		}
	}
	if len(refused) == 0 {
		t.Fatalf("%d messages were acknowledged on a full disk and none refused", len(acked))
	}
	// (A disk turning read-only under the running process cannot be
	// simulated here: the kernel refuses to remount a file system with
	// files open for writing. SQLite reports both the same way, as a
	// failed commit, which is what the 503 above answers.)
	// A small message may still fit after the refusals: one row is all a
	// message costs, and the background checkpoint lets the WAL be written
	// again from its start without growing the file. Then it is stored, and
	// its 200 is honest: it must be answered after the recovery without
	// being redelivered.
	extra := whatsapptest.Body(whatsapptest.Inbound{From: "5511933330000", Name: "Late", ID: "wamid.disk.late", Text: "hi"})
	extraCode := w.postOnce(extra)
	if extraCode != http.StatusServiceUnavailable && extraCode != http.StatusOK {
		t.Errorf("a webhook on the still-full disk answered %d, want 503 (or 200 when it was stored)", extraCode)
	}

	// 3. The disk recovers: Meta's redeliveries are stored and answered,
	// and every message acknowledged before gets exactly one reply.
	d.free()
	if extraCode != http.StatusOK {
		w.deliver(extra)
	}
	for _, i := range refused {
		w.deliver(bodies[i])
	}
	phones := []string{"5511933330000"}
	for _, i := range append(append([]int{}, acked...), refused...) {
		phones = append(phones, fmt.Sprintf("55119444%05d", i))
	}
	for _, p := range phones {
		if !w.waitReplies(p, 1) {
			t.Errorf("%s: no reply after the disk recovered", p)
		}
	}
	time.Sleep(500 * time.Millisecond)
	for _, p := range phones {
		if n := len(w.graph.AcceptedTo(p)); n != 1 {
			t.Errorf("%s received %d replies, want 1", p, n)
		}
	}
	t.Logf("figures: on the full disk %d messages were acknowledged (room was left in the WAL) and %d refused with 503; "+
		"after recovery all %d were answered once", len(acked), len(refused), len(phones))
}

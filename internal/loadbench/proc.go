//go:build linux

package loadbench

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Proc is a server process under test: chatflow serve or the baseline.
type Proc struct {
	cmd *exec.Cmd
	// Ready is the time from exec to the "webhook: " line (the last line
	// chatflow serve prints when it is ready).
	Ready time.Duration
	// Webhook is the listener's base URL, read from that line.
	Webhook string
	logs    *logBuffer
	exited  chan struct{}
	waitErr error
}

// StartProc runs name with args and env and waits (at most a minute) until
// it prints "webhook: URL" on stdout.
func StartProc(name string, args, env []string) (*Proc, error) {
	p := &Proc{logs: &logBuffer{}, exited: make(chan struct{})}
	p.cmd = exec.Command(name, args...)
	p.cmd.Env = env
	p.cmd.Stderr = p.logs
	// Its own process group, so a kill reaches nothing else.
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("loadbench: start %s: %w", name, err)
	}
	start := time.Now()
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("loadbench: start %s: %w", name, err)
	}
	lines := make(chan string, 4)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "webhook: "); ok {
				lines <- u
			}
		}
		io.Copy(io.Discard, out)
	}()
	go func() {
		p.waitErr = p.cmd.Wait()
		close(p.exited)
	}()
	select {
	case u := <-lines:
		p.Ready, p.Webhook = time.Since(start), strings.TrimSpace(u)
		return p, nil
	case <-p.exited:
		return nil, fmt.Errorf("loadbench: %s exited before it was ready (%v): %s", name, p.waitErr, p.Logs())
	case <-time.After(time.Minute):
		p.Kill()
		return nil, fmt.Errorf("loadbench: %s was not ready within a minute: %s", name, p.Logs())
	}
}

// Pid is the process id.
func (p *Proc) Pid() int { return p.cmd.Process.Pid }

// Logs returns what the process wrote to stderr (the last 64 KiB).
func (p *Proc) Logs() string { return p.logs.String() }

// Kill ends the process with SIGKILL (no cleanup runs) and waits for it.
func (p *Proc) Kill() {
	select {
	case <-p.exited:
		return
	default:
	}
	p.cmd.Process.Kill()
	<-p.exited
}

// Stop asks the process to stop (SIGTERM) and kills it after 5 s.
func (p *Proc) Stop() {
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(5 * time.Second):
		p.Kill()
	}
}

// Mem is a process's memory figures from /proc/PID/status, in bytes.
type Mem struct {
	RSS  int64 // VmRSS: resident now
	Peak int64 // VmHWM: the high-water mark of the resident set
}

// ReadMem reads /proc/PID/status.
func ReadMem(pid int) (Mem, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Mem{}, fmt.Errorf("loadbench: read memory of %d: %w", pid, err)
	}
	return parseStatus(raw)
}

func parseStatus(raw []byte) (Mem, error) {
	var m Mem
	found := 0
	for line := range bytes.Lines(raw) {
		key, rest, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		var dst *int64
		switch string(key) {
		case "VmRSS":
			dst = &m.RSS
		case "VmHWM":
			dst = &m.Peak
		default:
			continue
		}
		f := strings.Fields(string(rest))
		if len(f) != 2 || f[1] != "kB" {
			return Mem{}, fmt.Errorf("loadbench: unexpected %s line %q", key, strings.TrimSpace(string(line)))
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return Mem{}, fmt.Errorf("loadbench: unexpected %s line %q", key, strings.TrimSpace(string(line)))
		}
		*dst = kb * 1024
		found++
	}
	if found != 2 {
		return Mem{}, errors.New("loadbench: VmRSS or VmHWM missing from /proc status")
	}
	return m, nil
}

// userHZ is the unit of the times in /proc/PID/stat (USER_HZ, 100 on every
// Linux ABI).
const userHZ = 100

// ReadCPU returns the user plus system CPU time the process used so far,
// from /proc/PID/stat (10 ms resolution).
func ReadCPU(pid int) (time.Duration, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("loadbench: read CPU time of %d: %w", pid, err)
	}
	return parseStat(raw)
}

func parseStat(raw []byte) (time.Duration, error) {
	// The command name (field 2) may hold spaces and parentheses; the
	// fields after its closing parenthesis start at field 3 (state).
	i := bytes.LastIndexByte(raw, ')')
	if i < 0 {
		return 0, errors.New("loadbench: unreadable /proc stat")
	}
	f := strings.Fields(string(raw[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("loadbench: short /proc stat")
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, errors.New("loadbench: unreadable CPU times in /proc stat")
	}
	return time.Duration(utime+stime) * time.Second / userHZ, nil
}

// logBuffer keeps the tail of a process's log.
type logBuffer struct {
	mu  sync.Mutex
	buf []byte
}

const logTail = 64 << 10

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if len(b.buf) > 2*logTail {
		b.buf = append([]byte(nil), b.buf[len(b.buf)-logTail:]...)
	}
	return len(p), nil
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.buf) > logTail {
		return string(b.buf[len(b.buf)-logTail:])
	}
	return string(b.buf)
}

// RSSSampler records the highest VmRSS of a process, read every interval,
// from Start until Stop. The "peak RSS under load" is this figure:
// VmHWM also covers the moments after exec, when the dynamic loader has
// touched libraries that chatflow serve releases once it is up.
type RSSSampler struct {
	peak atomic.Int64
	stop chan struct{}
	done chan struct{}
}

// StartRSSSampler starts sampling pid every interval.
func StartRSSSampler(pid int, interval time.Duration) *RSSSampler {
	s := &RSSSampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			if m, err := ReadMem(pid); err == nil && m.RSS > s.peak.Load() {
				s.peak.Store(m.RSS)
			}
			select {
			case <-s.stop:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// Peak is the highest RSS seen so far.
func (s *RSSSampler) Peak() int64 { return s.peak.Load() }

// Stop ends the sampling and returns the highest RSS seen.
func (s *RSSSampler) Stop() int64 {
	close(s.stop)
	<-s.done
	return s.peak.Load()
}

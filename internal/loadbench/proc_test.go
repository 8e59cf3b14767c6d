//go:build linux

package loadbench

import (
	"os"
	"runtime"
	"testing"
	"time"
)

func TestParseStatus(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want Mem
		ok   bool
	}{
		{"both", "Name:\tchatflow\nVmHWM:\t   30720 kB\nVmRSS:\t   20480 kB\nThreads: 9\n", Mem{RSS: 20 << 20, Peak: 30 << 20}, true},
		{"missing peak", "VmRSS:\t 1 kB\n", Mem{}, false},
		{"odd unit", "VmRSS:\t 1 MB\nVmHWM:\t 1 kB\n", Mem{}, false},
		{"empty", "", Mem{}, false},
	}
	for _, tt := range tests {
		got, err := parseStatus([]byte(tt.raw))
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("%s: got %+v, %v", tt.name, got, err)
		}
	}
}

func TestParseStat(t *testing.T) {
	// Field 2 may contain spaces and parentheses.
	raw := "4242 (chat flow (x)) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 9 0 100 1000 200"
	got, err := parseStat([]byte(raw))
	if err != nil || got != 3*time.Second {
		t.Fatalf("parseStat = %v, %v; want 3s", got, err)
	}
	for _, bad := range []string{"", "1 (x) S 1 2", "1 (x) S 1 2 3 4 5 6 7 8 9 x y"} {
		if _, err := parseStat([]byte(bad)); err == nil {
			t.Errorf("parseStat(%q) succeeded", bad)
		}
	}
}

func TestReadOwnProcess(t *testing.T) {
	m, err := ReadMem(os.Getpid())
	if err != nil || m.RSS <= 0 || m.Peak < m.RSS {
		t.Fatalf("ReadMem = %+v, %v", m, err)
	}
	if _, err := ReadCPU(os.Getpid()); err != nil {
		t.Fatal(err)
	}
}

// The sampler sees memory that was resident while it ran, even after the
// memory is gone again.
func TestRSSSamplerKeepsTheHighestSample(t *testing.T) {
	s := StartRSSSampler(os.Getpid(), time.Millisecond)
	before, _ := ReadMem(os.Getpid())
	block := make([]byte, 64<<20)
	for i := range block {
		block[i] = byte(i)
	}
	time.Sleep(50 * time.Millisecond)
	during, _ := ReadMem(os.Getpid())
	runtime.KeepAlive(block)
	peak := s.Stop()
	if peak < during.RSS-(4<<20) || peak < before.RSS+(48<<20) {
		t.Fatalf("peak %d MB; RSS was %d MB before and %d MB with the 64 MB block", peak>>20, before.RSS>>20, during.RSS>>20)
	}
}

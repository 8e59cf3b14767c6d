package cli

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"chatflow/backend/store"
	"chatflow/backend/studio/config"
)

// startPprof starts the profiling listener when CHATFLOW_PPROF asks for
// one: it serves net/http/pprof there, for measuring the live bot under load
// (docs/performance.md). It is off unless set, and only loopback addresses
// are accepted: profiles show message contents. A bad or busy address is
// logged and otherwise ignored.
func startPprof(env Env, log *slog.Logger) {
	addr := ""
	if env.Getenv != nil {
		addr = env.Getenv(config.EnvPprof)
	}
	if addr == "" {
		return
	}
	if err := loopbackOnly(addr); err != nil {
		log.Warn("pprof: not started", slog.Any("err", err))
		return
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		log.Warn("pprof: not started", slog.Any("err", err))
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	// The load benchmark reads the statement counts here (statements per message).
	mux.HandleFunc("/debug/store", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(store.ProcessStats())
	})
	log.Info("pprof: profiling listener", slog.String("addr", l.Addr().String()))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(l)
}

// loopbackOnly refuses any address that is not 127.0.0.0/8, ::1 or
// localhost.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return errors.New("CHATFLOW_PPROF must be a loopback address such as 127.0.0.1:6060")
}

// A MongoDB-wire server for local runs and CI: embeds FerretDB with its SQLite backend.
// Built from the pinned go.mod by deploy/local/ferretdb.sh; the embeddable package avoids the
// standalone binary's need for build/version/version.txt.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("sqlite-dir", "data", "directory for the SQLite databases")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	// A second, encrypted listener: TLS with this certificate, and clients must present one the
	// CA signed (FerretDB asks for it whenever a CA is given): encrypted and authenticated.
	listenTLS := flag.String("listen-tls", "", "TCP address of the TLS listener (empty: none)")
	tlsCert := flag.String("tls-cert-file", "", "the server's certificate (PEM)")
	tlsKey := flag.String("tls-key-file", "", "the server's private key (PEM)")
	tlsCA := flag.String("tls-ca-file", "", "the CA that signs the clients' certificates (PEM)")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "bad -log-level %q: %v\n", *logLevel, err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	abs, err := filepath.Abs(*dataDir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "bad -sqlite-dir %q: %v\n", *dataDir, err)
		os.Exit(2)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "cannot create %s: %v\n", abs, err)
		os.Exit(1)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{
			TCP:         *listen,
			TLS:         *listenTLS,
			TLSCertFile: *tlsCert,
			TLSKeyFile:  *tlsKey,
			TLSCAFile:   *tlsCA,
		},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	logger.Warn("ferretdb listening", "addr", *listen, "tls", *listenTLS, "data", abs)
	if err := f.Run(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}
}

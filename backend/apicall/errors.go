package apicall

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// describeError turns a transport error into one sentence for the user and
// for {{api.error}}. It names the host only, never the URL, because a URL
// may carry an API key in its query.
func describeError(parent context.Context, err error, host string, timeout time.Duration) string {
	var (
		dnsErr   *net.DNSError
		unknown  x509.UnknownAuthorityError
		hostErr  x509.HostnameError
		invalid  x509.CertificateInvalidError
		verify   *tls.CertificateVerificationError
		record   tls.RecordHeaderError
		netError net.Error
	)
	switch {
	case parent.Err() != nil:
		return "The call was cancelled."
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netError) && netError.Timeout()):
		return fmt.Sprintf("The API did not answer within %s.", seconds(timeout))
	case errors.As(err, &dnsErr):
		return fmt.Sprintf("The server %s could not be found.", hostOnly(host))
	case errors.Is(err, syscall.ECONNREFUSED):
		return fmt.Sprintf("The server %s refused the connection (is it running?).", host)
	case errors.As(err, &unknown), errors.As(err, &verify):
		return fmt.Sprintf("The secure connection to %s failed: its certificate is not trusted.", hostOnly(host))
	case errors.As(err, &hostErr):
		return fmt.Sprintf("The secure connection to %s failed: the certificate is for another host.", hostOnly(host))
	case errors.As(err, &invalid):
		return fmt.Sprintf("The secure connection to %s failed: the certificate is invalid or expired.", hostOnly(host))
	case errors.As(err, &record):
		return fmt.Sprintf("The secure connection to %s failed: the server does not speak HTTPS on that port.", host)
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Sprintf("The connection to %s was closed before the response was complete.", host)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	msg := err.Error()
	if strings.Contains(msg, "tls:") || strings.Contains(msg, "x509:") {
		return fmt.Sprintf("The secure connection to %s failed: %s.", hostOnly(host), strings.TrimSuffix(msg, "."))
	}
	return fmt.Sprintf("The request to %s failed: %s.", host, strings.TrimSuffix(msg, "."))
}

func seconds(d time.Duration) string {
	if d%time.Second == 0 {
		n := int(d / time.Second)
		if n == 1 {
			return "1 second"
		}
		return fmt.Sprintf("%d seconds", n)
	}
	return fmt.Sprintf("%.1f seconds", d.Seconds())
}

func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return hostport
}

// transientError reports whether a failed exchange may succeed if tried
// again: a timeout, a refused or reset connection, a connection closed
// early, or a name lookup that timed out. A cancelled call, a certificate
// problem or an unknown host will not pass by waiting.
func transientError(parent context.Context, err error) bool {
	var dnsErr *net.DNSError
	var netError net.Error
	switch {
	case parent.Err() != nil:
		return false
	case errors.As(err, &dnsErr):
		return dnsErr.IsTimeout || dnsErr.IsTemporary
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netError) && netError.Timeout()):
		return true
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return true
	}
	return false
}

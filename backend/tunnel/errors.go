package tunnel

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"regexp"
	"strings"
	"syscall"
)

// failure is what the Settings page says about an error, and whether
// retrying can help without the owner changing something.
type failure struct {
	sentence  string
	permanent bool
}

// codedError is what the ngrok SDK returns for an error of the ngrok
// service: ngrok.Error, whose code is ERR_NGROK_<n>. Before the first
// connection its events carry the SDK's inner error instead, which names
// the method ErrorCode (legacyCodedError).
type codedError interface {
	error
	Code() string
}

type legacyCodedError interface {
	error
	ErrorCode() string
}

// serviceCode returns the ngrok error code in err's chain and the error
// text that holds it ("" when the service did not refuse anything).
func serviceCode(err error) (code, text string) {
	var coded codedError
	if errors.As(err, &coded) && coded.Code() != "" {
		return coded.Code(), coded.Error()
	}
	var legacy legacyCodedError
	if errors.As(err, &legacy) && legacy.ErrorCode() != "" {
		return legacy.ErrorCode(), legacy.Error()
	}
	return "", ""
}

// retryableCodes are service errors that go away by themselves: another
// agent still holds the session or the domain (an older run of this app
// that has not timed out yet), or the service is busy.
var retryableCodes = map[string]bool{
	"ERR_NGROK_108": true, // too many simultaneous agent sessions
	"ERR_NGROK_334": true, // the endpoint is already online elsewhere
	"ERR_NGROK_702": true, // too many connections
}

// authCodes are refusals of the authtoken itself.
var authCodes = map[string]bool{
	"ERR_NGROK_105":  true, // not an authtoken
	"ERR_NGROK_106":  true, // authtoken expired
	"ERR_NGROK_107":  true, // authtoken invalid or revoked
	"ERR_NGROK_4018": true, // an account and authtoken are required
}

var codePattern = regexp.MustCompile(`ERR_NGROK_\d+`)

// describe turns an error of Provider.Open (or of a closed endpoint) into
// one sentence without secrets: the ngrok service's own words when it
// refused, else what went wrong with the network.
func describe(err error) failure {
	if err == nil {
		return failure{sentence: "The ngrok endpoint closed."}
	}
	if code, text := serviceCode(err); code != "" {
		msg := serviceMessage(text)
		switch {
		case authCodes[code]:
			return failure{sentence: "ngrok refused the authtoken: " + msg + " (" + code + "). Copy it again from your ngrok dashboard.", permanent: true}
		case retryableCodes[code]:
			return failure{sentence: "ngrok is busy with another session: " + msg + " (" + code + ")."}
		default:
			return failure{sentence: "ngrok refused the tunnel: " + msg + " (" + code + ").", permanent: true}
		}
	}
	return failure{sentence: networkSentence(err)}
}

// describeLost says why a working connection to ngrok was lost.
func describeLost(err error) string {
	if err == nil {
		return "Lost the connection to ngrok; reconnecting."
	}
	return strings.TrimSuffix(networkSentence(err), ".") + "; reconnecting."
}

// networkSentence names a network failure in plain words.
func networkSentence(err error) string {
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownAuthority x509.UnknownAuthorityError
	var netErr net.Error
	switch {
	case errors.As(err, &dnsErr):
		return "Could not find ngrok's service (the name lookup failed); is this computer online?"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "Could not reach ngrok's service (the connection was refused); is this computer online, or does a firewall block it?"
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return "Could not reach ngrok's service (no network); is this computer online?"
	case errors.As(err, &certErr), errors.As(err, &unknownAuthority):
		return "The connection to ngrok's service could not be verified (certificate error); a proxy or firewall may be intercepting it."
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return "ngrok's service did not answer in time; is this computer online?"
	}
	return "Could not connect to ngrok: " + firstLine(err.Error()) + "."
}

// serviceMessage keeps the human part of an ngrok service error: its first
// line without the code and without the documentation link.
func serviceMessage(s string) string {
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(codePattern.ReplaceAllString(line, ""))
		if line == "" || strings.HasPrefix(line, "http") {
			continue
		}
		return strings.TrimSuffix(line, ".")
	}
	return "no reason given"
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSuffix(s, ".")
}

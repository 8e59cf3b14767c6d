package tunnel

import (
	"context"
	"net"
)

// Provider opens a public endpoint. It is the seam around the ngrok SDK:
// the product uses Ngrok, the tests a fake that needs no network.
type Provider interface {
	// Open connects, authenticates and binds one https endpoint. It returns
	// once the endpoint is online or the first attempt has failed; it never
	// retries on its own (the Tunnel owns the backoff). After it returns,
	// notify is told when the provider loses and regains its connection
	// (the endpoint stays valid meanwhile). notify must not block.
	Open(ctx context.Context, cfg Config, notify func(Event)) (Endpoint, error)
}

// Endpoint is an online public endpoint: connections that reach its URL
// are handed to Accept. Closing it takes the URL offline.
type Endpoint interface {
	net.Listener
	// URL is the public base address, such as https://shop.ngrok-free.app.
	URL() string
}

// Event is a change of the provider's connection after Open succeeded.
type Event struct {
	// Connected is false when the connection to the provider was lost (the
	// provider is reconnecting) and true when it is back.
	Connected bool
	// Err is why the connection was lost (nil when Connected).
	Err error
}

// Package e2etest drives the real chatflow binary (`chatflow serve`) as Meta
// would: signed webhook posts for customers, a fake Graph API that receives
// the replies and posts status webhooks back, and a fake outside API that a
// flow's API node calls, all on 127.0.0.1. It holds only tests.
package e2etest

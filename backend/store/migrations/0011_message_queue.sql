-- One row per message (docs/performance.md, "the pipeline"): the
-- conversation row in messages is also the message's queue row. An incoming
-- row waits as status 'received' until its turn has run; an outgoing one as
-- 'queued' until the Graph API accepts it. This moves the inbox and outbox
-- queues into messages (and drops them), and lets a contact's unread count,
-- last activity and 24-hour window follow from its messages instead of being
-- written with every message.

-- What the row is for the inbound queue: a customer message ('message'), or
-- another kind of work for the contact that must run in order with its
-- messages (see docs/architecture.md, "the inbound queue").
ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'message';
-- What the worker needs to run an incoming row (the normalized
-- whatsapp.Message as JSON); '' for outgoing rows, whose payload is the
-- message to send.
ALTER TABLE messages ADD COLUMN input TEXT NOT NULL DEFAULT '';
-- Queue bookkeeping: failed attempts so far, when the row is next due (an
-- outgoing row's send_after first), and when an attempt to send it began (0:
-- none in flight; a mark found at startup means the process died during the
-- attempt, and the row waits for Meta's status before it is sent again).
ALTER TABLE messages ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN sending_at INTEGER NOT NULL DEFAULT 0;

UPDATE messages SET input = i.payload, attempts = i.attempts, next_attempt_at = i.next_attempt_at,
    error = CASE WHEN i.state = 'pending' THEN i.error ELSE messages.error END
FROM inbox i WHERE i.message_id = messages.id;

-- A pending row's error is the reason of its last failed attempt (the inbox
-- shows "retrying"). Rows sent before this version were tagged with their
-- outbox id (chatflow:outbox:N), which no longer names a row: a status for
-- one of them settles nothing, and an interrupted one is sent again after
-- the resend grace, as when no status arrives.
UPDATE messages SET attempts = o.attempts, next_attempt_at = o.next_attempt_at, sending_at = o.sending_at,
    error = CASE WHEN o.state = 'pending' THEN o.last_error ELSE messages.error END
FROM outbox o WHERE o.message_id = messages.id;

DROP TABLE inbox;
DROP TABLE outbox;

-- The queues are the rows still waiting; these partial indexes hold only
-- those, so finding work never walks the history.
CREATE INDEX messages_inbound_due ON messages(contact_id, id) WHERE direction = 'in' AND status = 'received';
CREATE INDEX messages_outbound_due ON messages(contact_id, id) WHERE direction = 'out' AND status = 'queued';

-- The newest message the owner has seen in the inbox: later customer
-- messages are unread. It replaces the unread counter, and the last
-- activity and the 24-hour window are read from the messages themselves.
ALTER TABLE contacts ADD COLUMN read_through INTEGER NOT NULL DEFAULT 0;
-- With n unread, the owner has seen up to the (n+1)th newest customer message.
CREATE TEMP TABLE ranked_inbound AS SELECT contact_id, id,
    ROW_NUMBER() OVER (PARTITION BY contact_id ORDER BY id DESC) AS n FROM messages WHERE direction = 'in';
CREATE INDEX temp.ranked_inbound_n ON ranked_inbound(contact_id, n);
UPDATE contacts SET read_through = COALESCE((SELECT id FROM ranked_inbound
    WHERE contact_id = contacts.id AND n = contacts.unread + 1), 0);
DROP TABLE ranked_inbound;
DROP INDEX contacts_last_message;
ALTER TABLE contacts DROP COLUMN unread;
ALTER TABLE contacts DROP COLUMN last_message_at;
ALTER TABLE contacts DROP COLUMN window_expires_at;

-- Statuses for ids not known yet are pruned by age when one is kept.
CREATE INDEX status_backlog_at ON status_backlog(at);

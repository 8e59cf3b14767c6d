-- When the current attempt to send an outbox row began (0: no attempt in
-- flight). A row still marked at startup was being sent when the process
-- died: the Graph API may have accepted it, so it waits for the status
-- webhook that names it (biz_opaque_callback_data) before it is sent again.
ALTER TABLE outbox ADD COLUMN sending_at INTEGER NOT NULL DEFAULT 0;

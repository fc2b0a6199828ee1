-- The Cobo webhook events handled lately by any instance (cobo.token-store.type=jdbc), by event_id:
-- an event whose handler completed is acknowledged without running the handler again. claimed_at is
-- when a handler started, handled_at when it completed (NULL while it runs), in milliseconds since the
-- epoch; rows are deleted cobo.webhook.event-retention after handled_at.
CREATE TABLE IF NOT EXISTS cobo_webhook_event (
    event_id VARCHAR(128) NOT NULL PRIMARY KEY,
    claimed_at BIGINT NOT NULL,
    handled_at BIGINT
);
CREATE INDEX IF NOT EXISTS cobo_webhook_event_handled_at ON cobo_webhook_event (handled_at);

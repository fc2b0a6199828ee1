-- The Cobo deliveries accepted lately by any instance (cobo.token-store.type=jdbc): a replay of one
-- within cobo.webhook.tolerance is refused. delivery_digest is the hex of SHA-256(SHA-256(body|timestamp)),
-- what Cobo signed; forget_at is when the row may be deleted, in milliseconds since the epoch.
CREATE TABLE IF NOT EXISTS cobo_webhook_delivery (
    delivery_digest VARCHAR(64) NOT NULL PRIMARY KEY,
    forget_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS cobo_webhook_delivery_forget_at ON cobo_webhook_delivery (forget_at);

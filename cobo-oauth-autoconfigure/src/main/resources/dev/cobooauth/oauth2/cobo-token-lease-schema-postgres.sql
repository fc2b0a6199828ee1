-- Which instance is asking Cobo for a token (cobo.token-store.type=jdbc): one row per token while
-- a request runs. expires_at is on the database's clock; a row past it belongs to an instance that
-- died, and the next instance takes it over.
CREATE TABLE IF NOT EXISTS cobo_token_lease (
    registration_id VARCHAR(100) NOT NULL,
    principal_name VARCHAR(200) NOT NULL,
    holder VARCHAR(36) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (registration_id, principal_name)
);

-- Nonces of the signed RPC calls this silo accepted, shared by all of its instances so that a captured
-- call cannot be replayed on another instance. Only nonces younger than twice the allowed clock skew
-- matter (older timestamps are refused anyway); a scheduled purge removes the rest.
-- UNLOGGED: an insert costs no WAL flush on the RPC hot path. After a database crash the table is empty,
-- which re-opens replay only for calls captured in the last skew window before the crash.
CREATE UNLOGGED TABLE rpc_nonce (
    nonce   varchar(64) PRIMARY KEY,
    seen_at timestamptz NOT NULL
);

CREATE INDEX rpc_nonce_seen_at ON rpc_nonce (seen_at);

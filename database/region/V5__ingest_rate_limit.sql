-- Per-key rate limits of SDK ingestion (project_key.rate_limit_count events per rate_limit_window seconds),
-- counted here so that every instance of the region sees the same count: one row per key and fixed window,
-- raised by an upsert that refuses to pass the limit. Rows of past windows are deleted after two days.
CREATE TABLE ingest_rate_window (
    project_key_id bigint      NOT NULL REFERENCES project_key (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    window_start   timestamptz NOT NULL,
    accepted       integer     NOT NULL CHECK (accepted >= 0),
    PRIMARY KEY (project_key_id, window_start)
);
CREATE INDEX ingest_rate_window_start_idx ON ingest_rate_window (window_start);

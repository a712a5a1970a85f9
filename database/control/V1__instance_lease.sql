-- Each running instance of the silo leases an instance number here; snowflake ids embed it, so two
-- live instances never mint the same id. reserved_until is the highest logical millisecond the
-- holder may have used: whoever takes the number over starts after it.
CREATE TABLE instance_lease (
    instance_number integer     PRIMARY KEY CHECK (instance_number BETWEEN 0 AND 15),
    holder          text        NOT NULL,
    acquired_at     timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    reserved_until  bigint      NOT NULL DEFAULT 0
);

-- Region silo, first migration. Each running instance of the silo leases a number here;
-- snowflake ids embed it, so two live instances never mint the same id.
CREATE TABLE instance_lease (
    instance_number integer     PRIMARY KEY CHECK (instance_number >= 0),
    holder          text        NOT NULL,
    acquired_at     timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL
);

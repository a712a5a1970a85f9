-- Organizations whose creation was given up: their region did not confirm the slug's claim within its lease.
-- The reconciliation job releases the slug, removes the PROVISIONING mapping and tells the region to remove
-- the organization if it was created after all; whatever the region still sends about such an organization
-- is ignored, so it can never reappear in the directory.
CREATE TABLE cancelled_organization (
    organization_id bigint      PRIMARY KEY,
    slug            text        NOT NULL,
    region          text        NOT NULL,
    cancelled_at    timestamptz NOT NULL DEFAULT now()
);

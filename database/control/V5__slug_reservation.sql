-- Globally unique organization slugs (DESIGN.md §7, "the dropdown"). Control claims a slug here, in the same
-- transaction that writes the organization's PROVISIONING mapping and the provisioning message to its region.
-- A claim is a lease: lease_expires_at is set until the region confirms the organization (then NULL); a lease
-- the region never confirmed is released by the reconciliation job. kind: the organization's slug (PRIMARY) or
-- an old slug kept after a rename as a redirect (TEMPORARY_ALIAS, expiring at lease_expires_at).
CREATE TABLE slug_reservation (
    slug             text        PRIMARY KEY CHECK (length(slug) BETWEEN 1 AND 50),
    organization_id  bigint      NOT NULL,
    region           text        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('PRIMARY', 'TEMPORARY_ALIAS')),
    lease_expires_at timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX slug_reservation_organization_idx ON slug_reservation (organization_id);
CREATE INDEX slug_reservation_lease_idx ON slug_reservation (lease_expires_at) WHERE lease_expires_at IS NOT NULL;

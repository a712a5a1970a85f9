-- The region authenticates organization tokens from their replicas too: a replica is a user's token (user_id)
-- or an organization's (organization_id), never both. Control sends an organization token only to the
-- organization's region.
ALTER TABLE api_token_replica ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE api_token_replica ADD COLUMN organization_id bigint;
ALTER TABLE api_token_replica ADD CONSTRAINT api_token_replica_owner_check
    CHECK ((user_id IS NULL) <> (organization_id IS NULL));
-- When this region last authenticated the token (to the minute); the region reports it to control's token.
ALTER TABLE api_token_replica ADD COLUMN last_used_at timestamptz;

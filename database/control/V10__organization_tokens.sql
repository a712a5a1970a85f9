-- An organization's live tokens are listed by organization, newest first.
CREATE INDEX api_tokens_organization_idx ON api_tokens (organization_id, id) WHERE organization_id IS NOT NULL;

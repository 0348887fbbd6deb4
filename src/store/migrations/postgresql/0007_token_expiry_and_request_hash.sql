-- API tokens expire (docs/access.md): tokens issued before this migration expire 90 days
-- after their creation.
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
UPDATE api_tokens SET expires_at = created_at + 90 * 86400000::BIGINT;
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;

-- An Idempotency-Key is remembered with the SHA-256 of its canonical request, so that the
-- key replayed with another body is refused instead of answered with the first dossier.
-- NULL for dossiers keyed before this migration (any replay of them matches).
ALTER TABLE dossiers ADD COLUMN idempotency_hash TEXT;

-- The agency's seal (docs/documents-output.md): per-agency signing keys and the seals applied
-- to issued files, verifiable by anyone through GET /api/v1/public/verify/{token}.
--
-- An agency's key pair, made on its first seal. `public_key` is the Ed25519 public key (32
-- bytes, base64url); `private_key_sealed` the secret key encrypted with the installation's
-- key-encryption key (XChaCha20-Poly1305, the agency and key id as associated data; nonce
-- first, base64url), never in clear. `key_id` (16 hex characters of the SHA-256 of the public
-- key) names it in seals. One active key per agency (`retired_at` NULL); a retired key still
-- verifies the seals it made.
CREATE TABLE agency_keys (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  key_id TEXT NOT NULL UNIQUE,
  algorithm TEXT NOT NULL CHECK (algorithm IN ('ed25519')),
  public_key TEXT NOT NULL,
  private_key_sealed TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  retired_at INTEGER
) STRICT;
CREATE UNIQUE INDEX agency_keys_active ON agency_keys(agency_id) WHERE retired_at IS NULL;

-- A seal: what was sealed and the signature over it. `token` (random, 43 characters) is what
-- the printed QR carries. `kind` 'document' (an issued outgoing document, `subject_ref` its id)
-- or 'dossier_result' (a dossier's result, `subject_ref` the dossier code). The issuer's code
-- and name are those at sealing time (they are signed). `issued_on` YYYY-MM-DD; `signed_at`
-- UTC epoch ms; `algorithm` and `key_id` name the key; `signature` is base64url, over
-- core::seal::SignedText of the row.
CREATE TABLE seals (
  id INTEGER PRIMARY KEY,
  token TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('document','dossier_result')),
  subject_ref TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  number_notation TEXT NOT NULL,
  issuer_agency_id INTEGER NOT NULL REFERENCES agencies(id),
  issuer_code TEXT NOT NULL,
  issuer_name TEXT NOT NULL,
  title TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  algorithm TEXT NOT NULL CHECK (algorithm IN ('ed25519')),
  key_id TEXT NOT NULL REFERENCES agency_keys(key_id),
  signature TEXT NOT NULL,
  signed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX seals_subject ON seals(kind, subject_ref);

-- The CPD Library's "did you mean" ranks title words by trigram similarity (pg_trgm: a trusted extension a
-- database owner may create; PGlite bundles it and platform/db loads it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Trigram matching for typo-tolerant competence search. PGlite loads the extension module at open.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

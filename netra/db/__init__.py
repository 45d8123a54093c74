"""Database access: the embedded server, engines, the raw schema and upserts."""

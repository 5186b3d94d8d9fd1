"""Stage 3: every raw figure cleaned once, for all readers, into a row of the figures table."""

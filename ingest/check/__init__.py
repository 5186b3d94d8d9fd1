"""Stage 4: checks over one source's rows (totals, duplicates, area sums, derived totals)."""

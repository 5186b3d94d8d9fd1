"""Stage 1b: the grids a reader gives, cut into tables (title, header rows, label columns, body) and prose."""

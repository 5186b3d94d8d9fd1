"""Facts the ingest and the dashboard share, each stated once: the table's columns and allowed
values (schema), offences and national series, area codes, markers and refusal grounds, the rule
for text a spreadsheet would run (text), where the output set lives (outdir), who may write
(actors). Imports neither `ingest` nor `dashboard`; its tables of words live in data/reference."""

"""Generated returns with invented figures, for tests and benchmarks only: the layout fuzzer
(layouts.py: the same truth written in thousands of layouts and formats) and the hostile corpus
(hostile.py: broken and malicious files). Nothing here is real data."""

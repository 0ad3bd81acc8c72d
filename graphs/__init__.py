"""zhengce.graphs — the responsibility graph, its analyses and exports. Imports `extractor`, never the reverse."""

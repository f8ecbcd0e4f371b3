"""Network map: the graph of people and companies, goal alignment, gaps and warm paths."""

"""Pictures the tabs show (plotly figures), built from services' plain data."""

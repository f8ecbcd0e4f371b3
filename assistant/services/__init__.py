"""Services: one folder per feature, each receiving its stores and writer."""

"""Services: the features, each receiving its stores and writer."""

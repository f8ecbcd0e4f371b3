"""Models: providers, prompt loading, the offline engine and output guards."""

"""The Gradio web UI: a thin edge over the services."""

"""The coach: a chat front door that routes plain words to every feature."""

"""System: model settings and health checks."""

"""Benchmarks: synthetic contacts at scale, import throughput and search latency.

Run them with ``warmline bench`` from a checkout; every size runs in a fresh subprocess so
peak memory is measured per size. Nothing here is imported by the app itself.
"""

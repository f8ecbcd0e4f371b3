"""Contacts: records, import, de-duplication, hybrid search and backup."""

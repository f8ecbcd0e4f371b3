"""Outreach: give-first drafts to contacts and the interactions they log."""

"""Environments, credentials, secret variables and globals, and where credentials may go."""

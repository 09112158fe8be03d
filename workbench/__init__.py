"""Pinpoint Workbench: a desktop workbench for the Amazon Pinpoint family of APIs."""

__version__ = "0.1.0"

"""The request library: API registry, botocore's service models, generated templates, lifecycle, regions."""

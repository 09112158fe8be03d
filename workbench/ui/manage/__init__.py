"""Windows for managing what the requests run against: environments, credentials, preferences."""

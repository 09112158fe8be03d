"""The local sandbox: moto in server mode behind our own SigV4-verifying front."""

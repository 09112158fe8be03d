"""Fixed, harmless identity of the local sandbox (no AWS account needed): shared by the
sandbox server, which checks signatures with it, and the credentials resolver."""

SANDBOX_NAME = "sandbox"  # the built-in environment's name
SANDBOX_REGION = "us-east-1"
SANDBOX_ACCOUNT_ID = "123456789012"
SANDBOX_USER_NAME = "workbench-sandbox"
SANDBOX_ACCESS_KEY_ID = "AKIASANDBOXEXAMPLE01"
# Not a secret: every sandbox shares it. It only lets the front check signatures.
SANDBOX_SECRET_ACCESS_KEY = "sandbox/secret/key/for/local/use/only/EXAMPLE"

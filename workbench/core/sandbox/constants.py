"""Fixed, harmless identity of the local sandbox (no AWS account needed)."""

from workbench.core.credentials import Credentials

SANDBOX_REGION = "us-east-1"
SANDBOX_ACCOUNT_ID = "123456789012"
SANDBOX_USER_NAME = "workbench-sandbox"
SANDBOX_ACCESS_KEY_ID = "AKIASANDBOXEXAMPLE01"
# Not a secret: every sandbox shares it. It only lets the front check signatures.
SANDBOX_SECRET_ACCESS_KEY = "sandbox/secret/key/for/local/use/only/EXAMPLE"
SANDBOX_CREDENTIALS = Credentials(SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, source="sandbox")

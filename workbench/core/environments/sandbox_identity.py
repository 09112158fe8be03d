"""Fixed, harmless identity of the local sandbox (no AWS account needed): shared by the
sandbox server, which checks signatures with it, and the credentials resolver."""

SANDBOX_NAME = "sandbox"  # the built-in environment's name
SANDBOX_REGION = "us-east-1"
SANDBOX_ACCOUNT_ID = "123456789012"
SANDBOX_USER_NAME = "workbench-sandbox"
SANDBOX_ACCESS_KEY_ID = "AKIASANDBOXEXAMPLE01"
# Not a secret: every sandbox shares it. It only lets the front check signatures.
SANDBOX_SECRET_ACCESS_KEY = "sandbox/secret/key/for/local/use/only/EXAMPLE"

# The developer guide's Postman tutorial creates an IAM user, PostmanUser, with its
# PostmanAccessPolicy (no deletes). The sandbox knows that user too: a request signed with
# this fixed key is evaluated under that policy, whatever the sandbox's own setting.
TUTORIAL_USER_NAME = "PostmanUser"
TUTORIAL_USER_ACCESS_KEY_ID = "AKIAPOSTMANEXAMPLE01"
TUTORIAL_USER_SECRET_ACCESS_KEY = "postman/user/key/for/the/local/sandbox/EXAMPLE"  # not a secret either

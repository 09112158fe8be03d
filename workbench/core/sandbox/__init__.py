"""The local sandbox: moto and our own model-driven emulation behind a SigV4-verifying front.

Entry points (import the submodules; this package imports nothing heavy):
  server.SandboxServer(tutorial_policy=False, port=0, data_dir=None)  in-process, with
  background.ensure_sandbox(environ, tutorial_policy=False, mode="in-process"|"child")
                                                         -> SandboxHandle(url, started_here, kind, close())
  background.start_background / stop_background / read_status(environ) -> SandboxStatus
  background.ensure_running(environ, cancel=, progress=) -> SandboxStatus (the kept sandbox)
  emulation.serving(api, op) -> "stateful"|"moto"|"stateless"|"refused"; is_emulated(api, op);
  emulation.emulated_operations() -> frozenset[(api, operation)] served; coverage() per API
Modules: routing (model-based route), verify (SigV4), aws_errors, policy (tutorial IAM
policy), moto_server, front, statefile, store (kept state), events (event log), codec
(model-driven input/output), emulator (dispatch), smsv2 / messaging / smsv1 (the stateful
emulations), numbers (phone-number facts), serve (`python -m workbench.core.sandbox.serve`).
"""

"""The send: plan, sign, transport, exchange, saves, history, compare and the runner."""

"""SMS and voice v2 (`pinpoint-sms-voice-v2`), stateful, with AWS's sending rules: every
resource kind's part (smsv2_*.py, over smsv2_base) in one emulation."""

from __future__ import annotations

from workbench.core.sandbox.smsv2_account import Smsv2Account
from workbench.core.sandbox.smsv2_config_sets import Smsv2ConfigurationSets
from workbench.core.sandbox.smsv2_keywords import Smsv2Keywords
from workbench.core.sandbox.smsv2_numbers import Smsv2Numbers
from workbench.core.sandbox.smsv2_opt_outs import Smsv2OptOuts
from workbench.core.sandbox.smsv2_pools import Smsv2Pools
from workbench.core.sandbox.smsv2_protect import Smsv2Protect
from workbench.core.sandbox.smsv2_sending import Smsv2Sending
from workbench.core.sandbox.smsv2_verified import Smsv2VerifiedNumbers


class SmsVoiceV2(Smsv2Account, Smsv2Numbers, Smsv2Pools, Smsv2OptOuts, Smsv2ConfigurationSets, Smsv2Keywords,
                 Smsv2VerifiedNumbers, Smsv2Protect, Smsv2Sending):
    """The SMS and voice v2 emulation: each operation is an `op_` method of one of its parts."""

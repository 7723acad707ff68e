"""Statement-level signals: special categories (GDPR Art. 9), children (Art. 8), criminal data (Art. 10),
data-subject requests (Art. 17, 21, 7(3)) and AI-disclosure / human-claim phrases (AI Act Art. 50).

Lexicons are YAML data under ``lexicons/``; the matchers are built once per detector.
"""

from privscan.engine.signals.ai_disclosure import detect_ai_disclosure
from privscan.engine.signals.detector import SignalDetector
from privscan.engine.signals.model import AI_CATEGORIES, DEFAULT_THRESHOLD, GDPR_CATEGORIES, RULE_IDS, Signal

__all__ = [
    "AI_CATEGORIES",
    "DEFAULT_THRESHOLD",
    "GDPR_CATEGORIES",
    "RULE_IDS",
    "Signal",
    "SignalDetector",
    "detect_ai_disclosure",
]

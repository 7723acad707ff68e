"""Helpers of the conversation-ethics tests: conversations written as (role, text) pairs, and the hits the
rules give on them with the turn each is located at, the turns it cites and the evidence it quotes."""

from privscan.engine.signals.conversation_ethics import ConversationEthics, Turn

U, A = "user", "assistant"


def located(ethics: ConversationEthics, turns: list[tuple[str, str]]) -> list[tuple]:
    """(rule, turn, cited turns, evidence text or None) of each hit of a conversation of (role, text) pairs."""
    conversation = [Turn(role, text, index) for index, (role, text) in enumerate(turns)]
    return sorted(
        (h.rule_id, h.turn, h.cited, None if h.start is None else turns[h.turn][1][h.start : h.end])
        for h in ethics.hits(conversation)
    )

from privscan.engine.operator import OperatorNames
from privscan.engine.scanner import Detection
from privscan.readers.base import Cell


def test_brand_and_persona_from_the_system_prompt_are_not_people():
    system = Cell(0, "messages[0].content", "You are Sam, a support agent for Kitchenly. Keep answers short.", "system")
    user = Cell(0, "messages[1].content", "Hi Sam, Kitchenly's app lost my order. I'm Anna Roe.", "user")
    detections = [
        Detection(user, "PERSON", 3, 6, 0.85),
        Detection(user, "PERSON", 8, 19, 0.85),
        Detection(user, "PERSON", 45, 53, 0.85),
    ]
    out = list(OperatorNames().apply([(system, []), (user, detections)]))
    assert [(d.start, d.end) for d in out[1][1]] == [(45, 53)]


def test_without_a_system_prompt_nothing_is_dropped():
    user = Cell(0, "messages[0].content", "Hi Sam", "user")
    detections = [Detection(user, "PERSON", 3, 6, 0.85)]
    assert next(iter(OperatorNames().apply([(user, detections)])))[1] == detections

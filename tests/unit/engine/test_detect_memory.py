"""Past its allowed growth, the vocabulary keeps no word seen in a batch (memory zones); results are unchanged."""

from faker import Faker
from privscan.engine.detect import FULL, Detector, Unit
from privscan.engine.signals import SignalDetector


def unique_turns(seed: int, count: int) -> list[str]:
    fake = Faker("en_GB")
    Faker.seed(seed)
    return [
        f"Hi, I'm {fake.name()}, write to {fake.user_name()}{n}@example.org or ref {fake.bothify('??####??')}."
        for n in range(count)
    ]


def detector_with_growth(scanner, growth: int) -> Detector:
    detector = Detector(scanner.detector.analyzer, scanner.config, scanner.detector.signals)
    detector.vocab_growth = growth
    return detector


def test_words_seen_once_stay_while_the_vocabulary_is_within_its_growth(scanner):
    detector = detector_with_growth(scanner, 10**9)
    strings = detector._nlp.vocab.strings
    before = len(strings)
    detector.run([Unit(text, 0, "messages.content", "user", FULL) for text in unique_turns(3, 20)])
    assert len(strings) > before


def test_past_its_growth_words_seen_in_a_batch_leave_no_strings_behind(scanner):
    detector = detector_with_growth(scanner, 0)
    strings = detector._nlp.vocab.strings
    detector.run([Unit(text, 0, "messages.content", "user", FULL) for text in unique_turns(1, 5)])  # warm
    before = len(strings)
    turns = unique_turns(2, 40)
    results = detector.run([Unit(text, 0, "messages.content", "user", FULL) for text in turns])
    assert len(strings) == before
    email = turns[0].index(" write to ") + len(" write to ")
    assert ("EMAIL_ADDRESS", email, turns[0].index(" or ref")) in [(e, s, t) for e, s, t, *_ in results[0]]


def test_the_ai_disclosure_matchers_built_during_a_batch_outlive_it(scanner):
    detector = Detector(scanner.detector.analyzer, scanner.config, SignalDetector(scanner.detector._nlp))
    detector.vocab_growth = 0  # every batch in a memory zone
    turn = "I'm an AI assistant, not a human."
    for _ in range(2):  # the second batch uses the matchers the first one built
        (found,) = detector.run([Unit(turn, 0, "messages.content", "assistant", FULL)])
        assert ("AI_DISCLOSURE", 0, 19) in [(e, s, t) for e, s, t, *_ in found]

"""The reflective frames a supervisor can choose for a session, and the prompts each one offers.

A session's reflective notes are stored as {prompt key: text}. The prompts guide the
conversation; none of them is required, because a good session rarely covers them all.
"""

from dataclasses import dataclass

from django.db import models


class FrameChoice(models.TextChoices):
    INTEGRATED = "4x4x4", "4x4x4 integrated model"
    SIGNS_OF_SAFETY = "signs_of_safety", "Signs of Safety mapping"
    SYSTEMIC = "systemic", "Systemic frame"


@dataclass(frozen=True)
class Prompt:
    key: str
    label: str
    hint: str


@dataclass(frozen=True)
class Frame:
    choice: FrameChoice
    summary: str
    prompts: tuple[Prompt, ...]
    has_scale: bool = False

    @property
    def label(self) -> str:
        return self.choice.label


FRAMES: dict[str, Frame] = {
    FrameChoice.INTEGRATED: Frame(
        FrameChoice.INTEGRATED,
        "Move round the reflective cycle, then check the four functions of supervision were each given room.",
        (
            Prompt("experience", "Experience", "What happened? What did the worker see, hear and feel?"),
            Prompt("reflection", "Reflection", "How did it feel at the time, and now? What does it remind them of?"),
            Prompt(
                "analysis", "Analysis", "What might it mean? What knowledge, research or values help make sense of it?"
            ),
            Prompt("action_plan", "Action plan", "What will happen next, and how will we know it helped?"),
            Prompt("management", "Management", "Case direction, caseload, priorities and accountability."),
            Prompt("development", "Development", "Learning, skills and professional development."),
            Prompt("support", "Support", "Wellbeing and the emotional impact of the work."),
            Prompt("mediation", "Mediation", "Anything to take to the organisation or to partner agencies."),
        ),
    ),
    FrameChoice.SIGNS_OF_SAFETY: Frame(
        FrameChoice.SIGNS_OF_SAFETY,
        "Map the work the way families see it mapped: worries, strengths, next steps and a scale.",
        (
            Prompt(
                "worries",
                "What are we worried about?",
                "Harm that has happened, danger in the future, and what makes things harder.",
            ),
            Prompt("working_well", "What’s working well?", "Strengths, safety that already exists, and who helps."),
            Prompt(
                "needs_to_happen",
                "What needs to happen?",
                "Goals for safety and the next steps, with who will do what.",
            ),
            Prompt(
                "scale_reasons",
                "Why that number on the scale?",
                "What puts it there, and what would move it one point up.",
            ),
        ),
        has_scale=True,
    ),
    FrameChoice.SYSTEMIC: Frame(
        FrameChoice.SYSTEMIC,
        "Hold several explanations at once and bring in the voices that are not in the room.",
        (
            Prompt(
                "hypotheses",
                "Hypotheses",
                "What different explanations could fit what we see? Which would the family recognise?",
            ),
            Prompt(
                "missing_voices",
                "Whose voices are missing?",
                "Who has not been heard yet: a child, a father, a grandparent, a school?",
            ),
            Prompt(
                "family_views",
                "What would each person in the family say?",
                "Take each person in turn, by their role in the family, not their name.",
            ),
            Prompt("curiosity", "What are we curious about next?", "Questions to take into the next visit."),
        ),
    ),
}


def frame_for(choice: str) -> Frame:
    return FRAMES[choice]

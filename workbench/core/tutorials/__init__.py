"""Onboarding tutorials: the developer guide's workflows as lessons that send real requests to
the local sandbox (or an AWS environment, after asking) and check what came back.

    model.py     the data: Tutorial, Step, Check, Carry, Signing...
    schema.py    a tutorial file's JSON -> Tutorial, every problem located
    loader.py    every tutorial of resources/tutorials/, cross-checked; translation overlays and
                 the texts a translation covers
    engine.py    check a step on an exchange (the window's Check); run a lesson headless
    progress.py  how far the user got, per lesson, in the config dir
"""

from workbench.core.tutorials.engine import (LessonNeedsSandbox, LessonRun, StepOutcome, evaluate_step,
                                             lesson_variables, run_tutorial, step_signing)
from workbench.core.tutorials.loader import (TUTORIALS_DIR, LoadedTutorials, UnknownTutorial, load_tutorials, texts,
                                             untranslated)
from workbench.core.tutorials.model import Step, Tutorial
from workbench.core.tutorials.progress import LessonProgress, ProgressStore

__all__ = [
    "LessonNeedsSandbox", "LessonProgress", "LessonRun", "LoadedTutorials", "ProgressStore", "Step", "StepOutcome",
    "TUTORIALS_DIR", "Tutorial", "UnknownTutorial", "evaluate_step", "lesson_variables", "load_tutorials",
    "run_tutorial", "step_signing", "texts", "untranslated",
]

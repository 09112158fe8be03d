"""The first-run page, over the empty request area while there is no environment of the
user's own and no open tab: "try it with the local sandbox" (one click: the sandbox
environment, GetApps sent, its answer shown; nothing is created in AWS) or "add an AWS
environment"; then a short tour of the panes, which can be skipped."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from workbench.ui.accessible import named

TOUR = (
    ("The library", "On the left: every operation of the four APIs, searchable (Ctrl+K opens the command palette "
                    "to jump anywhere). Collections keep your saved requests; History every send."),
    ("Requests", "In the middle: one tab per request. Method, URL and Send on one row (Ctrl+Enter); "
                 "below: body, headers, signing; then the response and the signed request's inspection."),
    ("Environments", "Top right: the environment the request goes to (Ctrl+E). Environments → Manage "
                     "adds AWS regions and their credentials, kept in the OS keyring."),
    ("The sandbox", "Bottom right: the local sandbox that answers like AWS, with no account. "
                    "Its menu starts, stops and resets it; F1 lists every shortcut."),
)


class WelcomePage(QFrame):
    try_sandbox = Signal()
    add_environment = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "welcomePage", "Welcome")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = named(QLabel("<h2>Welcome to Pinpoint Workbench</h2>"), "welcomeTitle", "Welcome")
        self.text = named(QLabel("Send signed requests to Amazon Pinpoint, End User Messaging SMS and voice, and "
                                 "Pinpoint Email — first to the local sandbox, which needs no AWS account."),
                          "welcomeText", "What the workbench does")
        self.text.setWordWrap(True)
        self.sandbox_button = named(QPushButton("Try it with the local sandbox"), "trySandbox",
                                    "Try it with the local sandbox: send GetApps")
        self.aws_button = named(QPushButton("Add an AWS environment…"), "addAwsEnvironment", "Add an AWS environment")
        self.sandbox_button.setDefault(True)
        self.sandbox_button.clicked.connect(self._try)
        self.aws_button.clicked.connect(self._add)
        choices = QHBoxLayout()
        choices.addWidget(self.sandbox_button)
        choices.addWidget(self.aws_button)
        choices.addStretch(1)

        self.step = -1
        self.tour_title = named(QLabel(), "tourTitle", "Tour step")
        self.tour_text = named(QLabel(), "tourText", "Tour text")
        self.tour_text.setWordWrap(True)
        self.next_button = named(QPushButton("Take the tour"), "tourNext", "Next tour step")
        self.skip_button = named(QPushButton("Skip"), "tourSkip", "Skip the tour")
        self.next_button.clicked.connect(self.next_step)
        self.skip_button.clicked.connect(self.dismiss)
        tour_buttons = QHBoxLayout()
        tour_buttons.addWidget(self.next_button)
        tour_buttons.addWidget(self.skip_button)
        tour_buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(choices)
        layout.addSpacing(24)
        layout.addWidget(self.tour_title)
        layout.addWidget(self.tour_text)
        layout.addLayout(tour_buttons)
        layout.addStretch(1)

    def next_step(self) -> None:
        self.step += 1
        if self.step >= len(TOUR):
            self.dismiss()
            return
        title, text = TOUR[self.step]
        self.tour_title.setText(f"<b>{self.step + 1}/{len(TOUR)} · {title}</b>")
        self.tour_text.setText(text)
        self.next_button.setText("Next" if self.step < len(TOUR) - 1 else "Done")

    def _try(self) -> None:
        self.dismiss()
        self.try_sandbox.emit()

    def _add(self) -> None:
        self.dismiss()
        self.add_environment.emit()

    def dismiss(self) -> None:
        self.hide()

    def cover(self, widget) -> None:
        """Lie over `widget` (the request tabs), following its size."""
        self.setParent(widget)
        self._follower = _Follow(self, widget)
        self.setGeometry(widget.rect())
        self.show()
        self.raise_()


class _Follow(QObject):
    def __init__(self, page, widget):
        super().__init__(page)
        self.page = page
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.page.setGeometry(watched.rect())
        return False

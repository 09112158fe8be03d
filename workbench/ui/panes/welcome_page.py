"""The welcome page, over the empty request area while there is no environment of the user's
own and no open tab (and from Help → Welcome): the door to the tutorials, to recent work and
to the environments. "Try it with the local sandbox" sends GetApps there at once; a short tour
of the panes can be taken or skipped. The page shows what it is given (set_tutorials,
set_recent, set_environments) and emits what the user chose; it reads nothing itself."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy,
                               QStyle, QStyleOptionButton, QStylePainter, QVBoxLayout, QWidget)

from workbench.ui.accessible import named

TOUR = (
    (QT_TRANSLATE_NOOP("WelcomePage", "The library"),
     QT_TRANSLATE_NOOP("WelcomePage", "On the left: every operation of the four APIs, searchable (Ctrl+K opens the "
                                      "command palette to jump anywhere). Collections keep your saved requests; History "
                                      "every send.")),
    (QT_TRANSLATE_NOOP("WelcomePage", "Requests"),
     QT_TRANSLATE_NOOP("WelcomePage", "In the middle: one tab per request. Method, URL and Send on one row "
                                      "(Ctrl+Enter); below: body, headers, signing; then the response and the signed "
                                      "request's inspection.")),
    (QT_TRANSLATE_NOOP("WelcomePage", "Environments"),
     QT_TRANSLATE_NOOP("WelcomePage", "Top right: the environment the request goes to (Ctrl+E). Environments → Manage "
                                      "adds AWS regions and their credentials, kept in the OS keyring.")),
    (QT_TRANSLATE_NOOP("WelcomePage", "The sandbox"),
     QT_TRANSLATE_NOOP("WelcomePage", "Bottom right: the local sandbox that answers like AWS, with no account. Its "
                                      "menu starts, stops and resets it; F1 lists every shortcut.")),
)
SHOWN = 6  # items per card


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[:end + 1]


class _LinkButton(QPushButton):
    """A flat link whose text wraps to the width the card gives it: a long title (Korean
    runs longer) takes two lines at 1024x640 instead of being cut or widening the page."""

    PAD_X, PAD_Y = 6, 3
    FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap

    def __init__(self, text: str):
        super().__init__(text)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _text_size(self, width: int) -> QSize:
        return self.fontMetrics().boundingRect(QRect(0, 0, max(1, width - 2 * self.PAD_X), 100000), self.FLAGS,
                                               self.text()).size()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._text_size(width).height() + 2 * self.PAD_Y

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """No wider than a dozen letters asks: the card's share of the page decides the width."""
        one_line = self._text_size(100000)
        width = min(one_line.width() + 2 * self.PAD_X, self.fontMetrics().horizontalAdvance("M") * 12)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.sizeHint().width(), self._text_size(100000).height() + 2 * self.PAD_Y)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(self.rect().adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y), self.FLAGS, self.text())


def _link_button(text: str, name: str, accessible: str) -> QPushButton:
    button = named(_LinkButton(text), name, accessible)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("QPushButton { text-align: left; padding: 3px 6px; }")
    return button


class _Card(QGroupBox):
    """A titled column of entries (a link button, and maybe a line under it), a line for when
    it is empty, and buttons at the foot."""

    def __init__(self, title: str, name: str, empty: str, *foot: QPushButton):
        super().__init__(title)
        self.setObjectName(name)
        self.items = QVBoxLayout()
        self.items.setSpacing(2)
        self.empty = QLabel(empty)
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in foot:
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.items)
        layout.addWidget(self.empty)
        layout.addStretch(1)
        layout.addLayout(buttons)
        # the page's share (3:2) decides the width, not how long a text is; the foot's buttons stay whole
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(self.minimumSizeHint().width())

    def set_entries(self, entries) -> None:
        """entries: [(button, a line under it or "")]."""
        while self.items.count():
            widget = self.items.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for button, line in entries:
            self.items.addWidget(button)
            if line:
                label = QLabel(line)
                label.setWordWrap(True)
                label.setContentsMargins(12, 0, 0, 6)
                label.setStyleSheet("color: palette(placeholder-text);")
                label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
                self.items.addWidget(label)
        self.empty.setVisible(not entries)


class WelcomePage(QFrame):
    try_sandbox = Signal()
    add_environment = Signal()
    start_tutorial = Signal(str)  # tutorial id
    show_tutorials = Signal()
    reopen = Signal(object)  # a history entry
    show_history = Signal()
    choose_environment = Signal(str)
    manage_environments = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "welcomePage", self.tr("Welcome"))
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = named(QLabel("<h2>" + self.tr("Welcome to Pinpoint Workbench") + "</h2>"), "welcomeTitle",
                           self.tr("Welcome"))
        self.text = named(QLabel(self.tr("Send signed requests to Amazon Pinpoint, End User Messaging SMS and voice, "
                                         "and Pinpoint Email — first to the local sandbox, which needs no AWS account.")),
                          "welcomeText", self.tr("What the workbench does"))
        self.text.setWordWrap(True)
        self.sandbox_button = named(QPushButton(self.tr("Try it with the local sandbox")), "trySandbox",
                                    self.tr("Try it with the local sandbox: send GetApps"))
        self.aws_button = named(QPushButton(self.tr("Add an AWS environment…")), "addAwsEnvironment",
                                self.tr("Add an AWS environment"))
        self.sandbox_button.setDefault(True)
        self.sandbox_button.clicked.connect(lambda: self._leave(self.try_sandbox))
        self.aws_button.clicked.connect(lambda: self._leave(self.add_environment))
        choices = QHBoxLayout()
        choices.addWidget(self.sandbox_button)
        choices.addWidget(self.aws_button)
        choices.addStretch(1)

        all_tutorials = named(QPushButton(self.tr("All tutorials…")), "welcomeAllTutorials", self.tr("All tutorials"))
        first_send = named(QPushButton(self.tr("Send GetApps to the sandbox")), "welcomeFirstSend",
                           self.tr("Send GetApps to the local sandbox"))
        first_send.clicked.connect(lambda: self._leave(self.try_sandbox))
        add = named(QPushButton(self.tr("Add…")), "welcomeAddEnvironment", self.tr("Add an AWS environment"))
        add.clicked.connect(lambda: self._leave(self.add_environment))
        all_tutorials.clicked.connect(lambda: self._leave(self.show_tutorials))
        history = named(QPushButton(self.tr("Show the history")), "welcomeHistory", self.tr("Show the history"))
        history.clicked.connect(lambda: self._leave(self.show_history))
        manage = named(QPushButton(self.tr("Manage environments…")), "welcomeManageEnvironments",
                       self.tr("Manage environments"))
        manage.clicked.connect(lambda: self._leave(self.manage_environments))
        self.learn = _Card(self.tr("Learn"), "welcomeLearn", self.tr("The lessons are loading…"), all_tutorials)
        self.recent = _Card(self.tr("Recent work"), "welcomeRecent",
                            self.tr("Nothing sent yet. Every request you send is kept in the history, with its answer, "
                                    "and comes back here; the first can go to the local sandbox, or come from a lesson."),
                            first_send, history)
        self.environments = _Card(self.tr("Environments"), "welcomeEnvironments",
                                  self.tr("Only the local sandbox so far. An AWS environment is a region, an account and "
                                          "where its credentials come from: the OS keyring, an AWS profile or the "
                                          "process environment. Secrets never go to a file."),
                                  add, manage)
        cards = QGridLayout()  # the lessons on the left, the larger; recent work and environments beside them
        cards.setHorizontalSpacing(14)
        cards.setVerticalSpacing(10)
        cards.addWidget(self.learn, 0, 0, 2, 1)
        cards.addWidget(self.recent, 0, 1)
        cards.addWidget(self.environments, 1, 1)
        cards.setColumnStretch(0, 3)
        cards.setColumnStretch(1, 2)

        self.step = -1
        self.tour_title = named(QLabel(), "tourTitle", self.tr("Tour step"))
        self.tour_text = named(QLabel(), "tourText", self.tr("Tour text"))
        self.tour_text.setWordWrap(True)
        self.next_button = named(QPushButton(self.tr("Take the tour")), "tourNext", self.tr("Next tour step"))
        self.skip_button = named(QPushButton(self.tr("Skip")), "tourSkip", self.tr("Skip the tour"))
        self.next_button.clicked.connect(self.next_step)
        self.skip_button.clicked.connect(self.dismiss)
        tour_buttons = QHBoxLayout()
        tour_buttons.addWidget(self.next_button)
        tour_buttons.addWidget(self.skip_button)
        tour_buttons.addStretch(1)

        body = QWidget()
        body.setMaximumWidth(1100)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(choices)
        layout.addSpacing(16)
        layout.addLayout(cards, 1)
        layout.addSpacing(12)
        layout.addWidget(self.tour_title)
        layout.addWidget(self.tour_text)
        layout.addLayout(tour_buttons)
        # in a scroll area: where the window is small (1024x640) or the language long, the
        # page scrolls rather than squeezing the lessons' lines into each other
        inner = QWidget()
        inner.setObjectName("welcomeBody")
        margins = QHBoxLayout(inner)
        margins.setContentsMargins(32, 24, 32, 24)
        margins.addWidget(body, 1)
        scroll = QScrollArea()
        scroll.setObjectName("welcomeScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap instead
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # ---- what the page shows

    def set_tutorials(self, rows) -> None:
        """rows: [(Tutorial, progress summary)] — started and unfinished lessons first."""
        from workbench.ui.panes.tutorial_list import progress_words

        ordered = sorted(rows, key=lambda row: (row[1]["done"], not row[1]["passed"]))  # stable: in lesson order
        entries = []
        for tutorial, progress in ordered[:SHOWN]:
            words = progress_words(progress)
            button = _link_button(tutorial.title, f"welcomeTutorial-{tutorial.id}",
                                  self.tr("Start the tutorial {title} ({progress})").format(title=tutorial.title,
                                                                                             progress=words))
            button.setToolTip(tutorial.summary)
            button.setStyleSheet("QPushButton { text-align: left; padding: 3px 6px; font-weight: bold; }")
            button.clicked.connect(lambda _=False, name=tutorial.id: self._leave(self.start_tutorial, name))
            line = self.tr("{minutes} min, {progress}. {summary}").format(
                minutes=tutorial.duration_minutes, progress=words, summary=_first_sentence(tutorial.summary))
            entries.append((button, line))
        self.learn.set_entries(entries)

    def set_recent(self, entries) -> None:
        """entries: history entries, newest first."""
        from workbench.ui.translation import local_time

        buttons = []
        for entry in list(entries)[:SHOWN * 2]:
            status = entry.status if entry.status is not None else self.tr("no answer")
            text = self.tr("{operation} in {environment}: {status}").format(
                operation=entry.operation.rpartition(":")[2], environment=entry.environment, status=status)
            button = _link_button(f"{text}\n{local_time(entry.time)}", f"welcomeRecent-{entry.id}",
                                  self.tr("Reopen {request}").format(request=text))
            button.clicked.connect(lambda _=False, chosen=entry: self._leave(self.reopen, chosen))
            buttons.append((button, ""))
        self.recent.set_entries(buttons)

    def set_environments(self, environments) -> None:
        buttons = []
        for env in sorted(environments, key=lambda e: (not e.is_sandbox, e.name))[:SHOWN * 2]:
            kind = self.tr("local sandbox") if env.is_sandbox else env.region
            if env.production:
                kind = self.tr("{region}, PRODUCTION").format(region=env.region)
            button = _link_button(f"{env.name}  ({kind})", f"welcomeEnvironment-{env.name}",
                                  self.tr("Use the environment {name}").format(name=env.name))
            button.clicked.connect(lambda _=False, name=env.name: self.choose_environment.emit(name))
            buttons.append((button, ""))
        self.environments.set_entries(buttons)
        self.environments.empty.setVisible(not any(not env.is_sandbox for env in environments))

    # ---- the tour

    def next_step(self) -> None:
        self.step += 1
        if self.step >= len(TOUR):
            self.dismiss()
            return
        title, text = TOUR[self.step]
        self.tour_title.setText(f"<b>{self.step + 1}/{len(TOUR)} · {self.tr(title)}</b>")
        self.tour_text.setText(self.tr(text))
        self.next_button.setText(self.tr("Next") if self.step < len(TOUR) - 1 else self.tr("Done"))

    def _leave(self, signal, *args) -> None:
        self.dismiss()
        signal.emit(*args)

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

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.page.setGeometry(watched.rect())
        return False

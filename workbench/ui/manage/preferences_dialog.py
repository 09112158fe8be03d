"""Preferences (Ctrl+,): language, theme, font size, layout, large-response threshold, the
largest decoded answer, timeouts, proxy and CA bundle, where collections live. Kept by core.preferences in the config
dir; the dialog converts to and from a Preferences and owns nothing else."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QLayout,
                               QLineEdit, QSpinBox, QVBoxLayout)

from workbench.core.settings.preferences import LAYOUTS, THEMES, Preferences
from workbench.ui.accessible import named

# each language by its own name (a reader of it finds it whatever the window's language)
LANGUAGE_NAMES = (("en", "English"), ("zh_CN", "简体中文"), ("ko_KR", "한국어"))


class PreferencesDialog(QDialog):
    save_requested = Signal(object)  # Preferences

    def __init__(self, prefs: Preferences, parent=None):
        super().__init__(parent)
        named(self, "preferencesDialog", self.tr("Preferences"))
        self.setWindowTitle(self.tr("Preferences"))
        self.language = named(QComboBox(), "prefLanguage", self.tr("Language of the window"))
        self.language.addItem(self.tr("As the system"), "")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language_note = named(QLabel(self.tr("The window changes language at its next start.")),
                                   "prefLanguageNote", self.tr("When the language applies"))
        self.language_note.setWordWrap(True)
        self.font_size = named(QSpinBox(), "prefFontSize", self.tr("Font size (0: the system's)"))
        self.font_size.setRange(0, 48)
        self.font_size.setSpecialValueText(self.tr("system"))
        self.layout_choice = named(QComboBox(), "prefLayout", self.tr("Response position"))
        for code, label in zip(LAYOUTS, (self.tr("under the request"), self.tr("beside the request"))):
            self.layout_choice.addItem(label, code)
        self.theme = named(QComboBox(), "prefTheme", self.tr("Light or dark"))
        for code, label in zip(THEMES, (self.tr("as the system"), self.tr("light"), self.tr("dark"))):
            self.theme.addItem(label, code)
        self.large = named(QDoubleSpinBox(), "prefLargeResponse", self.tr("Large response threshold in MB"))
        self.large.setRange(0.1, 1024)
        self.large.setSuffix(" MB")
        self.max_decoded = named(QSpinBox(), "prefMaxDecoded", self.tr("Largest decoded answer in MiB (0: no limit)"))
        self.max_decoded.setRange(0, 1048576)
        self.max_decoded.setSuffix(" MiB")
        self.max_decoded.setSpecialValueText(self.tr("no limit"))
        self.connect_timeout = named(QDoubleSpinBox(), "prefConnectTimeout", self.tr("Connect timeout in seconds"))
        self.read_timeout = named(QDoubleSpinBox(), "prefReadTimeout", self.tr("Read timeout in seconds"))
        for box in (self.connect_timeout, self.read_timeout):
            box.setRange(0.1, 86400)
            box.setSuffix(self.tr(" s"))
        self.proxy = named(QLineEdit(), "prefProxy", self.tr("Proxy URL"))
        self.proxy.setPlaceholderText(self.tr("http://proxy.example.com:3128 (empty: HTTPS_PROXY of the environment)"))
        self.ca_bundle = named(QLineEdit(), "prefCaBundle", self.tr("CA bundle file"))
        self.ca_bundle.setPlaceholderText(self.tr("/path/to/corporate-ca.pem (empty: AWS_CA_BUNDLE, else the built-in CAs)"))
        self.collections = named(QLineEdit(), "prefCollectionsDir", self.tr("Where collections live"))
        self.collections.setPlaceholderText(self.tr("empty: the config folder's collections/ (applies at the next start)"))
        self.message = named(QLabel(), "prefMessage", self.tr("Problems with the preferences"))
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Font size"), self.font_size)
        form.addRow(self.tr("Response"), self.layout_choice)
        form.addRow(self.tr("Large response above"), self.large)
        form.addRow(self.tr("Decoded answer up to"), self.max_decoded)
        form.addRow(self.tr("Connect timeout"), self.connect_timeout)
        form.addRow(self.tr("Read timeout"), self.read_timeout)
        form.addRow(self.tr("Proxy"), self.proxy)
        form.addRow(self.tr("CA bundle"), self.ca_bundle)
        form.addRow(self.tr("Collections folder"), self.collections)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        named(buttons.button(QDialogButtonBox.StandardButton.Save), "prefSave", self.tr("Save the preferences"))
        named(buttons.button(QDialogButtonBox.StandardButton.Cancel), "prefCancel", self.tr("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.set_model(prefs)

    def set_model(self, prefs: Preferences) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        self.font_size.setValue(prefs.font_size)
        self.layout_choice.setCurrentIndex(self.layout_choice.findData(prefs.layout))
        self.large.setValue(prefs.large_response_mb)
        self.max_decoded.setValue(round(prefs.max_decoded_mb))
        self.connect_timeout.setValue(prefs.connect_timeout)
        self.read_timeout.setValue(prefs.read_timeout)
        self.proxy.setText(prefs.proxy)
        self.ca_bundle.setText(prefs.ca_bundle)
        self.collections.setText(prefs.collections_dir)

    def to_model(self) -> Preferences:
        return Preferences(font_size=self.font_size.value(), layout=self.layout_choice.currentData(),
                           large_response_mb=self.large.value(), max_decoded_mb=self.max_decoded.value(),
                           connect_timeout=self.connect_timeout.value(),
                           read_timeout=self.read_timeout.value(), proxy=self.proxy.text().strip(),
                           ca_bundle=self.ca_bundle.text().strip(), collections_dir=self.collections.text().strip(),
                           theme=self.theme.currentData(), language=self.language.currentData())

    def focus_answer_limit(self) -> None:
        """Opened to raise the limit an answer passed (the error banner's button)."""
        self.max_decoded.setFocus()
        self.max_decoded.selectAll()

    def _save(self) -> None:
        prefs = self.to_model()
        problems = prefs.problems()
        if problems:
            self.message.setText("\n".join(f"{p.path}: {p.message}" for p in problems))
            return
        self.save_requested.emit(prefs)
        self.accept()

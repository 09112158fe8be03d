"""Small drivers for the window's widgets, used by several tests."""

from __future__ import annotations

import socket
import threading

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QListView, QPushButton

from workbench.ui.app_context import AppContext
from workbench.ui.models.json_tree_model import PATH_ROLE


def open_operation(qtbot, window, name: str):
    """Type the name into the library search and press Enter (opens the first match)."""
    search = window.library.search
    search.clear()
    qtbot.keyClicks(search, name)
    before = window.tabs.count()
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.count() == before + 1)
    tab = window.tabs.currentWidget()
    assert tab.editor.template.operation == name
    return tab


def send(qtbot, tab, timeout=20000):
    """Click Send and wait for the status line to show an answer (or a refusal)."""
    button = tab.findChild(QPushButton, "sendButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=timeout)
    return status_text(tab)


def status_text(tab) -> str:
    return tab.findChild(QLabel, "responseStatus").text()


def wait_for_body(qtbot, tab):
    qtbot.waitUntil(lambda: tab.response_body is not None, timeout=20000)


def find_tree_row(model, path: str, parent=QModelIndex()):
    """The index of the node at JSON `path`, fetching lazily loaded children on the way."""
    while model.canFetchMore(parent):
        model.fetchMore(parent)
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        node_path = index.data(PATH_ROLE)
        if node_path == path:
            return index
        if path.startswith(node_path + ".") or path.startswith(node_path + "["):
            return find_tree_row(model, path, index)
    return None


def answer_next_dialog(qtbot, text: str | None = None, button=None, scope: str | None = None):
    """Arrange for the next modal dialog to be answered: an input dialog gets `text` and OK;
    a message box gets `button` clicked. Returns a list that receives the dialog's label."""
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.findChild(QLabel, f"{dialog.objectName()}Text").text())
        if text is not None:
            dialog.findChild(QLineEdit, "askTextEdit").setText(text)
            if scope is not None:
                combo = dialog.findChild(QComboBox, "variableScope")
                combo.setCurrentIndex(combo.findData(scope))
            dialog.accept()
        else:
            dialog.findChild(QPushButton, button).click()

    QTimer.singleShot(0, answer)
    return seen


def problems(tab) -> list[str]:
    model = tab.findChild(QListView, "bodyProblems").model()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def make_context(tmp_path, sandbox_url: str, **environ) -> AppContext:
    base = {"HOME": str(tmp_path / "home"), "PINPOINT_WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
            "PINPOINT_WORKBENCH_DATA_DIR": str(tmp_path / "data")}
    return AppContext(base | environ, tmp_path / "config", tmp_path / "data", sandbox_url=lambda: sandbox_url)


class StalledServer:
    """Accepts connections on 127.0.0.1 and never answers (until closed)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.connected = threading.Event()
        self.conns = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)
            self.connected.set()

    def close(self):
        self.sock.close()
        for conn in self.conns:
            conn.close()


class FixedJsonServer:
    """Answers every request on 127.0.0.1 with one JSON body."""

    def __init__(self, body: bytes):
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

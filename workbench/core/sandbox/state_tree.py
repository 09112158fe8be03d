"""The sandbox's state as nested dicts kept in SQLite, one row per dict member, so a change
writes only what changed and opening reads nothing until it is asked for.

The emulation reads and changes its state as plain nested dicts and lists
(`state["smsv2"]["opt_out_lists"]["Default"]["Numbers"][number] = {...}`). Here each dict
is a `Node`, a real dict subclass (so `isinstance(x, dict)`, `{**x}` and `json.dumps` work)
whose members are rows of one table:

    entry(seq PRIMARY KEY, parent, key, value, is_node)   UNIQUE (parent, key)

A member whose value is a dict is a node of its own (`is_node`, its id is its row's `seq`);
any other value (a string, a number, a list, with whatever it holds) is the row's JSON and a
change anywhere inside it rewrites that one row (`TrackedList`, `InlineDict`). Setting or
deleting a member writes its row at once, inside the transaction `commit` ends; SQLite's
WAL makes each commit all-or-nothing, so a process killed in the middle of a write leaves
the state as of the last commit.

Nodes load lazily: a member is read with one indexed lookup; iterating a node (keys, values,
items, len) reads its members once, and the members of its child nodes in the same query, so
a scan over records costs two queries, not one per record. `page` reads members after a
position in insertion order through the (parent, seq) index: a page costs the same however
many members come before it.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterator

SCHEMA = """
CREATE TABLE IF NOT EXISTS entry (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    parent INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT,
    is_node INTEGER NOT NULL DEFAULT 0,
    UNIQUE (parent, key)
);
CREATE INDEX IF NOT EXISTS entry_in_order ON entry (parent, seq);
"""
ROOT = 0
_MISSING = object()


class StateTree:
    """One SQLite connection and the nodes read from it. The caller serialises access
    (the sandbox store's lock)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.db.executescript(SCHEMA)
        self.root = Node(self, ROOT)

    # -- writing
    def _write(self, sql: str, params=()) -> sqlite3.Cursor:
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
        return self.db.execute(sql, params)

    def commit(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM entry LIMIT 1").fetchone() is None

    def put(self, node: "Node", key: str, value, fresh: bool = False):
        """Write `node[key] = value`; returns what the node keeps (a Node for a dict).
        `fresh`: the node was just created, so nothing is there to replace."""
        if not fresh:
            self._drop_children_of(node, key)
        if isinstance(value, dict):
            seq = self._upsert(node._id, key, None, 1)
            child = Node(self, seq, loaded=True)
            for name, member in value.items():
                dict.__setitem__(child, _key(name), self.put(child, _key(name), member, fresh=True))
            return child
        kept = _inline(value, node, key)
        self._upsert(node._id, key, json.dumps(value, separators=(",", ":")), 0)
        return kept

    def _upsert(self, parent: int, key: str, value: str | None, is_node: int) -> int:
        return self._write(
            "INSERT INTO entry (parent, key, value, is_node) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (parent, key) DO UPDATE SET value = excluded.value, is_node = excluded.is_node "
            "RETURNING seq", (parent, key, value, is_node)).fetchone()[0]

    def rewrite(self, node: "Node", key: str) -> None:
        """The inline value at node[key] changed in place: write its row again."""
        value = dict.get(node, key, _MISSING)
        if value is not _MISSING and not isinstance(value, Node):
            self._write("UPDATE entry SET value = ? WHERE parent = ? AND key = ?",
                        (json.dumps(value, separators=(",", ":")), node._id, key))

    def delete(self, node: "Node", key: str) -> None:
        self._drop_children_of(node, key)
        self._write("DELETE FROM entry WHERE parent = ? AND key = ?", (node._id, key))

    def _drop_children_of(self, node: "Node", key: str) -> None:
        """If node[key] is a node, delete the rows under it (the node object, if one was read,
        becomes a plain copy: a caller holding it still reads what it held)."""
        row = self.db.execute("SELECT seq, is_node FROM entry WHERE parent = ? AND key = ?", (node._id, key)).fetchone()
        if row is None or not row[1]:
            return
        old = dict.get(node, key)
        if isinstance(old, Node):
            old._detach()
        self._write(
            "WITH RECURSIVE under(id) AS (SELECT ? UNION ALL "
            "SELECT e.seq FROM entry e JOIN under ON e.parent = under.id WHERE e.is_node) "
            "DELETE FROM entry WHERE parent IN under", (row[0],))

    # -- reading
    def lookup(self, node: "Node", key: str):
        row = self.db.execute("SELECT seq, value, is_node FROM entry WHERE parent = ? AND key = ?",
                              (node._id, key)).fetchone()
        if row is None:
            return _MISSING
        return self._decode(node, key, *row)

    def _decode(self, node: "Node", key: str, seq: int, value: str | None, is_node: int):
        if is_node:
            return Node(self, seq)
        return _inline(json.loads(value), node, key)

    def load(self, node: "Node") -> None:
        """Read all of `node`'s members, and its child nodes' members (one query each)."""
        rows = self.db.execute("SELECT seq, key, value, is_node FROM entry WHERE parent = ? ORDER BY seq",
                               (node._id,)).fetchall()
        node._fill(rows)
        children = {v._id: v for v in dict.values(node) if isinstance(v, Node) and not v._loaded}
        if not children:
            return
        grouped: dict[int, list] = {seq: [] for seq in children}
        for parent, *row in self.db.execute(
                "SELECT e.parent, e.seq, e.key, e.value, e.is_node FROM entry e JOIN entry p ON e.parent = p.seq "
                "WHERE p.parent = ? AND p.is_node ORDER BY e.seq", (node._id,)):
            if parent in grouped:
                grouped[parent].append(row)
        for seq, child_rows in grouped.items():
            children[seq]._fill(child_rows)

    def count(self, node: "Node") -> int:
        return self.db.execute("SELECT COUNT(*) FROM entry WHERE parent = ?", (node._id,)).fetchone()[0]

    def page(self, node: "Node", after: int, size: int) -> Iterator[tuple[int, str, object]]:
        """(position, key, value) of the members after `after`, in insertion order, read
        `size` at a time."""
        while True:
            rows = self.db.execute("SELECT seq, key, value, is_node FROM entry WHERE parent = ? AND seq > ? "
                                   "ORDER BY seq LIMIT ?", (node._id, after, size)).fetchall()
            for seq, key, value, is_node in rows:
                kept = dict.get(node, key, _MISSING)
                if kept is _MISSING:
                    kept = self._decode(node, key, seq, value, is_node)
                    dict.__setitem__(node, key, kept)
                yield seq, key, kept
            if len(rows) < size:
                return
            after = rows[-1][0]


def _key(name) -> str:
    if not isinstance(name, str):
        raise TypeError(f"state keys are strings, not {type(name).__name__}")
    return name


def _inline(value, node: "Node", key: str):
    """A JSON value kept in node[key]'s row, with its lists and dicts reporting changes."""
    if isinstance(value, list):
        return TrackedList((_inline(v, node, key) for v in value), (node, key))
    if isinstance(value, dict) and not isinstance(value, Node):
        return InlineDict({k: _inline(v, node, key) for k, v in value.items()}, (node, key))
    return value


def _plain(value):
    """A detached, plain copy (what a removed node turns into)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Node(dict):
    """A dict whose members live in the StateTree (see the module's docstring)."""

    __slots__ = ("_tree", "_id", "_loaded")

    def __init__(self, tree: StateTree | None, node_id: int, loaded: bool = False):
        super().__init__()
        self._tree, self._id, self._loaded = tree, node_id, loaded

    # internal
    def _fill(self, rows) -> None:
        kept = dict(dict.items(self))
        dict.clear(self)
        for seq, key, value, is_node in rows:
            dict.__setitem__(self, key, kept[key] if key in kept else self._tree._decode(self, key, seq, value, is_node))
        self._loaded = True

    def _ensure(self) -> None:
        if not self._loaded and self._tree is not None:
            self._tree.load(self)

    def _detach(self) -> None:
        """Read everything under this node, then stop writing through (it was removed)."""
        if self._tree is None:
            return
        self._ensure()
        for key, value in list(dict.items(self)):
            if isinstance(value, Node):
                value._detach()
            else:
                dict.__setitem__(self, key, _plain(value))
        self._tree = None

    # reading
    def __getitem__(self, key):
        value = dict.get(self, key, _MISSING)
        if value is _MISSING and not self._loaded and self._tree is not None and isinstance(key, str):
            value = self._tree.lookup(self, key)
            if value is not _MISSING:
                dict.__setitem__(self, key, value)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key) -> bool:
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __iter__(self):
        self._ensure()
        return dict.__iter__(self)

    def __len__(self) -> int:
        if self._loaded or self._tree is None:
            return dict.__len__(self)
        return self._tree.count(self)

    def keys(self):
        self._ensure()
        return dict.keys(self)

    def values(self):
        self._ensure()
        return dict.values(self)

    def items(self):
        self._ensure()
        return dict.items(self)

    def __eq__(self, other) -> bool:
        self._ensure()
        return dict.__eq__(self, other)

    __hash__ = None

    def __repr__(self) -> str:
        self._ensure()
        return dict.__repr__(self)

    def copy(self) -> dict:
        return dict(self.items())

    def __reduce__(self):
        return (dict, (_plain(self),))

    def page(self, after: int, size: int) -> Iterator[tuple[int, str, object]]:
        """(position, key, value) after position `after` (0: from the start), in insertion
        order; flat in the number of members before it."""
        if self._tree is None:
            for position, (key, value) in enumerate(list(dict.items(self)), 1):
                if position > after:
                    yield position, key, value
            return
        yield from self._tree.page(self, after, size)

    # writing
    def __setitem__(self, key, value) -> None:
        key = _key(key)
        if self._tree is None:
            dict.__setitem__(self, key, value)
            return
        if isinstance(value, Node):
            value = _plain(value)  # a copy: the same node is never in two places
        dict.__setitem__(self, key, self._tree.put(self, key, value))

    def __delitem__(self, key) -> None:
        if key not in self:
            raise KeyError(key)
        if self._tree is not None:
            self._tree.delete(self, key)
        dict.pop(self, key, None)

    def pop(self, key, *default):
        if key not in self:
            if default:
                return default[0]
            raise KeyError(key)
        value = self[key]
        del self[key]
        return value

    def popitem(self):
        self._ensure()
        key = next(reversed(dict.keys(self)))
        return key, self.pop(key)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args, **kwargs) -> None:
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def clear(self) -> None:
        for key in list(self.keys()):
            del self[key]


class _Inline:
    """Mixin: an inline value (in one row) that writes its row again after a change."""

    __slots__ = ()

    def _changed(self) -> None:
        node, key = self._owner
        if node._tree is not None:
            node._tree.rewrite(node, key)


def _mutating(name: str, base):
    method = getattr(base, name)

    def wrapped(self, *args, **kwargs):
        node, key = self._owner
        args = tuple(_inline(a, node, key) if isinstance(a, (list, dict)) else a for a in args)
        result = method(self, *args, **kwargs)
        self._changed()
        return self if name.startswith("__i") else result

    wrapped.__name__ = name
    return wrapped


class TrackedList(_Inline, list):
    __slots__ = ("_owner",)

    def __init__(self, items=(), owner=None):
        super().__init__(items)
        self._owner = owner

    def __reduce__(self):
        return (list, (_plain(self),))

    for _name in ("append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse",
                  "__setitem__", "__delitem__", "__iadd__", "__imul__"):
        locals()[_name] = _mutating(_name, list)
    del _name


class InlineDict(_Inline, dict):
    __slots__ = ("_owner",)

    def __init__(self, items=(), owner=None):
        super().__init__(items)
        self._owner = owner

    def __reduce__(self):
        return (dict, (_plain(self),))

    for _name in ("__setitem__", "__delitem__", "pop", "popitem", "clear", "update", "setdefault"):
        locals()[_name] = _mutating(_name, dict)
    del _name

"""The loading API: typed records with navigation between them.

    import kzdata
    ds = kzdata.load("path/to/kzdata")
    p = ds.persons["bokayev-maks"]
    for s in p.sentences: print(s.kind, s.term, s.verdict_date)
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import jsonio
from .dates import Duration, PartialDate, parse_duration, parse_partial
from .findings import Report


class InvalidPackage(Exception):
    """Raised by load() when the package has validation errors; `.report` holds them."""

    def __init__(self, report: Report):
        self.report = report
        first = report.errors[0] if report.errors else None
        detail = f": {first.file}:{first.line} {first.code} {first.message}" if first else ""
        super().__init__(f"{report.path} has {len(report.errors)} validation error(s){detail}")


def _list(v: str) -> list[str]:
    return [x for x in v.split(";") if x] if v else []


def _date(v: str) -> PartialDate | None:
    return parse_partial(v) if v else None


@dataclass(eq=False)
class _Record:
    id: str
    _ds: "Dataset" = field(repr=False, compare=False)
    notes: str = ""
    source_ids: list[str] = field(default_factory=list)
    _table = ""

    @property
    def sources(self) -> list["Source"]:
        return [self._ds.sources[s] for s in self.source_ids if s in self._ds.sources]

    @property
    def disputed(self) -> dict[str, list["Dispute"]]:
        """field -> the values sources give for it, where they disagree (data/disputes.csv)."""
        out: dict[str, list[Dispute]] = {}
        for d in self._ds._disputes_of(self._table, self.id):
            out.setdefault(d.field, []).append(d)
        return out


@dataclass(eq=False)
class Dispute:
    """One value that sources give for a field of a record, where sources disagree."""

    table: str
    record: str
    field: str
    value: str
    source_ids: list[str]
    notes: str = ""


@dataclass(eq=False)
class Source:
    id: str
    publisher: str
    title: str
    published: PartialDate | None
    url: str
    kind: str
    language: str
    reference: str = ""
    notes: str = ""


@dataclass(eq=False)
class Organisation(_Record):
    _table = "organisations"
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    banned_date: PartialDate | None = None
    banned_by: str = ""
    successor_of_id: str = ""


@dataclass(eq=False)
class Person(_Record):
    _table = "persons"
    name: str = ""
    name_cyrillic: str = ""
    aliases: list[str] = field(default_factory=list)
    sex: str = ""
    birth_year: int | None = None
    place: str = ""
    region: str = ""
    roles: list[str] = field(default_factory=list)
    affiliation_ids: list[str] = field(default_factory=list)
    status: str = ""
    status_date: PartialDate | None = None
    distinct_from: list[str] = field(default_factory=list)   # namesakes known to be other people
    sensitive_notes: str = ""   # the schema marks it sensitive: never shown or exported unless asked for

    @property
    def charges(self) -> list["Charge"]:
        return self._ds._rows_of("charges", "person_id", self.id)

    @property
    def sentences(self) -> list["Sentence"]:
        return self._ds._rows_of("sentences", "person_id", self.id)

    @property
    def events(self) -> list["Event"]:
        return sorted(self._ds._rows_of("events", "person_id", self.id), key=lambda e: e.date.start if e.date else dt.date.min)

    @property
    def cases(self) -> list["Case"]:
        ids = {c.case_id for c in self.charges} | {s.case_id for s in self.sentences} | {e.case_id for e in self.events if e.case_id}
        return [self._ds.cases[i] for i in sorted(ids) if i in self._ds.cases]

    @property
    def affiliations(self) -> list[Organisation]:
        return [self._ds.organisations[i] for i in self.affiliation_ids if i in self._ds.organisations]


@dataclass(eq=False)
class Case(_Record):
    _table = "cases"
    title: str = ""
    place: str = ""
    court: str = ""
    opened: PartialDate | None = None
    banned_organisation_id: str = ""
    summary: str = ""

    @property
    def defendants(self) -> list[Person]:
        ids = {c.person_id for c in self.charges} | {s.person_id for s in self.sentences}
        ids |= {e.person_id for e in self.events}
        return [self._ds.persons[i] for i in sorted(ids) if i in self._ds.persons]

    @property
    def charges(self) -> list["Charge"]:
        return self._ds._rows_of("charges", "case_id", self.id)

    @property
    def sentences(self) -> list["Sentence"]:
        return self._ds._rows_of("sentences", "case_id", self.id)

    @property
    def events(self) -> list["Event"]:
        return sorted(self._ds._rows_of("events", "case_id", self.id), key=lambda e: e.date.start if e.date else dt.date.min)


@dataclass(eq=False)
class _PersonFact(_Record):
    """A row about one person, in one case where known (charges, sentences, events)."""

    case_id: str = ""
    person_id: str = ""

    @property
    def person(self) -> Person:
        return self._ds.persons[self.person_id]

    @property
    def case(self) -> Case | None:
        return self._ds.cases.get(self.case_id)


@dataclass(eq=False)
class Charge(_PersonFact):
    _table = "charges"
    code: str = ""
    article: str = ""
    part: str = ""
    paragraph: str = ""
    label: str = ""
    charged_date: PartialDate | None = None
    acts_from: PartialDate | None = None
    acts_to: PartialDate | None = None
    outcome: str = ""

    @property
    def article_ref(self) -> dict | None:
        """The article's entry in the Criminal Code reference (title_ru, repeals, parts…)."""
        return self._ds.article(self.code, self.article)


@dataclass(eq=False)
class Sentence(_PersonFact):
    _table = "sentences"
    verdict_date: PartialDate | None = None
    instance: str = ""
    in_absentia: bool = False
    kind: str = ""
    term: Duration | None = None
    amount: float | None = None
    currency: str = ""
    role: str = ""
    scope: str = ""
    court: str = ""
    judge: str = ""


@dataclass(eq=False)
class Event(_PersonFact):
    _table = "events"
    type: str = ""
    date: PartialDate | None = None
    authority: str = ""
    reference: str = ""
    place: str = ""


@dataclass
class Dataset:
    path: Path
    persons: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    charges: dict[str, Charge] = field(default_factory=dict)
    sentences: dict[str, Sentence] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    disputes: list[Dispute] = field(default_factory=list)
    criminal_code: dict[str, Any] = field(default_factory=dict)
    report: Report | None = None
    schemas: dict[str, dict] = field(default_factory=dict)
    tables: dict[str, list[dict]] = field(default_factory=dict, repr=False)   # the cells as read, for typed views

    _index: dict = field(default_factory=dict, repr=False)

    def article(self, code: str, number: str) -> dict | None:
        """The article's entry in the Criminal Code reference (title_ru, repeals, parts…)."""
        if "articles" not in self._index:
            self._index["articles"] = {(ed["code"], a["article"]): a for ed in self.criminal_code.get("editions", [])
                                       for a in ed["articles"]}
        return self._index["articles"].get((code, number))

    def _rows_of(self, table: str, attr: str, key: str) -> list:
        """Rows of a table whose attribute is key (indexes built on first use, so navigation stays linear)."""
        name = (table, attr)
        if name not in self._index:
            index: dict[str, list] = {}
            for r in getattr(self, table).values():
                index.setdefault(getattr(r, attr), []).append(r)
            self._index[name] = index
        return list(self._index[name].get(key, []))

    def _disputes_of(self, table: str, record: str) -> list["Dispute"]:
        if "disputes" not in self._index:
            index: dict[tuple, list] = {}
            for d in self.disputes:
                index.setdefault((d.table, d.record), []).append(d)
            self._index["disputes"] = index
        return self._index["disputes"].get((table, record), [])

    def to_polars(self, table: str, include_sensitive: bool = False):
        """One table as a polars DataFrame with typed columns: lists as lists of strings, empty cells as null,
        integers, numbers and booleans typed, dates as strings of their precision (kzdata.typed)."""
        from .typed import to_polars

        return to_polars(self, table, include_sensitive)


BUNDLE = Path(__file__).resolve().parent / "bundle"


def bundled_path() -> Path:
    """The data of this installed version of kzdata. In a wheel, kzdata/bundle/ holds copies of the released
    files; in a development checkout it links to the repository, whose root is returned."""
    descriptor = BUNDLE / "datapackage.json"
    return descriptor.resolve().parent if descriptor.is_symlink() else BUNDLE


class PinError(ValueError):
    """load(git_ref=...) or load(version=...) cannot give the package asked for; the message says why."""


class ReleaseMismatch(PinError):
    """The files of a pinned release are not the bytes its manifest records; `.differences` lists them."""

    def __init__(self, message: str, differences: list):
        super().__init__(message)
        self.differences = differences


def checkout(ref: str, repo: str | Path = ".", into: str | Path | None = None) -> Path:
    """Write the package files (datapackage.json, data/, schemas/, reference/, and any other file the
    descriptor names) of git revision `ref` into a directory, byte for byte as git stores them. `ref` must
    name a commit (PinError otherwise): it is resolved to its hash first, so it is never read as an option."""
    import tempfile

    from .gitio import GitError, files_at, repo_prefix, resolve, tree_files
    from .integrity import DESCRIPTOR, RELEASE_DIRS, named_files, release_files

    repo = Path(repo)
    try:
        sha = resolve(repo, ref)
        prefix = repo_prefix(repo)
        raw = files_at(repo, prefix, sha, [DESCRIPTOR])[DESCRIPTOR]
        if raw is None:
            raise PinError(f"cannot load {ref!r} from {repo}: that commit has no {DESCRIPTOR}")
        try:
            desc = jsonio.loads(raw)
        except ValueError:
            desc = None
        rels = release_files(tree_files(repo, sha, [DESCRIPTOR, *RELEASE_DIRS, *named_files(desc)]), desc)
        blobs = files_at(repo, prefix, sha, rels)
    except GitError as exc:
        raise PinError(f"cannot load git_ref {ref!r}: {exc}") from None
    target = Path(into) if into else Path(tempfile.mkdtemp(prefix=f"kzdata-{sha[:12]}-"))
    for rel, data in blobs.items():
        if data is None or rel.startswith("/") or ".." in rel.split("/"):
            continue
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return target


def _prove(root: Path, manifest, repo: Path, what: str) -> None:
    """ReleaseMismatch unless the files at `root` are exactly the release `manifest` describes."""
    from .integrity import DESCRIPTOR
    from .release import compare_with

    try:
        desc = jsonio.loads((root / DESCRIPTOR).read_bytes())
    except (OSError, ValueError):
        desc = None
    differences = compare_with(root, manifest, desc)
    if differences:
        listed = ", ".join(d.describe() for d in differences[:5]) + (f" and {len(differences) - 5} more" if len(differences) > 5 else "")
        raise ReleaseMismatch(f"{what} in {repo} is not release {manifest.version} as {manifest.source} records it: {listed}",
                              differences)


def checkout_release(version: str, repo: str | Path = ".", into: str | Path | None = None) -> Path:
    """Write release `version` into a directory and prove its bytes are those of its manifest
    (releases/VERSION.json, in the working tree of `repo` or its git history). PinError when the release or
    its manifest cannot be found, ReleaseMismatch when a byte differs."""
    from .gitio import GitError, run_git
    from .release import ReleaseError, find_manifest, manifest_rel, release_commit

    repo = Path(repo)
    try:
        rel = manifest_rel(version)
        if run_git(repo, "rev-parse", "--git-dir").returncode != 0:
            raise PinError(f"{repo} is not a git clone: load(version=...) reads a release from git; for a copy of "
                           "the files use load(path), and kzdata.verify(path) to prove it")
        manifest = find_manifest(repo, version)
        if manifest is None:
            raise PinError(f"{repo} has no manifest of release {version} ({rel}, in the working tree or git history), "
                           "so it cannot be loaded as released; pull the repository's latest main branch, or give "
                           "git_ref= to load a revision without proof")
        commit = release_commit(repo, manifest)
    except (ReleaseError, GitError) as exc:
        raise PinError(f"cannot load release {version!r}: {exc}") from None
    path = checkout(commit, repo, into)
    _prove(path, manifest, repo, f"commit {commit[:12]}")
    _keep_manifest(path, manifest)
    return path


def _keep_manifest(path: Path, manifest) -> None:
    """The manifest beside the files it proves, so that the copy can be verified again (kzdata verify)."""
    (path / "releases").mkdir(exist_ok=True)
    (path / "releases" / f"{manifest.version}.json").write_bytes(manifest.data)


def _checkout_ref(git_ref: str, repo: str | Path) -> Path:
    """checkout(git_ref), proved against the manifest when git_ref is a release tag vX.Y.Z that has one; a
    release tag this clone lacks (a clone without tags) is found through the manifest of that release."""
    from .gitio import SEMVER, GitError, is_revision
    from .release import ReleaseError, find_manifest

    repo = Path(repo)
    tag = re.fullmatch(r"v(\S+)", git_ref) if isinstance(git_ref, str) else None
    version = tag.group(1) if tag and SEMVER.match(tag.group(1)) else None
    try:
        known = is_revision(repo, git_ref)
    except GitError as exc:
        raise PinError(f"cannot load git_ref {git_ref!r}: {exc}") from None
    if not known and version is not None:
        try:
            return checkout_release(version, repo)
        except ReleaseMismatch:
            raise
        except PinError as exc:
            raise PinError(f"git_ref {git_ref!r} is not a revision of {repo}, and release {version} cannot be found "
                           f"without its tag: {exc}") from None
    path = checkout(git_ref, repo)
    if version is not None:
        try:
            manifest = find_manifest(repo, version)
        except ReleaseError as exc:
            raise PinError(f"cannot prove {git_ref!r}: {exc}") from None
        if manifest is not None:
            _prove(path, manifest, repo, f"the tag {git_ref}")
            _keep_manifest(path, manifest)
    return path


def load(path: str | Path | None = None, check: bool = True, git_ref: str | None = None, repo: str | Path = ".",
         version: str | None = None) -> Dataset:
    """Load a package into typed records.

    - `load()`: the data bundled with this installed version (pip install kzdata==X.Y.Z gives release X.Y.Z);
    - `load("path/to/copy")`: a package directory;
    - `load(version="1.0.0", repo="path/to/clone")`: release 1.0.0 as released, its bytes proved against its
      manifest releases/1.0.0.json (ReleaseMismatch if one differs);
    - `load(git_ref="v1.0.0", repo="path/to/clone")`: the package as it was at a git revision; a release tag
      is proved against its manifest too, and a clone without tags finds the release through the manifest.

    With check=True (the default) the package is validated first and InvalidPackage is raised when it
    has errors, so that code never works on data the validator rejects. A revision or release that cannot
    be loaded raises PinError (a ValueError) saying why.
    """
    import datetime as dt

    from .context import Context
    from .engines.rows import check_context
    from .package import load_package

    if sum(x is not None for x in (path, git_ref, version)) > 1:
        raise PinError("give one of path, git_ref and version")
    if version is not None:
        path = checkout_release(version, repo)
    elif git_ref is not None:
        path = _checkout_ref(git_ref, repo)
    root = Path(path) if path is not None else bundled_path()
    ctx = Context.build(load_package(root), dt.date.today())
    report = check_context(ctx) if check else None
    if report is not None and report.errors:
        raise InvalidPackage(report)
    ds = from_context(ctx, report)
    ds.path = root
    return ds


def from_context(ctx, report: Report | None = None, hidden: dict[str, set[str]] | None = None) -> Dataset:
    """Typed records from a built Context (kzdata.context.Context). `hidden` maps a table to columns read as
    empty: the website passes the fields the schemas mark sensitive, so no record it renders holds them."""
    pkg, rows = ctx.pkg, ctx.rows
    ds = Dataset(path=pkg.root, criminal_code=pkg.reference or {}, report=report, schemas=dict(pkg.schemas))
    hidden = hidden or {}
    for name, table in pkg.tables.items():
        blank = hidden.get(name) or set()
        ds.tables[name] = [{k: v for k, v in r.rec.items() if k not in blank} for r in rows.get(name, [])]

    def recs(name):
        blank = hidden.get(name)
        for r in rows.get(name, []):
            yield {k: ("" if k in blank else v) for k, v in r.rec.items()} if blank else r.rec

    for r in recs("sources"):
        ds.sources[r["id"]] = Source(r["id"], r["publisher"], r["title"], _date(r.get("published", "")), r.get("url", ""),
                                     r.get("kind", ""), r.get("language", ""), r.get("reference", ""), r.get("notes", ""))
    common = lambda r: dict(id=r["id"], _ds=ds, notes=r.get("notes", ""), source_ids=_list(r.get("sources", "")))  # noqa: E731
    for r in recs("organisations"):
        ds.organisations[r["id"]] = Organisation(**common(r), name=r["name"], aliases=_list(r.get("aliases", "")),
                                                 banned_date=_date(r.get("banned_date", "")), banned_by=r.get("banned_by", ""),
                                                 successor_of_id=r.get("successor_of", ""))
    for r in recs("persons"):
        by = r.get("birth_year", "")
        ds.persons[r["id"]] = Person(**common(r), name=r["name"], name_cyrillic=r.get("name_cyrillic", ""),
                                     aliases=_list(r.get("aliases", "")), sex=r.get("sex", ""),
                                     birth_year=int(by) if by.isascii() and by.isdigit() and len(by) <= 4 else None, place=r.get("place", ""), region=r.get("region", ""),
                                     roles=_list(r.get("roles", "")), affiliation_ids=_list(r.get("affiliations", "")),
                                     status=r.get("status", ""), status_date=_date(r.get("status_date", "")),
                                     distinct_from=_list(r.get("distinct_from", "")), sensitive_notes=r.get("sensitive_notes", ""))
    for r in recs("cases"):
        ds.cases[r["id"]] = Case(**common(r), title=r["title"], place=r.get("place", ""), court=r.get("court", ""),
                                 opened=_date(r.get("opened", "")), banned_organisation_id=r.get("banned_organisation", ""),
                                 summary=r.get("summary", ""))
    for r in recs("charges"):
        ds.charges[r["id"]] = Charge(**common(r), case_id=r["case"], person_id=r["person"], code=r["code"], article=r["article"],
                                     part=r.get("part", ""), paragraph=r.get("paragraph", ""), label=r.get("label", ""),
                                     charged_date=_date(r.get("charged_date", "")), acts_from=_date(r.get("acts_from", "")),
                                     acts_to=_date(r.get("acts_to", "")), outcome=r.get("outcome", ""))
    for r in recs("sentences"):
        amount = r.get("amount", "")
        ds.sentences[r["id"]] = Sentence(**common(r), case_id=r["case"], person_id=r["person"],
                                         verdict_date=_date(r.get("verdict_date", "")), instance=r.get("instance", ""),
                                         in_absentia=r.get("in_absentia") == "true", kind=r.get("kind", ""),
                                         term=parse_duration(r["term"]) if r.get("term") else None,
                                         amount=float(amount) if amount else None, currency=r.get("currency", ""),
                                         role=r.get("role", ""), scope=r.get("scope", ""), court=r.get("court", ""),
                                         judge=r.get("judge", ""))
    for r in recs("disputes"):
        ds.disputes.append(Dispute(r.get("table", ""), r.get("record", ""), r.get("field", ""), r.get("value", ""),
                                   _list(r.get("sources", "")), r.get("notes", "")))
    ds.disputes.sort(key=lambda d: (d.table, d.record, d.field, d.value))
    for r in recs("events"):
        ds.events[r["id"]] = Event(**common(r), person_id=r["person"], case_id=r.get("case", ""), type=r["type"],
                                   date=_date(r.get("date", "")), authority=r.get("authority", ""),
                                   reference=r.get("reference", ""), place=r.get("place", ""))
    return ds

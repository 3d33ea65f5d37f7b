"""kzdata: the dataset of people prosecuted on political grounds in Kazakhstan, and its validator.

    import kzdata
    report = kzdata.validate("path/to/package")   # -> Report with structured findings
    ds = kzdata.load("path/to/package")           # -> Dataset with typed, linked records
"""
from __future__ import annotations

__version__ = "1.1.0"
__all__ = ["validate", "load", "verify", "find", "show", "Report", "Finding", "Location", "Dataset", "InvalidPackage",
           "PinError", "ReleaseMismatch"]


def __dir__():
    return sorted(set(globals()) | set(__all__))


def __getattr__(name):  # keep `import kzdata` light: heavy modules load on first use
    if name == "validate":
        from .validator import validate
        return validate
    if name == "verify":
        from .release import verify
        return verify
    if name in ("load", "Dataset", "InvalidPackage", "PinError", "ReleaseMismatch"):
        from . import dataset
        return getattr(dataset, name)
    if name in ("Report", "Finding", "Location"):
        from . import findings
        return getattr(findings, name)
    if name in ("find", "show"):
        from . import lookup
        return getattr(lookup, name)
    raise AttributeError(name)

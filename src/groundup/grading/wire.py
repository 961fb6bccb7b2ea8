"""The wire format between the learner's process and the grader.

The learner's process hands back what the learner's code *returned*, as plain JSON: numbers,
strings, lists, dicts and NumPy arrays of numeric dtypes (base64 bytes with dtype and shape).
JSON is parsed without running any code, so whatever the learner's code does, it cannot make
the grader execute it or change the grader's verdict; it can only hand back values.

pandas objects (``DataFrame``, ``Series``, ``Index``) travel column by column with their dtypes,
and come back as pandas objects. A Matplotlib ``Figure`` travels as a description of what it
draws (:class:`FigureInfo`: axes, titles, labels, the data of each line, patch and collection,
legend entries, colour bars), made in the learner's process after rendering it to PNG with Agg.

Objects of other types travel as a description (type and ``repr``) so that the grader can say
"you returned a list where an array was expected".
"""

from __future__ import annotations

import base64
import io
import json
import math
import sys
from typing import Any

import numpy as np

_NUMERIC_KINDS = set("biufc")
MAX_ARRAY_BYTES = 64 * 2**20
MAX_FRAME_CELLS = 2_000_000


class Opaque:
    """A value of a type the wire cannot carry: its type name and a short ``repr``."""

    def __init__(self, type_name: str, text: str) -> None:
        self.type_name = type_name
        self.text = text

    def __repr__(self) -> str:
        return f"<{self.type_name}: {self.text}>"


class FigureInfo:
    """What a Matplotlib figure draws, as plain data (see :func:`describe_figure`).

    ``info.axes`` lists the plotting axes (colour bars excluded), each a dict with ``title``,
    ``xlabel``, ``ylabel``, ``xlim``, ``ylim``, ``xscale``, ``yscale``, ``xticks``, ``yticks``,
    ``xticklabels``,
    ``yticklabels``, ``lines``, ``patches``, ``collections``, ``images``, ``texts`` and
    ``legend``; ``info.colorbars`` counts the colour bars; ``info.rendered`` says whether the
    figure drew to PNG without error (``info.render_error`` says why not). Collections and
    images carry their colour map and colour limits (``cmap``, ``clim``); legends attached to
    the figure (seaborn grids) are in ``info.figure_legends``.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.axes: list[dict[str, Any]] = data["axes"]
        self.colorbars: int = data["colorbars"]
        self.suptitle: str = data["suptitle"]
        self.rendered: bool = data["rendered"]
        self.render_error: str = data["render_error"]
        self.returned: str = data["returned"]
        self.figure_legends: list[list[str]] = data.get("figure_legends", [])

    def __repr__(self) -> str:
        return f"<Figure with {len(self.axes)} axes>"


def _float(x: float) -> Any:
    if math.isfinite(x):
        return x
    return {"__float__": repr(x)}  # "nan", "inf", "-inf": strict JSON has no literal for them


def encode(value: Any, _depth: int = 0) -> Any:
    """Turn a Python value into a JSON-compatible structure."""
    if _depth > 20:
        return {"__opaque__": type(value).__name__, "repr": "nested too deeply"}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, complex):
        return {"__complex__": [_float(value.real), _float(value.imag)]}
    if isinstance(value, np.ndarray) and value.dtype.kind in _NUMERIC_KINDS:
        if value.nbytes > MAX_ARRAY_BYTES:
            return {"__opaque__": "numpy.ndarray", "repr": f"array too large: shape {value.shape}"}
        data = value.copy(order="C")  # (ascontiguousarray would turn 0-d into 1-d)
        return {
            "__ndarray__": base64.b64encode(data.tobytes()).decode("ascii"),
            "dtype": data.dtype.str,
            "shape": list(data.shape),
        }
    if isinstance(value, np.ndarray) and value.dtype.kind in "UO" and value.size <= 100_000:
        # labels such as array(['cat', 'dog']): element by element, with the shape
        items = [encode(v.item() if isinstance(v, np.generic) else v, _depth + 1)
                 for v in value.ravel().tolist()]
        return {"__objarray__": items, "kind": value.dtype.kind, "shape": list(value.shape)}
    if isinstance(value, np.generic) and value.dtype.kind in _NUMERIC_KINDS:
        return {"__npscalar__": encode(np.asarray(value), _depth + 1)}
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v, _depth + 1) for v in value]}
    if isinstance(value, list):
        return [encode(v, _depth + 1) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"__dict__": {k: encode(v, _depth + 1) for k, v in value.items()}}
    module = type(value).__module__
    if module.startswith("pandas") and "pandas" in sys.modules:
        encoded = _encode_pandas(value)
        if encoded is not None:
            return encoded
    if (module.startswith(("matplotlib", "seaborn"))) and "matplotlib" in sys.modules:
        encoded = _encode_figure(value)
        if encoded is not None:
            return encoded
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a learner's __repr__ may raise anything
        text = "<repr failed>"
    return {"__opaque__": f"{type(value).__module__}.{type(value).__qualname__}", "repr": text[:300]}


def decode(data: Any) -> Any:
    """Inverse of :func:`encode`; never executes code."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "__float__" in data:
        return float(data["__float__"])
    if "__complex__" in data:
        re, im = (decode(v) for v in data["__complex__"])
        return complex(re, im)
    if "__ndarray__" in data:
        dtype = np.dtype(data["dtype"])
        if dtype.kind not in _NUMERIC_KINDS:
            raise ValueError(f"refusing non-numeric dtype {dtype}")
        raw = base64.b64decode(data["__ndarray__"])
        return np.frombuffer(raw, dtype=dtype).reshape(tuple(data["shape"])).copy()
    if "__objarray__" in data:
        items = [decode(v) for v in data["__objarray__"]]
        out = np.empty(len(items), dtype=object)
        out[:] = items
        if data.get("kind") == "U" and all(isinstance(v, str) for v in items):
            out = out.astype(str)
        return out.reshape(tuple(data["shape"]))
    if "__npscalar__" in data:
        return decode(data["__npscalar__"])[()]
    if "__tuple__" in data:
        return tuple(decode(v) for v in data["__tuple__"])
    if "__dict__" in data:
        return {k: decode(v) for k, v in data["__dict__"].items()}
    if "__opaque__" in data:
        return Opaque(data["__opaque__"], data.get("repr", ""))
    if "__dataframe__" in data or "__series__" in data or "__index__" in data:
        return _decode_pandas(data)
    if "__timestamp__" in data:
        import pandas as pd

        return pd.Timestamp(data["__timestamp__"])
    if "__na__" in data:
        import pandas as pd

        return pd.NaT if data["__na__"] == "NaT" else pd.NA
    if "__figure__" in data:
        return FigureInfo(decode(data["__figure__"]))
    raise ValueError(f"unknown wire object with keys {sorted(data)}")


def dumps(value: Any) -> str:
    return json.dumps(encode(value), allow_nan=False)


def loads(text: str) -> Any:
    return decode(json.loads(text))


# --------------------------------------------------------------------------------------------
# pandas: column by column, with dtypes (no pickle, no code run on decoding)

def _encode_scalar(value: Any) -> Any:
    """One cell of an object column."""
    import pandas as pd

    if value is pd.NaT:
        return {"__na__": "NaT"}
    if value is pd.NA:
        return {"__na__": "NA"}
    if isinstance(value, pd.Timestamp):
        return {"__timestamp__": value.isoformat()}
    return encode(value, 19)


def _encode_values(values: Any) -> dict[str, Any]:
    """A Series' or Index's values with their dtype."""
    import pandas as pd

    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        cat = pd.Categorical(values)
        return {"kind": "category", "codes": encode(np.asarray(cat.codes)),
                "categories": _encode_values(cat.categories), "ordered": bool(dtype.ordered)}
    if isinstance(dtype, np.dtype) and dtype.kind in _NUMERIC_KINDS:
        return {"kind": "numpy", "data": encode(np.asarray(values))}
    if isinstance(dtype, np.dtype) and dtype.kind in "mM":
        return {"kind": "datetime", "dtype": str(dtype),
                "data": encode(np.asarray(values).view("i8"))}
    if isinstance(dtype, pd.DatetimeTZDtype):
        utc = pd.DatetimeIndex(values).tz_convert("UTC").tz_localize(None)
        return {"kind": "datetime", "dtype": str(dtype),
                "data": encode(np.asarray(utc.astype(f"datetime64[{dtype.unit}]")).view("i8"))}
    if isinstance(dtype, pd.StringDtype):
        return {"kind": "string", "dtype": str(dtype),
                "data": [None if pd.isna(v) else str(v) for v in values]}
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) and dtype.kind in "biuf":
        mask = np.asarray(pd.isna(values))
        numbers = np.asarray(pd.array(values).to_numpy(dtype=dtype.numpy_dtype, na_value=0))
        return {"kind": "masked", "dtype": str(dtype), "data": encode(numbers),
                "mask": encode(mask)}
    return {"kind": "object", "dtype": str(dtype), "data": [_encode_scalar(v) for v in values]}


def _encode_index(index: Any) -> dict[str, Any]:
    import pandas as pd

    if isinstance(index, pd.RangeIndex):
        return {"range": [index.start, index.stop, index.step], "name": encode(index.name, 19)}
    if isinstance(index, pd.MultiIndex):
        return {"levels": [_encode_values(index.get_level_values(i)) for i in range(index.nlevels)],
                "names": [encode(n, 19) for n in index.names]}
    return {"values": _encode_values(index), "name": encode(index.name, 19)}


def _encode_pandas(value: Any) -> Any:
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        if value.size > MAX_FRAME_CELLS:
            return {"__opaque__": "pandas.DataFrame", "repr": f"too large: shape {value.shape}"}
        return {"__dataframe__": {
            "columns": _encode_index(value.columns),
            "index": _encode_index(value.index),
            "data": [_encode_values(value.iloc[:, i]) for i in range(value.shape[1])],
        }}
    if isinstance(value, pd.Series):
        if value.size > MAX_FRAME_CELLS:
            return {"__opaque__": "pandas.Series", "repr": f"too large: length {value.size}"}
        return {"__series__": {"name": encode(value.name, 19), "index": _encode_index(value.index),
                               "data": _encode_values(value)}}
    if isinstance(value, pd.Index):
        return {"__index__": _encode_index(value)}
    if isinstance(value, pd.Timestamp):
        return {"__timestamp__": value.isoformat()}
    if value is pd.NaT:
        return {"__na__": "NaT"}
    if value is pd.NA:
        return {"__na__": "NA"}
    return None


_SAFE_DTYPE_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789[]_/:, +-")


def _dtype(name: str) -> Any:
    import pandas as pd

    if not set(name) <= _SAFE_DTYPE_CHARS:
        raise ValueError(f"refusing dtype {name!r}")
    return pd.api.types.pandas_dtype(name)


def _decode_values(data: dict[str, Any]) -> Any:
    """An array-like with the right dtype, ready for ``pd.Series`` or ``pd.Index``."""
    import pandas as pd

    kind = data["kind"]
    if kind == "numpy":
        return decode(data["data"])
    if kind == "category":
        categories = _decode_values(data["categories"])
        return pd.Categorical.from_codes(decode(data["codes"]), categories=categories,
                                         ordered=data["ordered"])
    if kind == "datetime":
        dtype = _dtype(data["dtype"])
        ints = decode(data["data"])
        if isinstance(dtype, pd.DatetimeTZDtype):
            return pd.DatetimeIndex(ints.view(f"M8[{dtype.unit}]")).tz_localize("UTC").tz_convert(dtype.tz)
        return ints.view(dtype)
    if kind == "string":
        return pd.array(data["data"], dtype=_dtype(data["dtype"]))
    if kind == "masked":
        dtype = _dtype(data["dtype"])
        values, mask = decode(data["data"]).tolist(), decode(data["mask"]).tolist()
        return pd.array([None if m else v for v, m in zip(values, mask, strict=True)], dtype=dtype)
    if kind == "object":
        values = np.empty(len(data["data"]), dtype=object)
        values[:] = [decode(v) for v in data["data"]]
        return values
    raise ValueError(f"unknown pandas values kind {kind!r}")


def _decode_index(data: dict[str, Any]) -> Any:
    import pandas as pd

    if "range" in data:
        return pd.RangeIndex(*data["range"], name=decode(data["name"]))
    if "levels" in data:
        return pd.MultiIndex.from_arrays([_decode_values(v) for v in data["levels"]],
                                         names=[decode(n) for n in data["names"]])
    return pd.Index(_decode_values(data["values"]), name=decode(data["name"]))


def _decode_pandas(data: dict[str, Any]) -> Any:
    import pandas as pd

    if "__index__" in data:
        return _decode_index(data["__index__"])
    if "__series__" in data:
        d = data["__series__"]
        return pd.Series(_decode_values(d["data"]), index=_decode_index(d["index"]),
                         name=decode(d["name"]), copy=False)
    d = data["__dataframe__"]
    columns = _decode_index(d["columns"])
    index = _decode_index(d["index"])
    frame = pd.DataFrame({i: pd.Series(_decode_values(v), index=index, copy=False)
                          for i, v in enumerate(d["data"])}, index=index)
    frame.columns = columns
    return frame


# --------------------------------------------------------------------------------------------
# Matplotlib figures: described, not pickled

def _color(c: Any) -> Any:
    from matplotlib.colors import to_hex

    try:
        return to_hex(c, keep_alpha=False)
    except (ValueError, TypeError):
        return None


def _array(values: Any) -> Any:
    try:
        arr: Any = np.ma.filled(np.ma.asarray(values, dtype=float), np.nan)
    except (TypeError, ValueError):
        return None
    return encode(np.asarray(arr, dtype=float))


def _describe_axes(ax: Any) -> dict[str, Any]:
    from matplotlib.patches import Rectangle

    lines = [{
        "label": str(line.get_label()),
        "xdata": _array(line.get_xdata()),
        "ydata": _array(line.get_ydata()),
        "color": _color(line.get_color()),
        "linestyle": str(line.get_linestyle()),
        "marker": str(line.get_marker()),
        "visible": bool(line.get_visible()),
    } for line in ax.lines]
    patches = []
    for patch in ax.patches:
        try:
            bbox = patch.get_path().transformed(patch.get_patch_transform()).get_extents()
            extents = [float(bbox.x0), float(bbox.y0), float(bbox.x1), float(bbox.y1)]
        except Exception:  # noqa: BLE001 - an unusual patch: keep the rest of the description
            extents = None
        item = {"type": type(patch).__name__, "bbox": extents, "label": str(patch.get_label()),
                "facecolor": _color(patch.get_facecolor()),
                "visible": bool(patch.get_visible())}
        if isinstance(patch, Rectangle):
            item.update(x=float(patch.get_x()), y=float(patch.get_y()),
                        width=float(patch.get_width()), height=float(patch.get_height()))
        patches.append(item)
    collections = []
    for coll in ax.collections:
        offsets = coll.get_offsets() if hasattr(coll, "get_offsets") else None
        mapped = coll.get_array() if hasattr(coll, "get_array") else None
        collections.append({
            "type": type(coll).__name__,
            "label": str(coll.get_label()),
            "offsets": _array(offsets) if offsets is not None else None,
            "array": _array(mapped) if mapped is not None else None,
            "facecolors": _array(coll.get_facecolor()),
            "sizes": _array(coll.get_sizes()) if hasattr(coll, "get_sizes") else None,
            "cmap": coll.get_cmap().name if mapped is not None else None,
            "clim": [_float(float(v)) if v is not None else None for v in coll.get_clim()]
            if mapped is not None else None,
        })
    images = [{"shape": list(np.shape(im.get_array())), "array": _array(im.get_array()),
               "cmap": im.get_cmap().name,
               "clim": [_float(float(v)) if v is not None else None for v in im.get_clim()]}
              for im in ax.images]
    texts = [{"text": t.get_text(), "x": float(t.get_position()[0]),
              "y": float(t.get_position()[1])} for t in ax.texts]
    legend = ax.get_legend()
    legend_info = None
    if legend is not None:
        legend_info = {"title": legend.get_title().get_text(),
                       "labels": [t.get_text() for t in legend.get_texts()]}
    return {
        "title": ax.get_title() or ax.get_title("left") or ax.get_title("right"),
        "xlabel": ax.get_xlabel(), "ylabel": ax.get_ylabel(),
        "xlim": [float(v) for v in ax.get_xlim()], "ylim": [float(v) for v in ax.get_ylim()],
        "xscale": ax.get_xscale(), "yscale": ax.get_yscale(),
        "xticks": _array(ax.get_xticks()), "yticks": _array(ax.get_yticks()),
        "xticklabels": [t.get_text() for t in ax.get_xticklabels()],
        "yticklabels": [t.get_text() for t in ax.get_yticklabels()],
        "lines": lines, "patches": patches, "collections": collections, "images": images,
        "texts": texts, "legend": legend_info,
    }


def describe_figure(fig: Any, returned: str = "Figure") -> dict[str, Any]:
    """Render ``fig`` to PNG (Agg) and describe what it draws, as JSON-ready data."""
    rendered, error = True, ""
    try:
        fig.canvas.draw()  # lays out ticks and legends, as rendering would
        fig.savefig(io.BytesIO(), format="png", dpi=40)
    except Exception as exc:  # noqa: BLE001 - the learner's figure may fail to draw
        rendered, error = False, f"{type(exc).__name__}: {exc}"[:500]
    plot_axes = [ax for ax in fig.axes if not hasattr(ax, "_colorbar")]
    legends = list(getattr(fig, "legends", []))
    info = {
        "returned": returned,
        "suptitle": fig._suptitle.get_text() if getattr(fig, "_suptitle", None) else "",
        "axes": [_describe_axes(ax) for ax in plot_axes],
        "colorbars": len(fig.axes) - len(plot_axes),
        "figure_legends": [[t.get_text() for t in lg.get_texts()] for lg in legends],
        "rendered": rendered,
        "render_error": error,
    }
    return info


def _encode_figure(value: Any) -> Any:
    from matplotlib.figure import Figure

    figure, returned = None, type(value).__name__
    if isinstance(value, Figure):
        figure = value
    elif type(value).__module__.startswith("seaborn") and isinstance(getattr(value, "figure", None),
                                                                     Figure):
        figure = value.figure  # a seaborn grid (PairGrid, FacetGrid): describe its figure
    if figure is None:
        return None
    info = describe_figure(figure, returned)
    try:
        import matplotlib.pyplot as plt

        plt.close(figure)
    except Exception:  # noqa: BLE001, S110 - closing only frees memory
        pass
    return {"__figure__": _plain(info)}


def _plain(value: Any) -> Any:
    """Encode the lists and dicts of a figure description (arrays already encoded)."""
    if isinstance(value, dict) and "__ndarray__" not in value and "__float__" not in value:
        return {"__dict__": {k: _plain(v) for k, v in value.items()}}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return _float(value)
    return value

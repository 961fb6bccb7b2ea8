from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from groundup.grading import wire


@given(hnp.arrays(dtype=st.sampled_from([np.float64, np.float32, np.int64, np.bool_,
                                          np.complex128]),
                  shape=hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)))
def test_arrays_round_trip_exactly(array):
    back = wire.loads(wire.dumps(array))
    assert back.dtype == array.dtype and back.shape == array.shape
    np.testing.assert_array_equal(back, array)


def test_plain_values_round_trip():
    value = {"a": (1, 2.5, float("nan")), "b": [None, True, "s", float("inf")],
             "c": np.float32(1.5), "d": 3 + 4j}
    back = wire.loads(wire.dumps(value))
    assert back["a"][:2] == (1, 2.5) and np.isnan(back["a"][2])
    assert back["b"] == [None, True, "s", float("inf")]
    assert back["c"].dtype == np.float32 and back["d"] == 3 + 4j


def test_unknown_objects_travel_as_descriptions_only():
    class Sneaky:
        def __repr__(self):
            return "Sneaky()"

    back = wire.loads(wire.dumps(Sneaky()))
    assert isinstance(back, wire.Opaque) and back.text == "Sneaky()"


def test_object_arrays_are_refused():
    with pytest.raises(ValueError, match="non-numeric"):
        wire.decode({"__ndarray__": "", "dtype": "|O", "shape": [0]})

"""Fuzz: hypothesis-drawn malformed inputs of every format through ingest.  Every input yields an
article or a reject with a short printable reason; nothing raises.  ``make test`` runs a short
pass; ``make fuzz`` a long one (TREATYWATCH_FUZZ_EXAMPLES) under a memory limit."""

from __future__ import annotations

import os
import resource
import tempfile
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatywatch import Ledger, api
from treatywatch.models import Reject

from .fuzzing import KINDS, MUTATIONS, make_input

EXAMPLES = int(os.environ.get("TREATYWATCH_FUZZ_EXAMPLES", "12"))

malformed = st.builds(make_input, kind=st.sampled_from(KINDS), mutation=st.sampled_from(MUTATIONS),
                      n=st.integers(0, 99_999), noise=st.binary(max_size=48), pos=st.integers(0, 1 << 30))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(batch=st.lists(malformed, min_size=1, max_size=6))
def test_malformed_inputs_never_stop_a_batch(extractor: object, batch: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder, Ledger.memory(baseline=False) as ledger:
        paths = []
        for i, (name, data) in enumerate(batch):
            path = os.path.join(folder, f"{i}_{name}")
            with open(path, "wb") as handle:
                handle.write(data)
            paths.append(path)
        for path in paths:
            items: list[object] = []
            started = time.monotonic()
            api.ingest([path], ledger, extractor, on_item=items.append)  # type: ignore[arg-type]
            assert items, f"{path!r} gave neither an article nor a reject"
            assert time.monotonic() - started < 30
            for item in items:
                if isinstance(item, Reject):
                    assert len(item.reason) <= 500 and "\n" not in item.source + item.reason
                    assert "\x1b" not in item.source
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1 << 20  # KiB: under 1 GiB

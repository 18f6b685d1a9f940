"""Stage 6: judging aligned pairs.

Typed checks register themselves by name on import (see ``registry``); the
pair judge (``judge.PairJudge``) combines them with the NLI signal (``nli``).
A new kind of check is one module here plus one line below.
"""

from consistency.judges import (  # noqa: F401  (imported to register the checks)
    attribution,
    dates,
    duration,
    entity,
    numeric,
    polarity,
)

"""The combiner's training script: what makes its output reproducible."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import train_combiner  # noqa: E402


class CountingNLI:
    name = "fake-nli"

    def __init__(self):
        self.asked = []

    def predict(self, pairs):
        self.asked += pairs
        return np.tile([0.1, 0.2, 0.7], (len(pairs), 1))


def test_train_combiner_sample_weights_counts_reviewed_real_pairs_like_other_real_pairs():
    weights = train_combiner.sample_weights(["real", "real:disagree", "snli:none"], 3.0)
    assert weights.tolist() == [3.0, 3.0, 1.0]


def test_train_combiner_recorded_command_keeps_model_options_and_drops_caches_and_output():
    args = ["--snli", "2000", "--features", "x.npz", "--nli-cache=c.pkl", "--out", "o.json",
            "--seed", "13"]
    assert train_combiner._reproducing_args(args) == ["--snli", "2000", "--seed", "13"]


def test_train_combiner_nli_cache_is_reused_by_the_same_version(tmp_path):
    cache = tmp_path / "nli.pkl"
    first = CountingNLI()
    train_combiner.RecordedNLI(first, cache).predict([("a", "b")])
    again = CountingNLI()
    out = train_combiner.RecordedNLI(again, cache).predict([("a", "b")])
    assert again.asked == [] and out.shape == (1, 3)


def test_train_combiner_nli_cache_from_another_version_is_not_reused(tmp_path, monkeypatch):
    cache = tmp_path / "nli.pkl"
    train_combiner.RecordedNLI(CountingNLI(), cache).predict([("a", "b")])
    monkeypatch.setattr(train_combiner, "nli_version", lambda nli: "another version")
    later = CountingNLI()
    train_combiner.RecordedNLI(later, cache).predict([("a", "b")])
    assert later.asked == [("a", "b")]


def test_train_combiner_nli_cache_in_the_old_format_is_not_reused(tmp_path):
    import pickle

    cache = tmp_path / "nli.pkl"
    cache.write_bytes(pickle.dumps({("a", "b"): np.zeros(3)}))  # readings with no version
    later = CountingNLI()
    train_combiner.RecordedNLI(later, cache).predict([("a", "b")])
    assert later.asked == [("a", "b")]


class FolderNLI:
    """A backend with a model folder, as OnnxNLI has."""

    def __init__(self, name, folder):
        self.name, self.folder = name, folder


def test_train_combiner_nli_version_changes_with_the_model_file(tmp_path):
    (tmp_path / "model.onnx").write_bytes(b"x" * 10)
    before = train_combiner.nli_version(FolderNLI("m", tmp_path))
    (tmp_path / "model.onnx").write_bytes(b"x" * 11)
    assert train_combiner.nli_version(FolderNLI("m", tmp_path)) != before


def test_train_combiner_nli_version_without_heads_ignores_the_packaged_heads(tmp_path,
                                                                            monkeypatch):
    package = tmp_path / "consistency"
    (package / "judges").mkdir(parents=True)
    (package / "models").mkdir()
    (package / "judges" / "nli.py").write_text("# nli code")
    head = package / "models" / "some_head.json"
    head.write_text("{}")
    monkeypatch.setattr(train_combiner, "ROOT", tmp_path)
    nli = CountingNLI()
    raw, with_heads = train_combiner.nli_version(nli, heads=False), train_combiner.nli_version(nli)
    head.write_text('{"retrained": true}')
    assert train_combiner.nli_version(nli, heads=False) == raw  # raw features: head-free
    assert train_combiner.nli_version(nli) != with_heads  # a reading goes through the head


def test_train_nli_head_feature_cache_is_keyed_by_the_nli_version(tmp_path, monkeypatch):
    import train_nli_head

    class Features:
        name = "fake-nli"
        calls = 0

        def features(self, pairs):
            Features.calls += 1
            return np.zeros((len(pairs), 2))

    data = train_nli_head.Dataset("d", [("a", "b")], ["neutral"], ["a"])
    train_nli_head.cached_features(Features(), data, tmp_path)
    train_nli_head.cached_features(Features(), data, tmp_path)
    assert Features.calls == 1
    monkeypatch.setattr(train_nli_head, "nli_version", lambda nli, heads=True: "another")
    train_nli_head.cached_features(Features(), data, tmp_path)
    assert Features.calls == 2

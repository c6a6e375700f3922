#!/usr/bin/env python3
"""Expected values for org.embdiff.inference's contract tests, computed with scipy/numpy.

Run once from this directory (python3 make_tables.py); it rewrites the *.tsv files beside it, whose
first lines record the versions used. The Java tests read these files and need no Python.
"""
import platform
import numpy as np
import scipy
from scipy import stats, special
from scipy.spatial.distance import jensenshannon

HEADER = "# made by make_tables.py with python %s, numpy %s, scipy %s\n" % (
    platform.python_version(), np.__version__, scipy.__version__)


def write(name, columns, rows):
    with open(name, "w") as f:
        f.write(HEADER)
        f.write("# " + "\t".join(columns) + "\n")
        for r in rows:
            f.write("\t".join(repr(float(x)) if not isinstance(x, str) else x for x in r) + "\n")


# normal: x, cdf, sf, pdf ; p, ppf
xs = [-38.0, -20.0, -8.5, -5.0, -3.0, -1.959963984540054, -1.0, -0.3, 0.0, 0.25, 1.0, 1.6448536269514722, 2.5, 6.0, 9.0]
write("normal_cdf.tsv", ["x", "cdf", "sf", "pdf"], [(x, stats.norm.cdf(x), stats.norm.sf(x), stats.norm.pdf(x)) for x in xs])
ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.1, 0.3, 0.5, 0.6, 0.9, 0.95, 0.975, 0.999, 1 - 1e-10]
write("normal_ppf.tsv", ["p", "ppf"], [(p, stats.norm.ppf(p)) for p in ps])

# student t: df, t, cdf, pdf ; df, p, ppf
dfs = [1, 2, 2.5, 5, 10, 29, 100, 1000]
ts = [-50.0, -6.0, -2.0, -0.5, 0.0, 0.7, 1.96, 3.0, 12.0]
write("t_cdf.tsv", ["df", "t", "cdf", "pdf"], [(d, t, stats.t.cdf(t, d), stats.t.pdf(t, d)) for d in dfs for t in ts])
tps = [1e-12, 1e-6, 0.001, 0.025, 0.05, 0.2, 0.5, 0.8, 0.95, 0.975, 0.9995]
write("t_ppf.tsv", ["df", "p", "ppf"], [(d, p, stats.t.ppf(p, d)) for d in dfs for p in tps])

rng = np.random.default_rng(20261202)

# quantiles (numpy's default, Hyndman & Fan type 7): sample id, p, value; samples in quantile_samples.tsv
samples = [rng.normal(size=7), rng.exponential(size=50), np.round(rng.normal(size=200) * 3), np.array([4.0]),
           np.array([1.0, 2.0])]
with open("quantile_samples.tsv", "w") as f:
    f.write(HEADER)
    for i, s in enumerate(samples):
        f.write(str(i) + "\t" + " ".join(repr(float(v)) for v in s) + "\n")
qps = [0.0, 0.01, 0.1, 0.25, 0.5, 0.731, 0.9, 0.975, 1.0]
write("quantiles.tsv", ["sample", "p", "quantile"], [(i, p, np.quantile(s, p)) for i, s in enumerate(samples) for p in qps])

# correlations: pairs in correlation_samples.tsv (x line, y line); expected pearson r, p, spearman rho, p
pairs = []
x = rng.normal(size=40); pairs.append((x, 0.6 * x + rng.normal(size=40)))
x = rng.exponential(size=25); pairs.append((x, np.exp(x) + rng.normal(scale=0.1, size=25)))
x = np.round(rng.normal(size=60) * 2); pairs.append((x, np.round(x + rng.normal(size=60))))  # many ties
x = rng.normal(size=12); pairs.append((x, -x + 1e-3 * rng.normal(size=12)))
with open("correlation_samples.tsv", "w") as f:
    f.write(HEADER)
    for i, (a, b) in enumerate(pairs):
        f.write(str(i) + "\t" + " ".join(repr(float(v)) for v in a) + "\t" + " ".join(repr(float(v)) for v in b) + "\n")
rows = []
for i, (a, b) in enumerate(pairs):
    pr = stats.pearsonr(a, b)
    sr = stats.spearmanr(a, b)
    rows.append((i, pr.statistic, pr.pvalue, sr.statistic, sr.pvalue))
write("correlations.tsv", ["pair", "pearson", "pearson_p", "spearman", "spearman_p"], rows)

# divergences: count vectors in divergence_samples.tsv; JS (bits), KL(P||Q) smoothed at lambda, entropy of P
dpairs = [(rng.poisson(5, size=30).astype(float), rng.poisson(5, size=30).astype(float)),
          (np.array([10.0, 0, 0, 3, 1]), np.array([0.0, 4, 1, 3, 0])),
          (rng.zipf(1.8, size=400).astype(float), rng.zipf(1.3, size=400).astype(float))]
with open("divergence_samples.tsv", "w") as f:
    f.write(HEADER)
    for i, (a, b) in enumerate(dpairs):
        f.write(str(i) + "\t" + " ".join(repr(float(v)) for v in a) + "\t" + " ".join(repr(float(v)) for v in b) + "\n")
rows = []
for i, (a, b) in enumerate(dpairs):
    for lam in (0.5, 0.01):
        V = len(a)
        ps_ = (a + lam) / (a.sum() + lam * V)
        qs_ = (b + lam) / (b.sum() + lam * V)
        rows.append((i, lam, jensenshannon(a / a.sum(), b / b.sum(), base=2) ** 2, stats.entropy(ps_, qs_, base=2),
                     stats.entropy(a[a > 0], base=2)))
write("divergences.tsv", ["pair", "lambda", "js_bits", "kl_bits", "entropy_p_bits"], rows)

# multiple comparisons: p-values, Holm (closed form, numpy) and Benjamini-Hochberg (scipy)
families = [rng.uniform(size=8) ** 3, np.array([0.01, 0.04, 0.03, 0.005, 0.2, 0.04]), np.array([0.5])]
rows = []
for i, p in enumerate(families):
    m = len(p)
    order = np.argsort(p, kind="stable")
    holm = np.empty(m)
    holm[order] = np.minimum(1, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    bh = stats.false_discovery_control(p, method="bh")
    for j in range(m):
        rows.append((i, p[j], holm[j], bh[j]))
write("multiple_comparisons.tsv", ["family", "p", "holm", "bh"], rows)

# BCa bootstrap: scipy.stats.bootstrap's interval, with the replicates it used (reproduced from the same
# generator) so the Java test can feed the same resamples to its BCa formula.
B = 1000
cases = [("mean", [rng.exponential(size=30)]),
         ("median", [rng.lognormal(sigma=1.0, size=41)]),
         ("mean_difference", [rng.exponential(size=25), rng.normal(loc=1.2, size=35)])]
funcs = {"mean": lambda x, axis=-1: np.mean(x, axis=axis),
         "median": lambda x, axis=-1: np.median(x, axis=axis),
         "mean_difference": lambda x, y, axis=-1: np.mean(x, axis=axis) - np.mean(y, axis=axis)}
with open("bca.tsv", "w") as f:
    f.write(HEADER)
    f.write("# case, statistic, level, scipy low, scipy high, then one line per sample, then a line of replicates\n")
    for k, (name, data) in enumerate(cases):
        seed = 1000 + k
        res = stats.bootstrap(tuple(data), funcs[name], n_resamples=B, method="BCa", confidence_level=0.95,
                              rng=np.random.default_rng(seed), vectorized=True)
        g = np.random.default_rng(seed)
        draws = [s[g.integers(0, len(s), (B, len(s)))] for s in data]
        reps = funcs[name](*draws, axis=-1)
        check = stats.bootstrap(tuple(data), funcs[name], n_resamples=B, method="percentile",
                                confidence_level=0.95, rng=np.random.default_rng(seed), vectorized=True)
        assert np.isclose(check.confidence_interval.low, np.percentile(reps, 2.5)), "replicates not reproduced"
        f.write("case\t%d\t%s\t0.95\t%r\t%r\t%d\n" % (k, name, float(res.confidence_interval.low),
                                                    float(res.confidence_interval.high), len(data)))
        for s in data:
            f.write("sample\t" + " ".join(repr(float(v)) for v in s) + "\n")
        f.write("replicates\t" + " ".join(repr(float(v)) for v in reps) + "\n")

# Nadeau-Bengio corrected resampled t (closed form with scipy's t): differences, n_test, n_train, t, p, low, high
nb = [(rng.normal(0.02, 0.01, size=50), 20.0, 80.0), (rng.normal(0.0, 0.05, size=10), 30.0, 270.0)]
with open("corrected_t.tsv", "w") as f:
    f.write(HEADER)
    f.write("# differences, n_test, n_train, t, p, low, high (95%)\n")
    for d, n2, n1 in nb:
        J = len(d)
        se = np.sqrt((1 / J + n2 / n1) * d.var(ddof=1))
        t = d.mean() / se
        p = 2 * stats.t.sf(abs(t), J - 1)
        h = stats.t.ppf(0.975, J - 1) * se
        f.write(" ".join(repr(float(v)) for v in d) + "\t%r\t%r\t%r\t%r\t%r\t%r\n" % (n2, n1, float(t), float(p),
                                                                                  float(d.mean() - h), float(d.mean() + h)))

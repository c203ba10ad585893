package org.txmsuite.xanes;

import org.txmsuite.core.TxmException;

/**
 * Pre-edge line, post-edge polynomial, E0 and edge step for spectra on one fixed energy grid, as
 * Larch 0.9.58 {@code pre_edge} does them (unweighted least squares on the raw points; E0 at the
 * largest derivative among points above 10 % of the maximum whose neighbours also pass, ignoring the
 * first and last 5 % of points; default ranges rounded to 5 eV; {@code edge_step = |post(E0) - pre(E0)|}).
 *
 * <p>E0 is always a grid point, so everything that depends on it (fit ranges, polynomial degree)
 * takes one of {@code n} values: for each possible E0 the fits are precomputed once as weight
 * vectors, and normalizing a spectrum is a derivative scan plus three short dot products.
 * Instances are immutable and thread-safe; per-thread scratch lives in {@link Work}.
 */
public final class Normalizer {
	/** Status of a spectrum after normalization. */
	public static final byte OK = 0, NOT_FINITE = 1, NO_EDGE = 2, BAD_RANGE = 3, NO_STEP = 4, LOW_STEP = 5;
	static final String[] STATUS = { "ok", "NaN or infinite values", "no edge in range", "fit range too short",
		"edge step not positive", "edge step below mask threshold" };

	/** Fits for one E0 grid index. */
	static final class Plan {
		final int ie0;
		final double e0, pre1, pre2, norm1, norm2;
		final int nnorm;
		int a1, a2, sLo;
		double[] wa, wb, s;
		String problem;

		Plan(int ie0, double e0, double pre1, double pre2, double norm1, double norm2, int nnorm) {
			this.ie0 = ie0;
			this.e0 = e0;
			this.pre1 = pre1;
			this.pre2 = pre2;
			this.norm1 = norm1;
			this.norm2 = norm2;
			this.nnorm = nnorm;
		}
	}

	private final double[] e;
	private final Plan[] plans;
	private final int nmin;

	public Normalizer(double[] energiesEv, NormalizeOptions o) {
		EnergyGrid.check(energiesEv, "energy grid");
		e = energiesEv.clone();
		int n = e.length;
		nmin = Math.max(3, (int) (n * 0.05));
		plans = new Plan[n];
		for (int i = 0; i < n; i++) plans[i] = plan(i, o);
	}

	public double[] energiesEv() { return e.clone(); }
	public int energyCount() { return e.length; }

	public static String statusText(int status) { return STATUS[status]; }

	private Plan plan(int ie0, NormalizeOptions o) {
		int n = e.length;
		double e0 = e[ie0], emin = e[0], emax = e[n - 1];
		double pre1 = o.pre1;
		if (Double.isNaN(pre1)) pre1 = ie0 > 20 ? 5.0 * Math.rint((e[1] - e0) / 5.0) : 2.0 * Math.rint((e[1] - e0) / 2.0);
		pre1 = Math.max(pre1, emin - e0);
		double pre2 = Double.isNaN(o.pre2) ? 5.0 * Math.rint(pre1 / 15.0) : o.pre2;
		if (pre1 > pre2) { double t = pre1; pre1 = pre2; pre2 = t; }
		double norm2 = Double.isNaN(o.norm2) ? 5.0 * Math.rint((emax - e0) / 5.0) : o.norm2;
		if (norm2 < 0) norm2 = emax - e0 - norm2;
		norm2 = Math.min(norm2, emax - e0);
		double norm1 = Double.isNaN(o.norm1) ? Math.min(150, 5.0 * Math.rint(norm2 / 15.0)) : o.norm1;
		if (norm1 > norm2) { double t = norm1; norm1 = norm2; norm2 = t; }
		int nnorm = o.nnorm;
		if (nnorm < 0) nnorm = norm2 - norm1 < 50 ? 0 : norm2 - norm1 < 350 ? 1 : 2;
		nnorm = Math.min(nnorm, 5);
		Plan p = new Plan(ie0, e0, pre1, pre2, norm1, norm2, nnorm);

		int a1 = indexOf(pre1 + e0), a2 = indexNearest(pre2 + e0);
		if (a2 - a1 < 2) a2 = Math.min(n, a1 + 2);
		int b1 = indexOf(norm1 + e0), b2 = indexNearest(norm2 + e0);
		if (b2 - b1 < 2) b2 = Math.min(n, b1 + 2);
		double preScale = Math.max(1, Math.max(Math.abs(e[a1] - e0), Math.abs(e[a2 - 1] - e0)));
		double[][] pre = LeastSquares.polynomial(e, a1, a2, 1, e0, preScale);
		if (pre == null) {
			p.problem = "pre-edge range " + EnergyGrid.fmt(pre1) + ".." + EnergyGrid.fmt(pre2) + " eV holds " + (a2 - a1) + " points; a line needs 2";
			return p;
		}
		double postScale = Math.max(1, Math.max(Math.abs(e[b1] - e0), Math.abs(e[b2 - 1] - e0)));
		double[][] post = LeastSquares.polynomial(e, b1, b2, nnorm, e0, postScale);
		if (post == null) {
			p.problem = "post-edge range " + EnergyGrid.fmt(norm1) + ".." + EnergyGrid.fmt(norm2) + " eV holds " + (b2 - b1)
				+ " points; a polynomial of degree " + nnorm + " needs " + (nnorm + 1);
			return p;
		}
		p.a1 = a1;
		p.a2 = a2;
		p.wa = pre[0];
		p.wb = new double[a2 - a1];
		for (int j = 0; j < p.wb.length; j++) p.wb[j] = pre[1][j] / preScale;
		// post(E0) - pre(E0) = v . (mu - pre) over the post window, v = value of the fitted polynomial at E0
		double[] v = post[0];
		double v0 = 0, v1 = 0;
		for (int j = 0; j < v.length; j++) { v0 += v[j]; v1 += v[j] * (e[b1 + j] - e0); }
		int lo = Math.min(a1, b1), hi = Math.max(a2, b2);
		p.sLo = lo;
		p.s = new double[hi - lo];
		for (int j = 0; j < v.length; j++) p.s[b1 + j - lo] += v[j];
		for (int j = 0; j < p.wa.length; j++) p.s[a1 + j - lo] -= v0 * p.wa[j] + v1 * p.wb[j];
		return p;
	}

	/** Larch's index_of: the last index with energy at or below x, 0 if x is below the grid. */
	int indexOf(double x) {
		if (x < e[0]) return 0;
		int i = 0;
		while (i + 1 < e.length && e[i + 1] <= x) i++;
		return i;
	}

	/** Larch's index_nearest: the first index of the energy nearest to x. */
	int indexNearest(double x) {
		int best = 0;
		for (int i = 1; i < e.length; i++) if (Math.abs(e[i] - x) < Math.abs(e[best] - x)) best = i;
		return best;
	}

	/** Per-thread scratch and the last spectrum's results. */
	public final class Work {
		final double[] mu = new double[e.length], dmu = new double[e.length];
		/** Normalized spectrum of the last call. */
		public final double[] norm = new double[e.length];
		public int ie0;
		public double e0, edgeStep, preOffset, preSlope;
		public byte status;

		public Normalizer normalizer() { return Normalizer.this; }

		/** The spectrum buffer to fill before {@link #run()}. */
		public double[] input() { return mu; }

		/** Normalizes the spectrum in {@link #input()}; returns the status. */
		public byte run() {
			return run(mu);
		}

		/** Normalizes {@code mu} (grid length, not changed); returns the status. */
		public byte run(double[] mu) {
			int n = e.length;
			for (int i = 0; i < n; i++)
				if (!Double.isFinite(mu[i])) return fail(NOT_FINITE);
			ie0 = findE0(mu, dmu);
			Plan p = plans[ie0];
			e0 = p.e0;
			if (p.problem != null) return fail(BAD_RANGE);
			double a = 0, b = 0, s = 0;
			for (int j = 0; j < p.wa.length; j++) {
				double m = mu[p.a1 + j];
				a += p.wa[j] * m;
				b += p.wb[j] * m;
			}
			for (int j = 0; j < p.s.length; j++) s += p.s[j] * mu[p.sLo + j];
			preOffset = a;
			preSlope = b;
			edgeStep = Math.abs(s);
			double inv = 1 / edgeStep;
			for (int i = 0; i < n; i++) norm[i] = (mu[i] - a - b * (e[i] - e0)) * inv;
			status = ie0 == 0 ? NO_EDGE : s > 0 ? OK : NO_STEP;
			return status;
		}

		private byte fail(byte st) {
			edgeStep = Double.NaN;
			if (st == NOT_FINITE) { ie0 = 0; e0 = Double.NaN; }
			java.util.Arrays.fill(norm, Double.NaN);
			status = st;
			return st;
		}

		public double pre1() { return plans[ie0].pre1; }
		public double pre2() { return plans[ie0].pre2; }
		public double norm1() { return plans[ie0].norm1; }
		public double norm2() { return plans[ie0].norm2; }
		public int nnorm() { return plans[ie0].nnorm; }
		/** Why the fits for this E0 are impossible, or null. */
		public String problem() { return plans[ie0].problem; }

		/** The pre-edge line at every energy of the grid. */
		public double preEdge(int i) { return preOffset + preSlope * (e[i] - e0); }
	}

	public Work work() {
		return new Work();
	}

	/** Larch's E0 rule on a finite spectrum; 0 if no point qualifies. */
	int findE0(double[] mu, double[] dmu) {
		int n = e.length;
		dmu[0] = (mu[1] - mu[0]) / (e[1] - e[0]);
		dmu[n - 1] = (mu[n - 1] - mu[n - 2]) / (e[n - 1] - e[n - 2]);
		for (int i = 1; i < n - 1; i++) dmu[i] = (mu[i + 1] - mu[i - 1]) / (e[i + 1] - e[i - 1]);
		double max = Double.NEGATIVE_INFINITY;
		for (int i = nmin; i < n - nmin; i++) max = Math.max(max, dmu[i]);
		double thr = max * 0.1, best = 0;
		int ib = 0;
		for (int i = nmin; i <= n - nmin; i++)
			if (dmu[i] > thr && dmu[i] > best && dmu[i - 1] > thr && dmu[i + 1] > thr) { best = dmu[i]; ib = i; }
		return ib;
	}

	/** Throws if the options make a fit impossible for an edge at {@code ie0} (for a clear message up front). */
	void requireFits(int ie0, String what) {
		if (plans[ie0].problem != null) throw new TxmException(what + ": " + plans[ie0].problem);
	}
}

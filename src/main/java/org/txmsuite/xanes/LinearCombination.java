package org.txmsuite.xanes;

import org.txmsuite.core.TxmException;

/**
 * Linear combination of reference spectra with non-negative weights, optionally summing to one, plus
 * an optional constant or linear background (unconstrained). The exact constrained least-squares
 * solution is found by enumerating the subsets of references that may be non-zero (few references,
 * so few subsets): each subset's solution is a precomputed affine map of the spectrum, and the best
 * feasible one is the optimum of the convex problem. R-factor = sum(residual^2) / sum(data^2).
 */
public final class LinearCombination {
	public enum Background { NONE, CONSTANT, LINEAR }

	public static final int MAX_REFERENCES = 6;

	private final int nRef, nBg, m, from;
	private final double[][] design; // m x (nRef + nBg)
	/** Per subset mask: coefficient map (cols x m) and offset (cols), null if degenerate. */
	private final double[][][] maps;
	private final double[][] offsets;
	private final boolean sumToOne;

	/**
	 * @param refs   reference spectra on the grid, {@code refs[r][i]}
	 * @param from   first grid index fitted; {@code to} exclusive
	 */
	public LinearCombination(double[] energiesEv, double[][] refs, int from, int to, boolean sumToOne, Background bg) {
		nRef = refs.length;
		if (nRef < 1 || nRef > MAX_REFERENCES)
			throw new TxmException(nRef + " reference spectra given; expected 1 to " + MAX_REFERENCES);
		nBg = bg == Background.NONE ? 0 : bg == Background.CONSTANT ? 1 : 2;
		this.from = from;
		m = to - from;
		int cols = nRef + nBg;
		if (m < cols + 1)
			throw new TxmException("fit range holds " + m + " energies; fitting " + cols + " components needs at least " + (cols + 1));
		double mid = 0.5 * (energiesEv[from] + energiesEv[to - 1]), half = Math.max(1, 0.5 * (energiesEv[to - 1] - energiesEv[from]));
		design = new double[m][cols];
		for (int i = 0; i < m; i++) {
			for (int r = 0; r < nRef; r++) {
				double v = refs[r][from + i];
				if (!Double.isFinite(v))
					throw new TxmException("reference " + (r + 1) + " does not cover " + EnergyGrid.fmt(energiesEv[from + i])
						+ " eV; expected references spanning the fitted energies");
				design[i][r] = v;
			}
			if (nBg > 0) design[i][nRef] = 1;
			if (nBg > 1) design[i][nRef + 1] = (energiesEv[from + i] - mid) / half;
		}
		int subsets = 1 << nRef;
		maps = new double[subsets][][];
		offsets = new double[subsets][];
		this.sumToOne = sumToOne;
		for (int s = sumToOne || nBg == 0 ? 1 : 0; s < subsets; s++) subset(s, sumToOne);
	}

	private void subset(int s, boolean sumToOne) {
		int k = Integer.bitCount(s) + nBg;
		int[] colOf = new int[k];
		int c = 0;
		for (int r = 0; r < nRef; r++) if ((s & (1 << r)) != 0) colOf[c++] = r;
		for (int b = 0; b < nBg; b++) colOf[c++] = nRef + b;
		double[][] a = new double[m][k];
		for (int i = 0; i < m; i++) for (int j = 0; j < k; j++) a[i][j] = design[i][colOf[j]];
		double[][] p = LeastSquares.pinv(a);
		if (p == null) return;
		double[] off = new double[k];
		if (sumToOne) {
			// x = x_u - G u (u.x_u - 1) / (u.G u), G = (A^T A)^-1, u = 1 on references
			double[][] g = new double[k][k];
			for (double[] row : a) for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) g[i][j] += row[i] * row[j];
			g = LeastSquares.invert(g);
			int kr = k - nBg;
			double[] gu = new double[k];
			double ugu = 0;
			for (int i = 0; i < k; i++) { for (int j = 0; j < kr; j++) gu[i] += g[i][j]; }
			for (int i = 0; i < kr; i++) ugu += gu[i];
			double[] up = new double[m];
			for (int j = 0; j < kr; j++) for (int i = 0; i < m; i++) up[i] += p[j][i];
			double[][] q = new double[k][m];
			for (int i = 0; i < k; i++) {
				for (int r = 0; r < m; r++) q[i][r] = p[i][r] - gu[i] * up[r] / ugu;
				off[i] = gu[i] / ugu;
			}
			p = q;
		}
		double[][] full = new double[nRef + nBg][];
		double[] fullOff = new double[nRef + nBg];
		for (int j = 0; j < k; j++) { full[colOf[j]] = p[j]; fullOff[colOf[j]] = off[j]; }
		maps[s] = full;
		offsets[s] = fullOff;
	}

	public int references() { return nRef; }

	/** Per-thread fit of one spectrum. */
	public final class Work {
		private final double[] x = new double[nRef + nBg], best = new double[nRef + nBg];
		/** Reference weights of the last fit. */
		public final double[] fractions = new double[nRef];
		public double rFactor;

		/** Fits the grid-length spectrum {@code y}; NaN results if it has non-finite values. */
		public void run(double[] y) {
			double ss = 0;
			for (int i = 0; i < m; i++) ss += y[from + i] * y[from + i];
			// without sum-to-one, all-zero weights are feasible
			double bestRes = sumToOne ? Double.POSITIVE_INFINITY : ss;
			java.util.Arrays.fill(best, 0);
			for (int s = maps.length - 1; s >= 0; s--) {
				double[][] map = maps[s];
				if (map == null) continue;
				boolean feasible = true;
				for (int j = 0; j < x.length; j++) {
					if (map[j] == null) { x[j] = 0; continue; }
					double v = offsets[s][j];
					double[] row = map[j];
					for (int i = 0; i < m; i++) v += row[i] * y[from + i];
					x[j] = v;
					if (j < nRef && v < 0) { feasible = false; break; }
				}
				if (!feasible) continue;
				double res = 0;
				for (int i = 0; i < m; i++) {
					double f = 0;
					double[] d = design[i];
					for (int j = 0; j < x.length; j++) f += d[j] * x[j];
					double r = y[from + i] - f;
					res += r * r;
				}
				if (res < bestRes) { bestRes = res; System.arraycopy(x, 0, best, 0, x.length); }
			}
			if (!(bestRes < Double.POSITIVE_INFINITY) || !(ss > 0)) {
				java.util.Arrays.fill(fractions, Double.NaN);
				rFactor = Double.NaN;
				return;
			}
			System.arraycopy(best, 0, fractions, 0, nRef);
			rFactor = bestRes / ss;
		}
	}

	public Work work() {
		return new Work();
	}
}

package org.txmsuite.xanes;

/**
 * Small dense linear least squares, done once per energy grid (never per pixel): the pseudo-inverse
 * of a fixed design matrix turns every later fit into dot products.
 */
final class LeastSquares {
	private LeastSquares() {}

	/**
	 * Pseudo-inverse {@code (A^T A)^-1 A^T} of a full-column-rank design matrix {@code a[m][k]}, as
	 * {@code k x m}; null if the columns are (numerically) dependent or there are fewer rows than columns.
	 */
	static double[][] pinv(double[][] a) {
		int m = a.length, k = m == 0 ? 0 : a[0].length;
		if (m < k || k == 0) return null;
		double[][] g = new double[k][k];
		for (double[] row : a)
			for (int i = 0; i < k; i++)
				for (int j = 0; j < k; j++) g[i][j] += row[i] * row[j];
		double[][] inv = invert(g);
		if (inv == null) return null;
		double[][] p = new double[k][m];
		for (int i = 0; i < k; i++)
			for (int r = 0; r < m; r++) {
				double s = 0;
				for (int j = 0; j < k; j++) s += inv[i][j] * a[r][j];
				p[i][r] = s;
			}
		return p;
	}

	/** Inverse of a small symmetric positive (semi)definite matrix by Gauss-Jordan with pivoting; null if singular. */
	static double[][] invert(double[][] g) {
		int k = g.length;
		double[][] a = new double[k][2 * k];
		double scale = 0;
		for (int i = 0; i < k; i++) {
			System.arraycopy(g[i], 0, a[i], 0, k);
			a[i][k + i] = 1;
			scale = Math.max(scale, Math.abs(g[i][i]));
		}
		for (int c = 0; c < k; c++) {
			int piv = c;
			for (int r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
			if (!(Math.abs(a[piv][c]) > 1e-12 * scale)) return null;
			double[] t = a[c]; a[c] = a[piv]; a[piv] = t;
			double d = a[c][c];
			for (int j = 0; j < 2 * k; j++) a[c][j] /= d;
			for (int r = 0; r < k; r++) {
				if (r == c || a[r][c] == 0) continue;
				double f = a[r][c];
				for (int j = 0; j < 2 * k; j++) a[r][j] -= f * a[c][j];
			}
		}
		double[][] inv = new double[k][k];
		for (int i = 0; i < k; i++) System.arraycopy(a[i], k, inv[i], 0, k);
		return inv;
	}

	/** Pseudo-inverse of a polynomial fit of degree {@code deg} to points {@code x[from..to)}, in {@code t = (x - x0) / scale}. */
	static double[][] polynomial(double[] x, int from, int to, int deg, double x0, double scale) {
		double[][] a = new double[to - from][deg + 1];
		for (int r = from; r < to; r++) {
			double t = (x[r] - x0) / scale, p = 1;
			for (int j = 0; j <= deg; j++) { a[r - from][j] = p; p *= t; }
		}
		return pinv(a);
	}
}

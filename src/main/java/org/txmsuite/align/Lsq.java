package org.txmsuite.align;

/** Small least-squares fits over rotation angles. */
final class Lsq {
	private Lsq() {}

	/** Coefficients {a, b, c} of v ~ a + b cos(theta) + c sin(theta) (theta in degrees). */
	static double[] fit(double[] v, double[] anglesDeg) {
		double[][] m = new double[3][4];
		for (int i = 0; i < v.length; i++) {
			double t = Math.toRadians(anglesDeg[i]);
			double[] f = { 1, Math.cos(t), Math.sin(t) };
			for (int r = 0; r < 3; r++) {
				for (int c = 0; c < 3; c++) m[r][c] += f[r] * f[c];
				m[r][3] += f[r] * v[i];
			}
		}
		return solve(m);
	}

	/** Solves an augmented n x (n+1) system by Gaussian elimination with partial pivoting (ridge-guarded). */
	static double[] solve(double[][] m) {
		int n = m.length;
		for (int i = 0; i < n; i++) m[i][i] += 1e-12 * (1 + Math.abs(m[i][i]));
		for (int c = 0; c < n; c++) {
			int piv = c;
			for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
			double[] t = m[c]; m[c] = m[piv]; m[piv] = t;
			for (int r = c + 1; r < n; r++) {
				double f = m[r][c] / m[c][c];
				for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
			}
		}
		double[] x = new double[n];
		for (int r = n - 1; r >= 0; r--) {
			double s = m[r][n];
			for (int k = r + 1; k < n; k++) s -= m[r][k] * x[k];
			x[r] = s / m[r][r];
		}
		return x;
	}
}

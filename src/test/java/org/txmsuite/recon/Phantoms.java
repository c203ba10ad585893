package org.txmsuite.recon;

import org.txmsuite.sim.Phantom2D;

/**
 * Test ground truth independent of the suite's projector: the modified Shepp-Logan ellipse phantom of
 * {@link Phantom2D}, rasterized by area sampling and projected analytically (closed-form ellipse chord
 * lengths, detector pixels averaged over sub-positions); plus the error measures RMSE and SSIM.
 */
final class Phantoms {
	private Phantoms() {}

	/** The modified Shepp-Logan phantom rasterized on n x n pixels (s x s samples per pixel). */
	static float[] sheppLogan(int n, int s) {
		return Phantom2D.sheppLogan().rasterize(n, s);
	}

	static float[] sheppLogan(int n) {
		return sheppLogan(n, 4);
	}

	/** Its analytic sinogram {@code float[angles*w]}, each detector pixel averaging {@code ss} line integrals. */
	static float[] sheppLoganSinogram(int n, int w, double center, double[] anglesDeg, int ss) {
		float[][] rows = Phantom2D.sheppLogan().sinogram(n, anglesDeg, w, center, ss);
		float[] sino = new float[anglesDeg.length * w];
		for (int a = 0; a < rows.length; a++) System.arraycopy(rows[a], 0, sino, a * w, w);
		return sino;
	}

	/**
	 * A second test object, unlike Shepp-Logan's thin bright skull: thick piecewise-constant plateaus
	 * (overlapping ellipses, values 0.1 to 0.9, no thin rim).
	 */
	static Phantom2D plateaus() {
		return new Phantom2D().ellipse(0.3, .7, .5, 0, 0, 30).ellipse(0.4, .25, .15, .2, .1, -20)
			.ellipse(0.6, .12, .12, -.3, -.1, 0).ellipse(-0.2, .1, .2, 0, -.25, 60).ellipse(0.5, .2, .06, -.2, .3, 10);
	}

	/**
	 * A 2D cut through a diamond-anvil-cell sample: a weakly absorbing pressure medium, a low-Z core with
	 * a thin strongly absorbing (Pt-like) shell, two beads.
	 */
	static Phantom2D dacSlice() {
		return new Phantom2D().ellipse(0.05, .85, .85, 0, 0, 0).ellipse(1.0, .42, .30, .05, -.05, 25)
			.ellipse(-0.75, .38, .26, .05, -.05, 25).ellipse(0.5, .05, .05, -.45, .45, 0).ellipse(0.4, .04, .04, .5, .35, 0);
	}

	/** Analytic sinogram {@code float[angles*n]} of any ellipse phantom (n-pixel detector, centre (n-1)/2). */
	static float[] sinogram(Phantom2D p, int n, double[] anglesDeg, int ss) {
		float[][] rows = p.sinogram(n, anglesDeg, n, (n - 1) / 2.0, ss);
		float[] sino = new float[anglesDeg.length * n];
		for (int a = 0; a < rows.length; a++) System.arraycopy(rows[a], 0, sino, a * n, n);
		return sino;
	}

	/**
	 * Photon noise on a sinogram: the absorbances are scaled so the largest is 2 (transmission 14 %),
	 * {@code photons} counts per pixel without sample (1e4: 1 % noise in the open beam), Gaussian
	 * approximation of the Poisson counts, then -ln and scaled back.
	 */
	static void photonNoise(float[] sino, double photons, long seed) {
		float max = 0;
		for (float v : sino) max = Math.max(max, v);
		double s = 2 / max;
		java.util.Random r = new java.util.Random(seed);
		for (int i = 0; i < sino.length; i++) {
			double mean = photons * Math.exp(-sino[i] * s);
			double counts = Math.max(1, mean + Math.sqrt(mean) * r.nextGaussian());
			sino[i] = (float) (-Math.log(counts / photons) / s);
		}
	}

	static double[] range(double start, double step, int count) {
		double[] a = new double[count];
		for (int i = 0; i < count; i++) a[i] = start + i * step;
		return a;
	}

	static double rmse(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			double d = a[i] - b[i];
			s += d * d;
		}
		return Math.sqrt(s / a.length);
	}

	/**
	 * Mean structural similarity (Wang et al. 2004) with a 7x7 uniform window, data range L,
	 * K1 = 0.01, K2 = 0.03 (scikit-image's defaults without Gaussian weighting).
	 */
	static double ssim(float[] x, float[] y, int n, double range) {
		double c1 = Math.pow(0.01 * range, 2), c2 = Math.pow(0.03 * range, 2);
		int r = 3, m = 2 * r + 1, np = m * m;
		double sum = 0;
		int count = 0;
		for (int j = r; j < n - r; j++)
			for (int i = r; i < n - r; i++) {
				double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
				for (int q = -r; q <= r; q++)
					for (int p = -r; p <= r; p++) {
						double a = x[(j + q) * n + i + p], b = y[(j + q) * n + i + p];
						sx += a;
						sy += b;
						sxx += a * a;
						syy += b * b;
						sxy += a * b;
					}
				double mx = sx / np, my = sy / np;
				double cov = np / (np - 1.0);
				double vx = (sxx / np - mx * mx) * cov, vy = (syy / np - my * my) * cov, vxy = (sxy / np - mx * my) * cov;
				sum += (2 * mx * my + c1) * (2 * vxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
				count++;
			}
		return sum / count;
	}
}

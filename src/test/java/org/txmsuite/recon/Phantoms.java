package org.txmsuite.recon;

/**
 * Test ground truth independent of the suite's projector: the modified (Toft) Shepp-Logan ellipse
 * phantom, rendered by area sampling and projected analytically (closed-form ellipse chord lengths,
 * detector pixels averaged over sub-positions). Phantom units: +-1 maps to +-n/2 pixels.
 */
final class Phantoms {
	private Phantoms() {}

	/** value, semi-axis a, semi-axis b, x0, y0, rotation (deg) */
	static final double[][] SHEPP_LOGAN = {
		{ 1, .69, .92, 0, 0, 0 }, { -.8, .6624, .874, 0, -.0184, 0 }, { -.2, .11, .31, .22, 0, -18 },
		{ -.2, .16, .41, -.22, 0, 18 }, { .1, .21, .25, 0, .35, 0 }, { .1, .046, .046, 0, .1, 0 },
		{ .1, .046, .046, 0, -.1, 0 }, { .1, .046, .023, -.08, -.605, 0 }, { .1, .023, .023, 0, -.606, 0 },
		{ .1, .023, .046, .06, -.605, 0 } };

	/** Area-averaged image (ss x ss samples per pixel), pixel (i,j) centred at x=i-cx, y=j-cx. */
	static float[] image(double[][] ellipses, int n, double cx, int ss) {
		float[] img = new float[n * n];
		double s = n / 2.0;
		for (int j = 0; j < n; j++)
			for (int i = 0; i < n; i++) {
				double acc = 0;
				for (int q = 0; q < ss; q++)
					for (int p = 0; p < ss; p++) {
						double x = (i - cx + (p + 0.5) / ss - 0.5) / s, y = (j - cx + (q + 0.5) / ss - 0.5) / s;
						for (double[] e : ellipses) {
							double t = Math.toRadians(e[5]), c = Math.cos(t), sn = Math.sin(t);
							double xr = (x - e[3]) * c + (y - e[4]) * sn, yr = -(x - e[3]) * sn + (y - e[4]) * c;
							if (xr * xr / (e[1] * e[1]) + yr * yr / (e[2] * e[2]) <= 1) acc += e[0];
						}
					}
				img[j * n + i] = (float) (acc / (ss * ss));
			}
		return img;
	}

	static float[] image(double[][] ellipses, int n) {
		return image(ellipses, n, (n - 1) / 2.0, 4);
	}

	/**
	 * Analytic sinogram {@code float[angles*w]} of a phantom for an n-pixel slice, detector centre
	 * {@code center}; each detector pixel averages {@code ss} positions across its width.
	 */
	static float[] sinogram(double[][] ellipses, int n, int w, double center, double[] anglesDeg, int ss) {
		float[] sino = new float[anglesDeg.length * w];
		double s = n / 2.0;
		for (int a = 0; a < anglesDeg.length; a++) {
			double th = Math.toRadians(anglesDeg[a]), ct = Math.cos(th), st = Math.sin(th);
			for (int u = 0; u < w; u++) {
				double acc = 0;
				for (int q = 0; q < ss; q++) {
					double t = (u - center + (q + 0.5) / ss - 0.5) / s;
					for (double[] e : ellipses) {
						double phi = Math.toRadians(e[5]);
						double ca = Math.cos(th - phi), sa = Math.sin(th - phi);
						double a2 = e[1] * e[1] * ca * ca + e[2] * e[2] * sa * sa;
						double d = t - (e[3] * ct + e[4] * st);
						if (d * d < a2) acc += 2 * e[0] * e[1] * e[2] / a2 * Math.sqrt(a2 - d * d);
					}
				}
				sino[a * w + u] = (float) (acc / ss * s);
			}
		}
		return sino;
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

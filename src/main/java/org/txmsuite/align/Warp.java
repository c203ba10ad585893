package org.txmsuite.align;

/**
 * Similarity warps (shift and isotropic scale about the image centre) with Catmull-Rom cubic
 * interpolation, and their Gauss-Newton fit. A warp {dx, dy, s} maps x to c + s (x - c) + d.
 */
final class Warp {
	private Warp() {}

	/** out(x) = img(c + s (x - c) + d); outside the image the nearest edge value. */
	static float[] apply(float[] img, int w, int h, double dx, double dy, double s) {
		float[] out = new float[w * h];
		double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				out[y * w + x] = (float) cubic(img, w, h, cx + s * (x - cx) + dx, cy + s * (y - cy) + dy);
		return out;
	}

	private static double kernel(double t) {
		t = Math.abs(t);
		if (t < 1) return 1.5 * t * t * t - 2.5 * t * t + 1;
		if (t < 2) return -0.5 * t * t * t + 2.5 * t * t - 4 * t + 2;
		return 0;
	}

	/** Catmull-Rom interpolation at (x, y), edge-clamped. */
	static double cubic(float[] img, int w, int h, double x, double y) {
		int ix = (int) Math.floor(x), iy = (int) Math.floor(y);
		double fx = x - ix, fy = y - iy, sum = 0;
		for (int j = -1; j <= 2; j++) {
			int yy = Math.min(h - 1, Math.max(0, iy + j));
			double ky = kernel(j - fy), row = 0;
			if (ky == 0) continue;
			for (int i = -1; i <= 2; i++) {
				int xx = Math.min(w - 1, Math.max(0, ix + i));
				row += kernel(i - fx) * img[yy * w + xx];
			}
			sum += ky * row;
		}
		return sum;
	}

	/** |grad| of the image smoothed by a Gaussian of {@code sigma} pixels (central differences). */
	static float[] gradientMagnitude(float[] img, int w, int h, double sigma) {
		float[] s = gauss(img, w, h, sigma), g = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int xm = Math.max(0, x - 1), xp = Math.min(w - 1, x + 1), ym = Math.max(0, y - 1), yp = Math.min(h - 1, y + 1);
				double gx = (s[y * w + xp] - s[y * w + xm]) / (xp - xm), gy = (s[yp * w + x] - s[ym * w + x]) / (yp - ym);
				g[y * w + x] = (float) Math.sqrt(gx * gx + gy * gy);
			}
		return g;
	}

	static float[] gauss(float[] img, int w, int h, double sigma) {
		int r = (int) Math.ceil(3 * sigma);
		double[] k = new double[2 * r + 1];
		double ks = 0;
		for (int i = -r; i <= r; i++) ks += k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= ks;
		float[] t = new float[w * h], o = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double v = 0;
				for (int i = -r; i <= r; i++) v += k[i + r] * img[y * w + Math.min(w - 1, Math.max(0, x + i))];
				t[y * w + x] = (float) v;
			}
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double v = 0;
				for (int i = -r; i <= r; i++) v += k[i + r] * t[Math.min(h - 1, Math.max(0, y + i)) * w + x];
				o[y * w + x] = (float) v;
			}
		return o;
	}

	/**
	 * Gauss-Newton fit of {dx, dy, s} (and a gain and offset) such that
	 * gain * frame(c + s (x - c) + d) + offset = template(x), over pixels whose warped position stays
	 * 3 pixels inside the frame. Starts from {@code start}; returns {dx, dy, s}.
	 */
	static double[] fit(float[] template, float[] frame, int w, int h, double[] start, boolean fitScale) {
		double dx = start[0], dy = start[1], s = start[2], gain = 1, off = 0;
		double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
		int np = 5;
		for (int it = 0; it < 30; it++) {
			double[][] m = new double[np][np + 1];
			double[] jv = new double[np];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double u = cx + s * (x - cx) + dx, v = cy + s * (y - cy) + dy;
					if (u < 3 || v < 3 || u > w - 4 || v > h - 4) continue;
					double f = cubic(frame, w, h, u, v);
					double fx = (cubic(frame, w, h, u + 0.5, v) - cubic(frame, w, h, u - 0.5, v));
					double fy = (cubic(frame, w, h, u, v + 0.5) - cubic(frame, w, h, u, v - 0.5));
					double r = template[y * w + x] - (gain * f + off);
					jv[0] = gain * fx;
					jv[1] = gain * fy;
					jv[2] = fitScale ? gain * (fx * (x - cx) + fy * (y - cy)) : 0;
					jv[3] = f;
					jv[4] = 1;
					for (int a = 0; a < np; a++) {
						for (int b = a; b < np; b++) m[a][b] += jv[a] * jv[b];
						m[a][np] += jv[a] * r;
					}
				}
			for (int a = 0; a < np; a++) for (int b = 0; b < a; b++) m[a][b] = m[b][a];
			if (!fitScale) {
				for (int b = 0; b <= np; b++) m[2][b] = 0;
				for (int a = 0; a < np; a++) m[a][2] = 0;
				m[2][2] = 1;
			}
			double[] d = Lsq.solve(m);
			if (!(Double.isFinite(d[0]) && Double.isFinite(d[1]) && Double.isFinite(d[2]))) break;
			// damping: at most 1 px and 1 % per step (a converging fit takes far smaller steps; an
			// ill-conditioned one, e.g. when the gain collapses, cannot jump across the field)
			double k = Math.min(1, Math.min(1 / Math.max(1e-300, Math.hypot(d[0], d[1])), 0.01 / Math.max(1e-300, Math.abs(d[2]))));
			for (int a = 0; a < np; a++) d[a] *= k;
			dx += d[0];
			dy += d[1];
			s += d[2];
			gain += d[3];
			off += d[4];
			if (Math.abs(d[0]) < 1e-5 && Math.abs(d[1]) < 1e-5 && Math.abs(d[2]) < 1e-7) break;
		}
		return new double[] { dx, dy, s };
	}
}

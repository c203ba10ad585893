package org.txmsuite.xanes;

/** Separable box mean of one plane that ignores NaN pixels (they stay NaN). */
final class BoxFilter {
	private BoxFilter() {}

	static void mean(float[] a, int w, int h, int r) {
		float[] sum = new float[w * h], cnt = new float[w * h];
		double[] rs = new double[Math.max(w, h) + 1], rc = new double[Math.max(w, h) + 1];
		for (int y = 0; y < h; y++) {
			rs[0] = rc[0] = 0;
			for (int x = 0; x < w; x++) {
				float v = a[y * w + x];
				boolean ok = !Float.isNaN(v);
				rs[x + 1] = rs[x] + (ok ? v : 0);
				rc[x + 1] = rc[x] + (ok ? 1 : 0);
			}
			for (int x = 0; x < w; x++) {
				int lo = Math.max(0, x - r), hi = Math.min(w, x + r + 1);
				sum[y * w + x] = (float) (rs[hi] - rs[lo]);
				cnt[y * w + x] = (float) (rc[hi] - rc[lo]);
			}
		}
		for (int x = 0; x < w; x++) {
			rs[0] = rc[0] = 0;
			for (int y = 0; y < h; y++) {
				rs[y + 1] = rs[y] + sum[y * w + x];
				rc[y + 1] = rc[y] + cnt[y * w + x];
			}
			for (int y = 0; y < h; y++) {
				if (Float.isNaN(a[y * w + x])) continue;
				int lo = Math.max(0, y - r), hi = Math.min(h, y + r + 1);
				a[y * w + x] = (float) ((rs[hi] - rs[lo]) / (rc[hi] - rc[lo]));
			}
		}
	}
}

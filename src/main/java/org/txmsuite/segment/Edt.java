package org.txmsuite.segment;

import java.util.stream.IntStream;

/**
 * Exact squared Euclidean distance transform on anisotropic voxel grids (Felzenszwalb and
 * Huttenlocher, "Distance transforms of sampled functions", Theory of Computing 8, 2012): three
 * separable passes of the 1D lower envelope of parabolas, along x, y and z, each parallel over lines.
 * Distances are in physical units (the voxel spacings given), so a ball of radius r is {@code d2 <= r*r}.
 */
public final class Edt {
	private Edt() {}

	/** Marks the voxels distances are measured to. */
	@FunctionalInterface
	public interface Feature {
		boolean at(int z, int i);
	}

	/**
	 * Squared distance from each voxel to the nearest feature voxel, written into {@code out}
	 * ({@code depth} slices of {@code w*h}); {@link Float#POSITIVE_INFINITY} if there is no feature.
	 */
	public static void squared(Feature feature, int w, int h, int d, double sx, double sy, double sz, float[][] out) {
		final float inf = Float.POSITIVE_INFINITY;
		IntStream.range(0, d).parallel().forEach(z -> {
			float[] o = out[z];
			Line line = new Line(Math.max(w, h));
			for (int y = 0; y < h; y++) {
				int row = y * w;
				for (int x = 0; x < w; x++) line.f[x] = feature.at(z, row + x) ? 0 : inf;
				line.transform(w, sx * sx);
				for (int x = 0; x < w; x++) o[row + x] = (float) line.out[x];
			}
			for (int x = 0; x < w; x++) {
				for (int y = 0; y < h; y++) line.f[y] = o[y * w + x];
				line.transform(h, sy * sy);
				for (int y = 0; y < h; y++) o[y * w + x] = (float) line.out[y];
			}
		});
		if (d == 1) return;
		IntStream.range(0, h).parallel().forEach(y -> {
			Line line = new Line(d);
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				for (int z = 0; z < d; z++) line.f[z] = out[z][i];
				line.transform(d, sz * sz);
				for (int z = 0; z < d; z++) out[z][i] = (float) line.out[z];
			}
		});
	}

	/** Work arrays for one line (one per task, reused along its lines). */
	private static final class Line {
		final double[] f, out, zb;
		final int[] v;

		Line(int n) {
			f = new double[n];
			out = new double[n];
			v = new int[n];
			zb = new double[n + 1];
		}

		/** out[p] = min_q (s2 (p - q)^2 + f[q]) over q with finite f. */
		void transform(int n, double s2) {
			int k = -1;
			for (int q = 0; q < n; q++) {
				if (f[q] == Double.POSITIVE_INFINITY) continue;
				double fq = f[q] + s2 * q * q;
				double s = Double.NEGATIVE_INFINITY;
				while (k >= 0) {
					int p = v[k];
					s = (fq - (f[p] + s2 * p * p)) / (2 * s2 * (q - p));
					if (s <= zb[k]) k--;
					else break;
				}
				k++;
				v[k] = q;
				zb[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
				zb[k + 1] = Double.POSITIVE_INFINITY;
			}
			if (k < 0) {
				for (int p = 0; p < n; p++) out[p] = Double.POSITIVE_INFINITY;
				return;
			}
			int j = 0;
			for (int p = 0; p < n; p++) {
				while (zb[j + 1] < p) j++;
				double dq = p - v[j];
				out[p] = s2 * dq * dq + f[v[j]];
			}
		}
	}
}

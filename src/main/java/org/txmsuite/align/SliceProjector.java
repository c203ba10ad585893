package org.txmsuite.align;

/**
 * Parallel-beam Joseph projector and its exact adjoint for square slices of the alignment loop's own
 * model, in the suite's geometry: slice pixel (i, j) has centre x = i - (N-1)/2, y = j - (N-1)/2, and
 * at angle theta it projects to detector u = x cos + y sin + center (pixels; detector bin k at u = k).
 * A ray steps through rows (|cos| >= |sin|) or columns, interpolating linearly between two pixels, with
 * weight 1/max(|cos|,|sin|). Sinograms live inside the projection frames: the slice's row {@code z} of
 * frame {@code a} ({@code proj[a][z*W + k]}), so no transposition is needed. Plan tables are
 * immutable; per-thread scratch is in {@link Work}.
 */
final class SliceProjector {
	final int n, bins, angles;
	private final boolean[] rows;
	private final double[] slope, weight;
	private final double[][] offset;
	private final int[][] kmin, kmax;

	/** Per-thread scratch: zero-padded slice and transpose, and back-projection accumulators. */
	static final class Work {
		final float[] p, pt, b, bt;
		final float[] line;

		Work(SliceProjector g) {
			int s = g.n * (g.n + 2);
			p = new float[s];
			pt = new float[s];
			b = new float[s];
			bt = new float[s];
			line = new float[g.bins];
		}
	}

	SliceProjector(int n, int bins, double[] anglesDeg, double center) {
		this.n = n;
		this.bins = bins;
		angles = anglesDeg.length;
		rows = new boolean[angles];
		slope = new double[angles];
		weight = new double[angles];
		offset = new double[angles][n];
		kmin = new int[angles][n];
		kmax = new int[angles][n];
		double h = (n - 1) / 2.0;
		for (int a = 0; a < angles; a++) {
			double t = Math.toRadians(anglesDeg[a]), c = Math.cos(t), s = Math.sin(t);
			rows[a] = Math.abs(c) >= Math.abs(s);
			double lead = rows[a] ? c : s, other = rows[a] ? s : c;
			slope[a] = 1 / lead;
			weight[a] = 1 / Math.abs(lead);
			for (int l = 0; l < n; l++) {
				double b = (-center - (l - h) * other) / lead + h;
				offset[a][l] = b;
				// t = k * slope + b must lie in [-1, n): the two neighbours exist in the zero-padded line
				double k1 = (-1 - b) / slope[a], k2 = (n - b) / slope[a];
				double lo = Math.min(k1, k2), hi = Math.max(k1, k2);
				kmin[a][l] = (int) Math.max(0, Math.ceil(lo + 1e-9));
				kmax[a][l] = (int) Math.min(bins - 1, Math.floor(hi - 1e-9));
			}
		}
	}

	/** Loads a slice into the zero-padded copy and transpose used by {@link #forward}. */
	void load(float[] slice, Work w) {
		int m = n + 2;
		for (int j = 0; j < n; j++)
			for (int i = 0; i < n; i++) {
				float v = slice[j * n + i];
				w.p[j * m + i + 1] = v;
				w.pt[i * m + j + 1] = v;
			}
	}

	/** Projection of the loaded slice at angle {@code a} into {@code out[off .. off+bins)} (overwritten). */
	void forward(Work w, int a, float[] out, int off) {
		java.util.Arrays.fill(out, off, off + bins, 0f);
		float[] src = rows[a] ? w.p : w.pt;
		int m = n + 2;
		double sl = slope[a];
		float wt = (float) weight[a];
		for (int l = 0; l < n; l++) {
			int base = l * m, k0 = kmin[a][l], k1 = kmax[a][l];
			double b = offset[a][l] + 1;
			for (int k = k0; k <= k1; k++) {
				double t = k * sl + b;
				int p = Math.min(n, Math.max(0, (int) t));
				float f = (float) (t - p);
				out[off + k] += wt * ((1 - f) * src[base + p] + f * src[base + p + 1]);
			}
		}
	}

	/** Clears the back-projection accumulators. */
	void clearBack(Work w) {
		java.util.Arrays.fill(w.b, 0f);
		java.util.Arrays.fill(w.bt, 0f);
	}

	/** Adds the adjoint of {@link #forward} at angle {@code a} applied to {@code r[off .. off+bins)}. */
	void back(Work w, int a, float[] r, int off) {
		float[] dst = rows[a] ? w.b : w.bt;
		int m = n + 2;
		double sl = slope[a];
		float wt = (float) weight[a];
		for (int l = 0; l < n; l++) {
			int base = l * m, k0 = kmin[a][l], k1 = kmax[a][l];
			double b = offset[a][l] + 1;
			for (int k = k0; k <= k1; k++) {
				double t = k * sl + b;
				int p = Math.min(n, Math.max(0, (int) t));
				float f = (float) (t - p), v = wt * r[off + k];
				dst[base + p] += (1 - f) * v;
				dst[base + p + 1] += f * v;
			}
		}
	}

	/** Value of the accumulated back-projection at slice pixel (i, j). */
	float backAt(Work w, int i, int j) {
		int m = n + 2;
		return w.b[j * m + i + 1] + w.bt[i * m + j + 1];
	}
}

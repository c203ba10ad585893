package org.txmsuite.align;

import java.util.stream.IntStream;

/**
 * The reconstruction inside the tomographic-consistency loop: ordered-subset SIRT (row- and
 * column-sum normalized, optional positivity) on every slice in parallel, kept between loops (warm
 * start), and the reprojection of the current volume. Geometry as in {@link SliceProjector}; slices
 * are {@code W x W} with W the detector width, one per detector row.
 */
final class ConsistencyModel {
	final SliceProjector g;
	final int w, h, na;
	private final int[][] subsets;
	private final float[][] rowInv;
	private final float[][] colInv;
	private final ThreadLocal<SliceProjector.Work> work;

	ConsistencyModel(int width, int height, double[] anglesDeg, double center, int subsetCount) {
		w = width;
		h = height;
		na = anglesDeg.length;
		g = new SliceProjector(w, w, anglesDeg, center);
		work = ThreadLocal.withInitial(() -> new SliceProjector.Work(g));
		int s = Math.max(1, Math.min(subsetCount, na));
		subsets = new int[s][];
		int[] order = subsetOrder(s);
		for (int q = 0; q < s; q++) {
			int first = order[q];
			subsets[q] = IntStream.iterate(first, a -> a < na, a -> a + s).toArray();
		}
		SliceProjector.Work wk = new SliceProjector.Work(g);
		float[] ones = new float[w * w];
		java.util.Arrays.fill(ones, 1f);
		g.load(ones, wk);
		rowInv = new float[na][w];
		for (int a = 0; a < na; a++) {
			g.forward(wk, a, rowInv[a], 0);
			for (int k = 0; k < w; k++) rowInv[a][k] = rowInv[a][k] > 1e-3f ? 1 / rowInv[a][k] : 0;
		}
		colInv = new float[s][w * w];
		float[] line = new float[w];
		java.util.Arrays.fill(line, 1f);
		for (int q = 0; q < s; q++) {
			g.clearBack(wk);
			for (int a : subsets[q]) g.back(wk, a, line, 0);
			for (int j = 0; j < w; j++)
				for (int i = 0; i < w; i++) {
					float c = g.backAt(wk, i, j);
					colInv[q][j * w + i] = c > 1e-3f ? 1 / c : 0;
				}
		}
	}

	/** Subsets visited far apart in angle: bit-reversed order. */
	private static int[] subsetOrder(int s) {
		int bits = 0;
		while ((1 << bits) < s) bits++;
		int[] o = new int[s];
		int c = 0;
		for (int i = 0; i < (1 << bits); i++) {
			int r = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
			if (r < s) o[c++] = r;
		}
		return o;
	}

	/** {@code sweeps} passes over all subsets of SIRT on every slice of {@code vol} against {@code proj}. */
	void sirt(float[][] vol, float[][] proj, int sweeps, double relax, boolean positive) {
		IntStream.range(0, h).parallel().forEach(z -> {
			SliceProjector.Work wk = work.get();
			float[] slice = vol[z], line = wk.line;
			int off = z * w;
			for (int it = 0; it < sweeps; it++)
				for (int q = 0; q < subsets.length; q++) {
					g.load(slice, wk);
					g.clearBack(wk);
					for (int a : subsets[q]) {
						g.forward(wk, a, line, 0);
						float[] p = proj[a], ri = rowInv[a];
						for (int k = 0; k < w; k++) line[k] = (p[off + k] - line[k]) * ri[k];
						g.back(wk, a, line, 0);
					}
					float[] ci = colInv[q];
					for (int j = 0; j < w; j++)
						for (int i = 0; i < w; i++) {
							int px = j * w + i;
							float v = slice[px] + (float) relax * g.backAt(wk, i, j) * ci[px];
							slice[px] = positive && v < 0 ? 0 : v;
						}
				}
		});
	}

	/** Reprojection of the volume at every angle into {@code out[a][z*W + k]}. */
	void reproject(float[][] vol, float[][] out) {
		IntStream.range(0, h).parallel().forEach(z -> {
			SliceProjector.Work wk = work.get();
			g.load(vol[z], wk);
			for (int a = 0; a < na; a++) g.forward(wk, a, out[a], z * w);
		});
	}

	/** Root-mean-square of measured minus reprojected, over all frames (a consistency figure). */
	static double residual(float[][] measured, float[][] reproj) {
		double s = 0;
		long n = 0;
		for (int a = 0; a < measured.length; a++)
			for (int k = 0; k < measured[a].length; k++) {
				double d = measured[a][k] - reproj[a][k];
				s += d * d;
				n++;
			}
		return Math.sqrt(s / Math.max(1, n));
	}
}

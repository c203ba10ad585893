package org.txmsuite.align;

import java.util.stream.IntStream;

import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;

/**
 * Finds the rotation centre without needing a 180-degree opposite pair (limited-angle data): for each
 * candidate centre, the most structured detector rows are reconstructed from zero with the same number
 * of SART sweeps (the reconstruction stage's solver, positivity on) and the RMS reprojection residual
 * is the quality (lower is better): a wrong centre makes the projections inconsistent with any object. A coarse scan
 * (2x binned) is followed by a fine scan at full resolution around its minimum; the centre is the
 * vertex of a parabola through the best fine point and its neighbours.
 */
public final class CenterFinder {
	private CenterFinder() {}

	/** SART sweeps from zero per candidate centre. */
	static final int SWEEPS = 3;

	/** Result: the centre (pixels; (W-1)/2 is the geometric centre) and the fine quality curve. */
	public static final class Result {
		public final double center;
		/** Candidate centres (full-resolution pixels) and their RMS residual. */
		public final double[] candidates, residual;

		Result(double center, double[] candidates, double[] residual) {
			this.center = center;
			this.candidates = candidates;
			this.residual = residual;
		}
	}

	/**
	 * @param rangePx half-width of the search around (W-1)/2 in pixels
	 * @param rows how many detector rows to use (those with the most signal variation)
	 */
	public static Result find(FrameStack absorbance, double[] anglesDeg, double rangePx, int rows, Progress p) {
		if (p == null) p = Progress.NONE;
		float[][] frames = ProjectionAligner.validate(absorbance, anglesDeg);
		int w = absorbance.width(), h = absorbance.height();
		double mid = (w - 1) / 2.0;
		int[] picked = pickRows(frames, w, h, Math.max(1, Math.min(rows, h)));
		double start = mid;
		if (w >= 64) {
			int b = 2;
			float[][] binned = ProjectionAligner.bin(frames, w, h, b);
			int[] rb = IntStream.of(picked).map(r -> Math.min(h / b - 1, r / b)).distinct().toArray();
			double[] cand = grid(mid - rangePx, mid + rangePx, 1.0);
			double[] q = scan(binned, w / b, h / b, rb, anglesDeg, cand, b, p, "coarse");
			start = cand[argmin(q)];
		}
		double[] cand = grid(start - 2, start + 2, 0.25);
		double[] q = scan(frames, w, h, picked, anglesDeg, cand, 1, p, "fine");
		int k = argmin(q);
		double c = cand[k];
		if (k > 0 && k < cand.length - 1) c += 0.25 * Registration.vertex(-q[k - 1], -q[k], -q[k + 1]);
		return new Result(c, cand, q);
	}

	private static double[] grid(double from, double to, double step) {
		int n = (int) Math.round((to - from) / step) + 1;
		double[] g = new double[n];
		for (int i = 0; i < n; i++) g[i] = from + i * step;
		return g;
	}

	private static int argmin(double[] q) {
		int k = 0;
		for (int i = 1; i < q.length; i++) if (q[i] < q[k]) k = i;
		return k;
	}

	/** Rows with the largest variance over all projections, spread over the stack height. */
	static int[] pickRows(float[][] frames, int w, int h, int count) {
		double[] var = new double[h];
		for (float[] f : frames)
			for (int r = 0; r < h; r++) {
				double s = 0, s2 = 0;
				for (int k = 0; k < w; k++) {
					double v = f[r * w + k];
					s += v;
					s2 += v * v;
				}
				var[r] += s2 / w - (s / w) * (s / w);
			}
		Integer[] idx = IntStream.range(0, h).boxed().toArray(Integer[]::new);
		java.util.Arrays.sort(idx, (a, b) -> Double.compare(var[b], var[a]));
		// take the best rows but at least 2 rows apart
		int[] out = new int[count];
		int c = 0;
		boolean[] used = new boolean[h];
		for (int i = 0; i < h && c < count; i++) {
			int r = idx[i];
			boolean near = false;
			for (int d = -1; d <= 1; d++) if (r + d >= 0 && r + d < h && used[r + d]) near = true;
			if (near) continue;
			used[r] = true;
			out[c++] = r;
		}
		return java.util.Arrays.copyOf(out, c);
	}

	private static double[] scan(float[][] frames, int w, int h, int[] rows, double[] angles, double[] cand, int b, Progress p,
		String stage)
	{
		int n = frames.length, nr = rows.length;
		// a small stack holding only the chosen rows
		float[][] sub = new float[n][nr * w];
		for (int a = 0; a < n; a++)
			for (int r = 0; r < nr; r++) System.arraycopy(frames[a], rows[r] * w, sub[a], r * w, w);
		double[] q = new double[cand.length];
		for (int c = 0; c < cand.length; c++) {
			p.checkCancelled();
			double lc = (cand[c] - (b - 1) / 2.0) / b;
			ConsistencyModel m = new ConsistencyModel(w, nr, angles, lc, 1.0, true);
			float[][] vol = new float[nr][w * w];
			float[][] re = new float[n][nr * w];
			m.sweepAndReproject(vol, sub, SWEEPS, re);
			q[c] = ConsistencyModel.residual(sub, re);
			p.report(c + 1, cand.length, String.format("%s centre scan: %.2f px, residual %.5g", stage, cand[c], q[c]));
		}
		return q;
	}
}

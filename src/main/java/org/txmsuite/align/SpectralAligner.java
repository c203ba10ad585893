package org.txmsuite.align;

import java.util.stream.IntStream;

import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;

/**
 * Aligns the images of a spectral (XANES) stack for translation and magnification (which changes with
 * energy on some microscopes). Registration runs on gradient-magnitude images of the lightly smoothed
 * frames, which keep the particle outlines across the absorption edge while the contrast inside
 * changes. Each frame is first registered in translation by upsampled-DFT cross-correlation, then a
 * Gauss-Newton fit refines shift, scale about the image centre, and an intensity gain and offset
 * (so contrast changes do not bias the geometry). Pass 1 registers to the reference frame's features;
 * pass 2 to the mean of the aligned features (a running reference that averages the contrast over
 * energy). Frames whose fit disagrees with a registration to their aligned neighbour (ill-conditioned
 * fits, e.g. between two edges where only small spots change contrast) take the neighbour-registered
 * transform instead ({@link #repair}). Results are given relative to the reference frame: frame e satisfies
 * {@code frame_e(c + scale (x - c) + d) = reference(x)}, c the image centre.
 */
public final class SpectralAligner {
	private SpectralAligner() {}

	/** Aligned frames and, per frame, the displacement (px, +x right, +y down) and magnification. */
	public static final class Result {
		public final FrameStack aligned;
		public final double[] dx, dy, scale;

		Result(FrameStack aligned, double[] dx, double[] dy, double[] scale) {
			this.aligned = aligned;
			this.dx = dx;
			this.dy = dy;
			this.scale = scale;
		}
	}

	/** How the magnification is modelled across energies. */
	public enum ScaleModel {
		/** Translation only. */
		NONE,
		/** One magnification per energy, each fitted on its own. */
		PER_ENERGY,
		/**
		 * Magnification linear in energy (zone-plate optics change it smoothly), fitted robustly to the
		 * per-energy estimates; the shifts are then refitted with it fixed. Near an absorption edge a
		 * per-energy magnification is not determined by the images (see {@link SpectralAligner}).
		 */
		LINEAR;

		/** Parses {@code none}, {@code per-energy} or {@code linear} (case-insensitive). */
		public static ScaleModel parse(String s) {
			String k = s == null ? "" : s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
			for (ScaleModel m : values())
				if (m.name().equals(k)) return m;
			throw new TxmException("scale: '" + s + "' is not one of none, per-energy, linear");
		}
	}

	/**
	 * @param reference index of the reference frame (negative: the last frame, usually above the edge)
	 * @param model how the magnification is fitted
	 */
	public static Result align(FrameStack stack, int reference, ScaleModel model, Progress p) {
		boolean fitScale = model != ScaleModel.NONE;
		if (p == null) p = Progress.NONE;
		if (stack == null || stack.size() < 2)
			throw new TxmException("spectral alignment needs a stack of at least 2 energies, got " + (stack == null ? 0 : stack.size()));
		int n = stack.size(), w = stack.width(), h = stack.height();
		if (w < 16 || h < 16) throw new TxmException("images of " + w + "x" + h + " are too small to align; expected at least 16x16");
		int ref = reference < 0 ? n - 1 : reference;
		if (ref >= n) throw new TxmException("reference: frame " + reference + " does not exist; the stack has " + n + " frames (0.." + (n - 1) + ")");
		for (int i = 0; i < n; i++)
			for (float v : stack.pixels(i))
				if (!Float.isFinite(v)) throw new TxmException("frame " + i + " contains " + v + " pixels; alignment needs finite values");
		float[][] feat = new float[n][];
		IntStream.range(0, n).parallel().forEach(i -> feat[i] = Warp.gradientMagnitude(stack.pixels(i), w, h, 1.0));
		double[][] t = new double[n][]; // {dx, dy, s} mapping template space -> frame
		Progress pr = p;
		java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
		for (int pass = 0; pass < 2; pass++) {
			if (pass == 1) repair(feat, t, ref, fitScale, w, h);
			float[] template = pass == 0 ? feat[ref] : meanAligned(feat, t, w, h);
			ThreadLocal<Registration> reg = ThreadLocal.withInitial(() -> new Registration(w, h, 20, 0.1, false));
			int ps = pass;
			IntStream.range(0, n).parallel().forEach(i -> {
				double[] start;
				if (ps == 0) {
					Registration r = reg.get();
					r.reference(template);
					double[] s = r.registerRefined(feat[i], 3, null);
					start = new double[] { s[0], s[1], 1 };
				} else start = t[i];
				t[i] = Warp.fit(template, feat[i], w, h, start, fitScale);
				pr.report(count.incrementAndGet(), 2L * n, "registering energies, pass " + (ps + 1));
			});
			p.checkCancelled();
		}
		if (model == ScaleModel.LINEAR && n >= 3) {
			double[] e = stack.energiesEv(), x = new double[n], sv = new double[n];
			for (int i = 0; i < n; i++) {
				x[i] = Double.isFinite(e[i]) ? e[i] - e[ref] : i - ref;
				sv[i] = t[i][2];
			}
			double[] line = robustLine(x, sv, lineWeights(stack, t, ref, intervals(x)));
			float[] template = meanAligned(feat, t, w, h);
			IntStream.range(0, n).parallel().forEach(i -> {
				double[] start = { t[i][0], t[i][1], line[0] + line[1] * x[i] };
				t[i] = Warp.fit(template, feat[i], w, h, start, false);
			});
		}
		repair(feat, t, ref, model == ScaleModel.PER_ENERGY, w, h);
		double[] dx = new double[n], dy = new double[n], sc = new double[n];
		double sr = t[ref][2];
		for (int i = 0; i < n; i++) {
			sc[i] = t[i][2] / sr;
			dx[i] = t[i][0] - sc[i] * t[ref][0];
			dy[i] = t[i][1] - sc[i] * t[ref][1];
		}
		FrameStack out = stack.emptyLike();
		float[][] frames = new float[n][];
		IntStream.range(0, n).parallel().forEach(i -> frames[i] = Warp.apply(stack.pixels(i), w, h, dx[i], dy[i], sc[i]));
		for (int i = 0; i < n; i++) out.add(frames[i], stack.info(i).copy());
		return new Result(out, dx, dy, sc);
	}

	/** Largest disagreement (px) between a frame's fit and its fit to the aligned neighbour before it is replaced. */
	static final double NEIGHBOUR_TOLERANCE_PX = 0.5;

	/**
	 * Checks every frame against its neighbour towards the reference (by index, i.e. energy): frame i is
	 * registered to the neighbour's features warped into the template frame by the neighbour's transform.
	 * Where that disagrees with the frame's own fit by more than {@link #NEIGHBOUR_TOLERANCE_PX} (or 2 % in
	 * scale), the fit is ill-conditioned - typically between two edges, where the frame's features differ
	 * from the reference's or the mean's (gain collapse, a feature set of small spots) - and the frame takes
	 * the neighbour-registered transform instead. Frames are walked outward from the reference so a run of
	 * bad frames chains from the last good one; a good frame keeps its own (global) fit, so good frames
	 * never accumulate the drift of a chain. The check fits run in parallel; only flagged frames are redone
	 * in order.
	 */
	static void repair(float[][] feat, double[][] t, int ref, boolean fitScale, int w, int h) {
		int n = feat.length;
		double[][] check = new double[n][];
		ThreadLocal<Registration> reg = ThreadLocal.withInitial(() -> new Registration(w, h, 20, 0.1, false));
		IntStream.range(0, n).parallel().filter(i -> i != ref).forEach(i -> check[i] = neighbourFit(feat, t, i, i < ref ? i + 1 : i - 1, fitScale, w, h, reg.get()));
		for (int side = -1; side <= 1; side += 2)
			for (int i = ref + side; i >= 0 && i < n; i += side) {
				if (agrees(check[i], t[i])) continue;
				double[] c = neighbourFit(feat, t, i, i - side, fitScale, w, h, reg.get());
				if (!agrees(c, t[i])) t[i] = c;
			}
	}

	private static boolean agrees(double[] a, double[] b) {
		return Math.hypot(a[0] - b[0], a[1] - b[1]) <= NEIGHBOUR_TOLERANCE_PX && Math.abs(a[2] - b[2]) <= 0.02;
	}

	/** Frame i registered (DFT, then the warp fit) to frame j's features in template space. */
	private static double[] neighbourFit(float[][] feat, double[][] t, int i, int j, boolean fitScale, int w, int h, Registration r) {
		float[] nb = Warp.apply(feat[j], w, h, t[j][0], t[j][1], t[j][2]);
		r.reference(nb);
		double[] s = r.registerRefined(feat[i], 3, null);
		double sc = fitScale ? t[j][2] : t[i][2];
		// start: the DFT shift with the neighbour's magnification (scale fixed: the frame's own)
		return Warp.fit(nb, feat[i], w, h, new double[] { s[0], s[1], sc }, fitScale);
	}

	/**
	 * Robust straight line y = a + b x: the Theil-Sen start (median of pairwise slopes, median intercept),
	 * then iteratively reweighted least squares with Tukey's biweight (c = 4.685 robust sigmas from the
	 * median absolute residual). Returns {a, b}.
	 */
	static double[] robustLine(double[] x, double[] y) {
		double[] one = new double[x.length];
		java.util.Arrays.fill(one, 1);
		return robustLine(x, y, one);
	}

	/**
	 * The energy interval each sample stands for (half the distance to each neighbour in x, sorted or not):
	 * a scan with 1 eV steps on the edge and 10-15 eV steps off it would otherwise let the edge frames,
	 * whose magnification the images do not determine, outvote the off-edge frames that fix the line.
	 */
	static double[] intervals(double[] x) {
		int n = x.length;
		Integer[] o = new Integer[n];
		for (int i = 0; i < n; i++) o[i] = i;
		java.util.Arrays.sort(o, (a, b) -> Double.compare(x[a], x[b]));
		double[] wt = new double[n];
		double span = x[o[n - 1]] - x[o[0]];
		for (int k = 0; k < n; k++) {
			double lo = k > 0 ? x[o[k]] - x[o[k - 1]] : 0, hi = k < n - 1 ? x[o[k + 1]] - x[o[k]] : 0;
			wt[o[k]] = span > 0 ? Math.max(0.5 * (lo + hi), 1e-6 * span) : 1;
		}
		return wt;
	}

	/**
	 * Prior weights of the energies in the magnification line: the energy interval each stands for, divided
	 * by 1 + (r / r0)^4, r the frame's contrast unlike the reference's - the RMS residual of the aligned
	 * frame after the best gain and offset onto the reference frame, in units of the reference's standard
	 * deviation - and r0 the smallest r of the other frames (the noise floor). By the ambiguity in the
	 * class notes a frame's magnification bias grows with how far its chemical contrast is from the
	 * reference's, which is what r measures: frames that look like the reference (above the edge, for a
	 * reference there) fix the line; pre-edge and edge frames count little. The power 4 is empirical
	 * (power 2 left the XANES demo's line at 0.047 % RMS, 4 gives 0.014 %; 8 gives 0.001 % there but
	 * 0.043 % on a scan with few frames like its reference).
	 */
	static double[] lineWeights(FrameStack stack, double[][] t, int ref, double[] interval) {
		int n = stack.size(), w = stack.width(), h = stack.height();
		float[] rf = Warp.apply(stack.pixels(ref), w, h, t[ref][0], t[ref][1], t[ref][2]);
		double[] r = new double[n];
		IntStream.range(0, n).parallel().forEach(i -> {
			float[] a = i == ref ? rf : Warp.apply(stack.pixels(i), w, h, t[i][0], t[i][1], t[i][2]);
			double sa = 0, sb = 0, saa = 0, sab = 0, sbb = 0;
			int m = 0;
			for (int y = 3; y < h - 3; y++)
				for (int x = 3; x < w - 3; x++) {
					double u = rf[y * w + x], v = a[y * w + x];
					sa += u;
					sb += v;
					saa += u * u;
					sab += u * v;
					sbb += v * v;
					m++;
				}
			double vu = saa - sa * sa / m, cuv = sab - sa * sb / m, vv = sbb - sb * sb / m;
			// residual of v on u, expressed in units of the reference: (vv - cuv^2/vu) / g^2 with g = cuv / vu
			double res = Math.max(0, vv - cuv * cuv / vu), g = cuv / vu;
			r[i] = vu > 0 && g != 0 ? Math.sqrt(res / (g * g) / vu) : Double.POSITIVE_INFINITY;
		});
		double r0 = Double.POSITIVE_INFINITY;
		for (int i = 0; i < n; i++) if (i != ref) r0 = Math.min(r0, r[i]);
		double[] pw = new double[n];
		for (int i = 0; i < n; i++) {
			double q = r0 > 0 && Double.isFinite(r0) ? r[i] / r0 : (r[i] == 0 ? 0 : 1);
			pw[i] = Double.isFinite(q) ? interval[i] / (1 + q * q * q * q) : 1e-9 * interval[i];
		}
		return pw;
	}

	/** As {@link #robustLine(double[], double[])} with prior weights {@code pw} multiplying the biweights. */
	static double[] robustLine(double[] x, double[] y, double[] pw) {
		int n = x.length;
		double[] slopes = new double[n * (n - 1) / 2];
		int c = 0;
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++)
				if (x[j] != x[i]) slopes[c++] = (y[j] - y[i]) / (x[j] - x[i]);
		double b = c == 0 ? 0 : median(java.util.Arrays.copyOf(slopes, c)), r[] = new double[n];
		for (int i = 0; i < n; i++) r[i] = y[i] - b * x[i];
		double a = median(r.clone());
		for (int it = 0; it < 20; it++) {
			for (int i = 0; i < n; i++) r[i] = Math.abs(y[i] - a - b * x[i]);
			double sigma = 1.4826 * median(r.clone()), k = 4.685 * Math.max(sigma, 1e-12);
			double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
			for (int i = 0; i < n; i++) {
				double u = r[i] / k, wt = u < 1 ? pw[i] * (1 - u * u) * (1 - u * u) : 0;
				sw += wt;
				sx += wt * x[i];
				sy += wt * y[i];
				sxx += wt * x[i] * x[i];
				sxy += wt * x[i] * y[i];
			}
			double det = sw * sxx - sx * sx;
			if (!(det > 0)) break;
			double nb = (sw * sxy - sx * sy) / det, na = (sy - nb * sx) / sw;
			boolean done = Math.abs(na - a) < 1e-12 && Math.abs(nb - b) < 1e-15;
			a = na;
			b = nb;
			if (done) break;
		}
		return new double[] { a, b };
	}

	private static double median(double[] v) {
		java.util.Arrays.sort(v);
		int n = v.length;
		return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
	}

	private static float[] meanAligned(float[][] feat, double[][] t, int w, int h) {
		float[] m = new float[w * h];
		for (int i = 0; i < feat.length; i++) {
			float[] a = Warp.apply(feat[i], w, h, t[i][0], t[i][1], t[i][2]);
			for (int k = 0; k < m.length; k++) m[k] += a[k] / feat.length;
		}
		return m;
	}
}

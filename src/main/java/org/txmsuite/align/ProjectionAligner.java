package org.txmsuite.align;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;

/**
 * Aligns tomographic projections (absorbance) for per-projection stage jitter.
 * <p>
 * Tomographic consistency (after Gursoy et al., Sci. Rep. 7, 11818, 2017, TomoPy {@code align_joint}):
 * loop { one warm-started SART sweep of every slice (the reconstruction stage's solver); reproject; register each projection
 * to its reprojection by upsampled-DFT cross-correlation; add the found shift to the total; shift the
 * ORIGINAL projections by the new totals }. Beyond TomoPy: coarse-to-fine (2x binned first, the volume
 * carried up as the warm start), a stopping rule (RMS shift update below a tolerance), vertical and
 * horizontal shifts, any angle set (missing wedges: the solver only uses the measured angles), the
 * minimum-norm gauge (no b cos + c sin part in x, see {@link #gauge}), extrapolation of updates that creep
 * along one direction, and the rotation centre optionally carried as the mean horizontal shift.
 */
public final class ProjectionAligner {
	private ProjectionAligner() {}

	/** Aligns {@code absorbance} taken at {@code anglesDeg} (one per frame). */
	public static AlignResult align(FrameStack absorbance, double[] anglesDeg, AlignOptions o, Progress p) {
		if (o == null) o = new AlignOptions();
		if (p == null) p = Progress.NONE;
		float[][] frames = validate(absorbance, anglesDeg);
		int w = absorbance.width(), h = absorbance.height(), n = frames.length;
		double center = Double.isNaN(o.center) ? (w - 1) / 2.0 : o.center;
		double[] dx = new double[n], dy = new double[n];
		int loops = 0;
		double last = Double.NaN;
		if (o.method == AlignOptions.Method.CROSS_CORRELATION) {
			crossCorrelation(frames, w, h, anglesDeg, o, dx, dy, p);
			loops = 1;
		} else {
			double[] state = consistency(frames, w, h, anglesDeg, center, o, dx, dy, p);
			loops = (int) state[0];
			last = state[1];
		}
		if (!o.vertical) java.util.Arrays.fill(dy, 0);
		if (o.refineCenter) {
			double mean = mean(dx);
			for (int i = 0; i < n; i++) dx[i] -= mean;
			center += mean;
		}
		float[][] out = shiftAll(frames, w, h, dx, dy, 1);
		FrameStack aligned = absorbance.emptyLike();
		for (int i = 0; i < n; i++) aligned.add(out[i], absorbance.info(i).copy().angleDeg(anglesDeg[i]));
		return new AlignResult(aligned, dx, dy, center, loops, last);
	}

	/** Checks the input and returns its frames. */
	static float[][] validate(FrameStack s, double[] anglesDeg) {
		if (s == null || s.size() < 2)
			throw new TxmException("projection alignment needs a stack of at least 2 projections, got " + (s == null ? 0 : s.size()));
		if (anglesDeg == null || anglesDeg.length != s.size())
			throw new TxmException("angles: " + (anglesDeg == null ? 0 : anglesDeg.length) + " values for " + s.size()
				+ " projections; give one angle per frame");
		for (int i = 0; i < anglesDeg.length; i++)
			if (!Double.isFinite(anglesDeg[i])) throw new TxmException("angles: value " + i + " is " + anglesDeg[i] + ", expected a finite angle in degrees");
		if (s.width() < 8 || s.height() < 2)
			throw new TxmException("projections of " + s.width() + "x" + s.height() + " pixels are too small to align; expected at least 8x2");
		float[][] f = new float[s.size()][];
		for (int i = 0; i < f.length; i++) {
			f[i] = s.pixels(i);
			for (float v : f[i])
				if (!Float.isFinite(v))
					throw new TxmException("projection " + i + " contains " + v + " pixels; alignment needs finite absorbance values (fix or drop the frame)");
		}
		return f;
	}

	private static double[] consistency(float[][] frames, int w, int h, double[] angles, double center, AlignOptions o,
		double[] dx, double[] dy, Progress p)
	{
		List<Integer> levels = new ArrayList<>();
		if (o.coarseToFine) {
			if (Math.min(w, h) >= 256) levels.add(4);
			if (Math.min(w, h) >= 32) levels.add(2);
		}
		levels.add(1);
		int n = frames.length, done = 0, total = levels.size() * o.maxLoops;
		float[][] vol = null;
		int volN = 0;
		double last = Double.NaN;
		int loops = 0;
		for (int b : levels) {
			int lw = w / b, lh = h / b;
			float[][] data = b == 1 ? frames : bin(frames, w, h, b);
			double lc = (center - (b - 1) / 2.0) / b;
			ConsistencyModel model = new ConsistencyModel(lw, lh, angles, lc, o.relax, o.positivity);
			vol = vol == null ? newVolume(lw, lh) : upsample(vol, volN, lw, lh);
			volN = lw;
			float[][] shifted = shiftAll(data, lw, lh, dx, dy, b);
			float[][] reproj = new float[n][lw * lh];
			model.sweepAndReproject(vol, shifted, o.startSweeps - o.sweepsPerLoop, null);
			double tol = b == 1 ? o.tolerance : Math.max(o.tolerance, 0.05 * b);
			ThreadLocal<Registration> reg = ThreadLocal.withInitial(() -> new Registration(lw, lh, o.upsample, o.fade, o.phaseCorrelation));
			ThreadLocal<SubpixelShift> shifter = ThreadLocal.withInitial(() -> new SubpixelShift(lw, lh));
			double[][] found = new double[n][3];
			double[] prevX = new double[n], prevY = new double[n], ux = new double[n], uy = new double[n];
			int plain = 0;
			for (int loop = 0; loop < o.maxLoops; loop++) {
				p.checkCancelled();
				model.sweepAndReproject(vol, shifted, o.sweepsPerLoop, reproj);
				IntStream.range(0, n).parallel().forEach(i -> reg.get().register(reproj[i], shifted[i], found[i]));
				for (int i = 0; i < n; i++) {
					ux[i] = found[i][0] * b;
					uy[i] = o.vertical ? found[i][1] * b : 0;
				}
				gauge(ux, uy, angles);
				double ss = 0;
				for (int i = 0; i < n; i++) ss += ux[i] * ux[i] + uy[i] * uy[i];
				last = Math.sqrt(ss / n);
				double jump = o.extrapolate && plain >= 2 ? extrapolation(ux, uy, prevX, prevY) : 0;
				for (int i = 0; i < n; i++) {
					dx[i] += (1 + jump) * ux[i];
					dy[i] += (1 + jump) * uy[i];
				}
				System.arraycopy(ux, 0, prevX, 0, n);
				System.arraycopy(uy, 0, prevY, 0, n);
				plain = jump > 0 ? 0 : plain + 1;
				shiftInto(data, shifted, dx, dy, b, shifter);
				done++;
				loops++;
				p.report(done, total, String.format("bin %d, loop %d: RMS shift update %.4f px%s", b, loop + 1, last,
					jump > 0 ? String.format(" (extrapolated x%.1f)", 1 + jump) : ""));
				if (last < tol && jump == 0) break;
			}
			done = levels.indexOf(b) * o.maxLoops + o.maxLoops;
		}
		return new double[] { loops, last };
	}

	/**
	 * Extra multiple of this loop's update when the loop creeps along one direction: if the update is
	 * nearly parallel to the previous one (cosine above 0.98) and shorter by a steady ratio rho, the
	 * remaining updates sum to about rho / (1 - rho) times this one (a geometric series; vector form of
	 * Aitken's extrapolation), capped at 10. Zero otherwise.
	 */
	static double extrapolation(double[] ux, double[] uy, double[] px, double[] py) {
		double dot = 0, n1 = 0, n0 = 0;
		for (int i = 0; i < ux.length; i++) {
			dot += ux[i] * px[i] + uy[i] * py[i];
			n1 += ux[i] * ux[i] + uy[i] * uy[i];
			n0 += px[i] * px[i] + py[i] * py[i];
		}
		if (n0 == 0 || n1 == 0 || dot / Math.sqrt(n0 * n1) < 0.98) return 0;
		double rho = Math.sqrt(n1 / n0);
		if (rho < 0.3 || rho > 0.97) return 0;
		return Math.min(10, rho / (1 - rho));
	}

	/**
	 * Gauge fixing. Projections of an object translated by (x0, z0) in the slice plane equal projections
	 * shifted by x0 cos(theta) + z0 sin(theta), and a translation along the axis shifts every projection
	 * by the same y: those components of (dx, dy) no data can determine. Every update (from the first
	 * loop on) therefore loses its b cos + c sin part in x (least-squares fit of a + b cos + c sin, the
	 * constant a kept: it is the rotation centre's, observable) and its mean in y, so the accumulated
	 * shifts are the minimum-norm solution: the jitter is taken as random and the object stays where the
	 * unaligned data put it on average. Without this the loop random-walks in that subspace.
	 */
	static void gauge(double[] ux, double[] uy, double[] angles) {
		double[] f = Lsq.fit(ux, angles);
		for (int i = 0; i < ux.length; i++) {
			double t = Math.toRadians(angles[i]);
			ux[i] -= f[1] * Math.cos(t) + f[2] * Math.sin(t);
		}
		double my = mean(uy);
		for (int i = 0; i < uy.length; i++) uy[i] -= my;
	}

	/** Neighbour registration, accumulated; rigid object translations (1, cos, sin in x; mean in y) removed. */
	private static void crossCorrelation(float[][] frames, int w, int h, double[] angles, AlignOptions o, double[] dx, double[] dy,
		Progress p)
	{
		int n = frames.length;
		double[] steps = new double[n - 1];
		for (int i = 1; i < n; i++) steps[i - 1] = Math.abs(angles[i] - angles[i - 1]);
		double[] sorted = steps.clone();
		java.util.Arrays.sort(sorted);
		double typical = sorted[sorted.length / 2];
		double[][] step = new double[n][3];
		ThreadLocal<Registration> reg = ThreadLocal.withInitial(() -> new Registration(w, h, o.upsample, o.fade, o.phaseCorrelation));
		java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
		IntStream.range(1, n).parallel().forEach(i -> {
			if (steps[i - 1] > 3 * typical + 1e-9) return; // across a missing wedge: no overlap to trust
			Registration r = reg.get();
			r.reference(frames[i - 1]);
			r.registerRefined(frames[i], 3, step[i]);
			p.report(count.incrementAndGet(), n - 1, "registering neighbours");
		});
		for (int i = 1; i < n; i++) {
			dx[i] = dx[i - 1] + step[i][0];
			dy[i] = dy[i - 1] + step[i][1];
		}
		removeRigid(dx, angles);
		double my = mean(dy);
		for (int i = 0; i < n; i++) dy[i] -= my;
	}

	/** Subtracts the least-squares fit of a + b cos(theta) + c sin(theta) (a rigid object translation). */
	static void removeRigid(double[] v, double[] angles) {
		double[] fit = Lsq.fit(v, angles);
		for (int i = 0; i < v.length; i++) {
			double t = Math.toRadians(angles[i]);
			v[i] -= fit[0] + fit[1] * Math.cos(t) + fit[2] * Math.sin(t);
		}
	}

	static double mean(double[] v) {
		double s = 0;
		for (double x : v) s += x;
		return s / v.length;
	}

	/** Every frame shifted by (-dx/b, -dy/b), from the given (original) frames. */
	static float[][] shiftAll(float[][] src, int w, int h, double[] dx, double[] dy, int b) {
		float[][] out = new float[src.length][w * h];
		shiftInto(src, out, w, h, dx, dy, b);
		return out;
	}

	/** As {@link #shiftAll} into existing frames. */
	static void shiftInto(float[][] src, float[][] out, int w, int h, double[] dx, double[] dy, int b) {
		shiftInto(src, out, dx, dy, b, ThreadLocal.withInitial(() -> new SubpixelShift(w, h)));
	}

	/** As {@link #shiftAll} into existing frames with per-thread shifters made once (per level). */
	static void shiftInto(float[][] src, float[][] out, double[] dx, double[] dy, int b, ThreadLocal<SubpixelShift> sh) {
		IntStream.range(0, src.length).parallel().forEach(i -> sh.get().shift(src[i], out[i], -dx[i] / b, -dy[i] / b));
	}

	/** b x b block means (the remainder rows and columns dropped). */
	static float[][] bin(float[][] src, int w, int h, int b) {
		int lw = w / b, lh = h / b;
		float[][] out = new float[src.length][lw * lh];
		float inv = 1f / (b * b);
		IntStream.range(0, src.length).parallel().forEach(i -> {
			float[] s = src[i], d = out[i];
			for (int y = 0; y < lh * b; y++)
				for (int x = 0; x < lw * b; x++) d[(y / b) * lw + x / b] += s[y * w + x] * inv;
		});
		return out;
	}

	private static float[][] newVolume(int n, int depth) {
		return new float[depth][n * n];
	}

	/** Nearest-neighbour upsampling of the warm-start volume to a finer level (values per pixel scaled). */
	private static float[][] upsample(float[][] vol, int nc, int nf, int depth) {
		float[][] out = new float[depth][nf * nf];
		int dc = vol.length;
		float scale = (float) nc / nf;
		IntStream.range(0, depth).parallel().forEach(z -> {
			float[] src = vol[Math.min(dc - 1, z * dc / depth)], d = out[z];
			for (int j = 0; j < nf; j++)
				for (int i = 0; i < nf; i++) d[j * nf + i] = scale * src[Math.min(nc - 1, j * nc / nf) * nc + Math.min(nc - 1, i * nc / nf)];
		});
		return out;
	}
}

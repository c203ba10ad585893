package org.txmsuite.recon;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.txmsuite.core.CancelledException;
import org.txmsuite.core.DataState;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;
import org.txmsuite.core.Volume;

/**
 * Reconstructs a volume from an absorbance projection stack (frames = projections, one per angle;
 * detector rows = volume slices z), slice by slice across worker threads. Memory beyond the output
 * volume is bounded by a few slices and sinograms per worker. See {@link Projector} for the geometry.
 *
 * <p>Output volume: {@code n x n x rows} with n the detector width (or {@link ReconOptions#sliceSize}),
 * voxel size the projections' pixel size (isotropic).
 */
public final class Reconstructor {
	private Reconstructor() {}

	/** The outcome: the volume and the mean relative residual after each sweep, then each discrete-refinement round (empty for FBP). */
	public static final class Result {
		public final Volume volume;
		public final double[] residuals;

		Result(Volume volume, double[] residuals) {
			this.volume = volume;
			this.residuals = residuals;
		}
	}

	/** Reconstructs with angles from the stack's metadata. */
	public static Volume reconstruct(FrameStack absorbance, ReconOptions options) {
		return reconstruct(absorbance, AngleSpec.resolve(null, absorbance), options, Progress.NONE).volume;
	}

	/**
	 * Reconstructs rows {@code options.rowStart()..rowEnd()} of the projections.
	 *
	 * @param anglesDeg one angle per projection, in degrees
	 */
	public static Result reconstruct(FrameStack absorbance, double[] anglesDeg, ReconOptions options, Progress progress) {
		int[] rows = check(absorbance, anglesDeg, options);
		int n = options.sliceSize() > 0 ? options.sliceSize() : absorbance.width();
		Volume v = new Volume(n, n, rows[1] - rows[0] + 1);
		if (Double.isFinite(absorbance.pixelSizeNm())) v.voxelSizeNm(absorbance.pixelSizeNm());
		v.thetaDeg(anglesDeg);
		double[] res = run(absorbance, anglesDeg, options, v, rows[0], false, progress);
		return new Result(v, res);
	}

	/**
	 * Warm start: runs {@code options.iterations()} further sweeps on {@code current} (changed in place),
	 * whose slice z holds detector row {@code options.rowStart() + z}. Alignment calls this once per loop
	 * with one iteration and updated {@link ReconOptions#dx}/{@link ReconOptions#dy}.
	 *
	 * @return the mean relative residual after each sweep
	 */
	public static double[] iterate(FrameStack absorbance, double[] anglesDeg, ReconOptions options, Volume current, Progress progress) {
		int[] rows = check(absorbance, anglesDeg, options);
		if (options.algorithm() == ReconOptions.Algorithm.FBP)
			throw new TxmException("algorithm: FBP has no iterations to continue; use ART, SART or SIRT");
		int n = options.sliceSize() > 0 ? options.sliceSize() : absorbance.width();
		if (current.width() != n || current.height() != n || current.depth() != rows[1] - rows[0] + 1)
			throw new TxmException("current volume is " + current.width() + "x" + current.height() + "x" + current.depth()
				+ ", expected " + n + "x" + n + "x" + (rows[1] - rows[0] + 1));
		return run(absorbance, anglesDeg, options, current, rows[0], true, progress);
	}

	/**
	 * Checks the input before any work: data state, frame kinds, angle count and values, options, centre
	 * and row range. Returns the row range {start, endInclusive}.
	 */
	public static int[] check(FrameStack s, double[] anglesDeg, ReconOptions options) {
		if (s.size() == 0) throw new TxmException("input: the projection stack is empty; expected one projection per angle");
		if (s.state() == DataState.RAW)
			throw new TxmException("input: the projections are RAW detector counts; normalize them first (flat/dark "
				+ "correction and -ln) so that the stack holds ABSORBANCE");
		if (s.state() == DataState.TRANSMISSION)
			throw new TxmException("input: the projections are TRANSMISSION I/I0; convert them to ABSORBANCE (-ln) first");
		if (s.indicesOf(FrameKind.FLAT).length > 0 || s.indicesOf(FrameKind.DARK).length > 0)
			throw new TxmException("input: the stack holds flat or dark reference frames; expected sample projections only");
		if (anglesDeg == null || anglesDeg.length == 0) throw new TxmException("angles: the angle set is empty; expected one angle per projection");
		if (anglesDeg.length != s.size())
			throw new TxmException("angles: " + anglesDeg.length + " angles for " + s.size() + " projections; expected one angle per projection");
		options.validate();
		double c = options.center();
		if (!Double.isNaN(c) && !(c >= 0 && c <= s.width() - 1))
			throw new TxmException("center: " + c + " is outside the detector; expected a value in [0, " + (s.width() - 1) + "] pixels");
		if (options.dx() != null && options.dx().length != s.size())
			throw new TxmException("shifts: " + options.dx().length + " horizontal shifts for " + s.size() + " projections");
		if (options.dy() != null && options.dy().length != s.size())
			throw new TxmException("shifts: " + options.dy().length + " vertical shifts for " + s.size() + " projections");
		int r0 = options.rowStart(), r1 = options.rowEnd() < 0 ? s.height() - 1 : options.rowEnd();
		if (r0 < 0 || r1 >= s.height() || r0 > r1)
			throw new TxmException("rows: " + r0 + ".." + r1 + " is not a row range of the " + s.height() + "-row detector");
		return new int[] { r0, r1 };
	}

	/**
	 * Reprojects a volume (slice z = detector row z) into an ABSORBANCE projection stack of
	 * {@code W x depth} frames, one per angle of the projector (with its centre and horizontal shifts),
	 * slices in parallel. Alignment compares these with the measured projections.
	 */
	public static FrameStack reproject(Volume v, Projector pr) {
		if (v.width() != pr.sliceSize() || v.height() != pr.sliceSize())
			throw new TxmException("volume slices are " + v.width() + "x" + v.height() + ", the projector expects "
				+ pr.sliceSize() + "x" + pr.sliceSize());
		int w = pr.detectorWidth(), na = pr.angleCount(), depth = v.depth();
		float[][] sinos = new float[depth][na * w];
		pr.forward(v.slices(), sinos);
		FrameStack s = new FrameStack(w, depth).state(DataState.ABSORBANCE).pixelSizeNm(v.voxelXNm()).source("reprojection");
		double[] ang = pr.anglesDeg();
		for (int a = 0; a < na; a++) {
			float[] f = new float[w * depth];
			for (int z = 0; z < depth; z++) System.arraycopy(sinos[z], a * w, f, z * w, w);
			s.add(f, new org.txmsuite.core.FrameInfo().angleDeg(ang[a]));
		}
		return s;
	}

	/**
	 * Sinogram of detector row {@code row} ({@code float[nProjections*W]}); with vertical shifts dy the
	 * row {@code row + dy[a]} of projection a is linearly interpolated (zero outside the detector).
	 */
	public static void sinogram(FrameStack s, int row, double[] dy, float[] out) {
		int w = s.width(), h = s.height();
		for (int a = 0; a < s.size(); a++) {
			float[] px = s.pixels(a);
			if (dy == null || dy[a] == 0) {
				System.arraycopy(px, row * w, out, a * w, w);
				continue;
			}
			double y = row + dy[a];
			int r = (int) Math.floor(y);
			float t = (float) (y - r);
			for (int u = 0; u < w; u++) {
				float v0 = r >= 0 && r < h ? px[r * w + u] : 0f, v1 = r + 1 >= 0 && r + 1 < h ? px[(r + 1) * w + u] : 0f;
				out[a * w + u] = v0 + t * (v1 - v0);
			}
		}
	}

	private static double[] run(FrameStack s, double[] angles, ReconOptions opt, Volume v, int row0, boolean warm, Progress progress) {
		Progress p = progress == null ? Progress.NONE : progress;
		int n = v.width(), depth = v.depth();
		Projector full = new Projector(n, s.width(), angles, opt.center(), opt.dx());
		Projector pr = opt.support() ? full.withSupport(SliceSolver.supportRadius(full)) : full;
		boolean fbp = opt.algorithm() == ReconOptions.Algorithm.FBP;
		int sweeps = fbp ? 0 : opt.iterations();
		int rounds = fbp ? 0 : opt.discreteRounds();
		// slices across threads; with fewer slices than threads each slice gets its share of the rest
		int threads = Math.max(1, Math.min(opt.threads(), depth));
		int innerThreads = Math.max(1, opt.threads() / threads);
		if (!fbp) { // shared tables, computed once before the workers start
			pr.rayLengths();
			if (opt.algorithm() == ReconOptions.Algorithm.ART) pr.rayNorms2();
		}
		double[] resSum = new double[sweeps + rounds];
		long total = (long) depth * Math.max(1, sweeps + rounds);
		AtomicInteger next = new AtomicInteger();
		AtomicLong done = new AtomicLong();
		runWorkers(threads, () -> {
			float[] sino = new float[s.size() * s.width()];
			Fbp f = fbp || opt.fbpStart() && !warm ? new Fbp(pr, opt.filter()) : null;
			SliceSolver solver = fbp ? null : new SliceSolver(pr, opt).threads(innerThreads);
			double[] local = new double[sweeps];
			for (int z; (z = next.getAndIncrement()) < depth;) {
				p.checkCancelled();
				sinogram(s, row0 + z, opt.dy(), sino);
				float[] out = v.slice(z);
				String msg = "slice " + (z + 1) + " of " + depth;
				if (fbp) {
					f.reconstruct(sino, out, innerThreads);
					p.report(done.incrementAndGet(), total, msg);
					continue;
				}
				if (warm) solver.setImage(out);
				else if (f != null) {
					f.reconstruct(sino, out, innerThreads);
					solver.setImage(out);
				} else solver.reset();
				for (int i = 0; i < sweeps; i++) {
					local[i] += solver.sweep(sino);
					p.report(done.incrementAndGet(), total, msg + ", sweep " + (i + 1) + " of " + sweeps);
					p.checkCancelled();
				}
				solver.image(out);
			}
			synchronized (resSum) {
				for (int i = 0; i < sweeps; i++) resSum[i] += local[i];
			}
		});
		if (rounds > 0) { // discrete refinement: a second pass once the levels are known
			boolean auto = opt.discreteLevels() == null;
			double[] levels = auto ? discreteLevels(v) : opt.discreteLevels();

			next.set(0);
			runWorkers(threads, () -> {
				float[] sino = new float[s.size() * s.width()];
				SliceSolver solver = new SliceSolver(pr, opt).threads(innerThreads);
				double[] local = new double[rounds];
				for (int z; (z = next.getAndIncrement()) < depth;) {
					p.checkCancelled();
					sinogram(s, row0 + z, opt.dy(), sino);
					float[] out = v.slice(z);
					solver.setImage(out);
					double[] dr = solver.refineDiscrete(sino, levels, auto, rounds);
					for (int i = 0; i < rounds; i++) local[i] += dr[i];
					solver.image(out);
					p.report(done.addAndGet(rounds), total, "slice " + (z + 1) + " of " + depth + ", discrete refinement");
				}
				synchronized (resSum) {
					for (int i = 0; i < rounds; i++) resSum[sweeps + i] += local[i];
				}
			});
		}
		for (int i = 0; i < resSum.length; i++) resSum[i] /= depth;
		return resSum;
	}

	/** Runs {@code worker} on {@code threads} threads (or the caller's when 1) and waits for all. */
	private static void runWorkers(int threads, Runnable worker) {
		if (threads == 1) {
			worker.run();
			return;
		}
		ExecutorService ex = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "txm-recon");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> fs = new ArrayList<>();
			for (int t = 0; t < threads; t++) fs.add(ex.submit(worker));
			for (Future<?> f : fs) f.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException();
		} catch (ExecutionException e) {
			Throwable c = e.getCause();
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new TxmException("reconstruction failed: " + c, c);
		} finally {
			ex.shutdownNow();
		}
	}

	/**
	 * Two grey levels for the discrete refinement when none are given: Otsu's split (IEEE SMC 9, 1979) of
	 * the reconstruction's histogram (4096 bins between the 0.01 and 99.99 % quantiles, voxels outside the
	 * support, exactly 0, left out), then the median of each class. For a Pt shell in a low-Z medium these
	 * are the medium/interior level and the Pt level; much brighter material (Au beads) stays free.
	 */
	static double[] discreteLevels(Volume v) {
		final int bins = 4096;
		float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
		for (float[] sl : v.slices())
			for (float x : sl)
				if (x != 0) {
					lo = Math.min(lo, x);
					hi = Math.max(hi, x);
				}
		if (!(hi > lo)) throw new TxmException("discrete rounds: the reconstruction is constant; no grey levels to refine with");
		long[] h = histogram(v, lo, hi, bins);
		double[] q = { quantile(h, lo, hi, 1e-4), quantile(h, lo, hi, 1 - 1e-4) };
		if (q[1] > q[0]) h = histogram(v, (float) q[0], (float) q[1], bins);
		else q = new double[] { lo, hi };
		double width = (q[1] - q[0]) / bins;
		long tot = 0;
		double sum = 0;
		for (int i = 0; i < bins; i++) {
			tot += h[i];
			sum += (double) h[i] * i;
		}
		long w0 = 0;
		double s0 = 0, best = -1;
		int split = bins / 2;
		for (int i = 0; i < bins - 1; i++) {
			w0 += h[i];
			s0 += (double) h[i] * i;
			long w1 = tot - w0;
			if (w0 == 0 || w1 == 0) continue;
			double m0 = s0 / w0, m1 = (sum - s0) / w1, between = (double) w0 * w1 * (m0 - m1) * (m0 - m1);
			if (between > best) {
				best = between;
				split = i + 1;
			}
		}
		long[] dark = java.util.Arrays.copyOf(h, bins), bright = new long[bins];
		for (int i = split; i < bins; i++) {
			bright[i] = h[i];
			dark[i] = 0;
		}
		double a = quantile(dark, (float) q[0], (float) q[1], 0.5), b = quantile(bright, (float) q[0], (float) q[1], 0.5);
		if (!(b - a > 2 * width)) throw new TxmException("discrete rounds: the reconstruction has no two distinct grey levels (Otsu's classes at "
			+ a + " and " + b + "); give the levels");
		return new double[] { a, b };
	}

	private static long[] histogram(Volume v, float lo, float hi, int bins) {
		long[] h = new long[bins];
		double scale = bins / (double) (hi - lo);
		for (float[] sl : v.slices())
			for (float x : sl)
				if (x != 0 && x >= lo && x <= hi) h[Math.min(bins - 1, (int) ((x - lo) * scale))]++;
		return h;
	}

	/** The quantile p of a histogram over [lo, hi], linear within a bin. */
	private static double quantile(long[] h, float lo, float hi, double p) {
		long tot = 0;
		for (long c : h) tot += c;
		double target = p * tot, width = (hi - lo) / (double) h.length, acc = 0;
		for (int i = 0; i < h.length; i++) {
			if (h[i] > 0 && acc + h[i] >= target) return lo + width * (i + (target - acc) / h[i]);
			acc += h[i];
		}
		return hi;
	}
}

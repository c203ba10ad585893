package org.txmsuite.recon;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.txmsuite.core.CancelledException;

import org.txmsuite.core.TxmException;

/**
 * Iterative reconstruction of one slice that keeps its current image between calls (warm start), so
 * a caller such as tomographic-consistency alignment can run one sweep, reproject, change shifts and
 * continue. Not thread-safe: use one solver per thread. Allocates only at construction.
 *
 * <p>Algorithms (b measured sinogram, A the {@link Projector}, R = A1 ray lengths, lambda relaxation):
 * <ul>
 * <li>ART: for each ray i, {@code x += lambda (b_i - a_i.x) / |a_i|^2 a_i} (Kaczmarz 1937; Gordon,
 * Bender, Herman 1970), projections visited in {@link ReconOptions.Ordering} order.</li>
 * <li>SART: for each projection a, {@code x += lambda A_a^T ((b_a - A_a x) / R_a)} (Andersen and Kak
 * 1984); the per-projection pixel weights of the Joseph model average 1 and are taken as 1.</li>
 * <li>SIRT: {@code x += lambda C^-1 A^T R^-1 (b - A x)}, C = A^T 1 (Gilbert 1972; the form used by
 * ASTRA), converges for 0 &lt; lambda &lt; 2.</li>
 * </ul>
 * Constraints (non-negativity, upper bound, cylinder support) are applied after every projection
 * (ART, SART) or update (SIRT). With a TV weight, each of {@link ReconOptions#tvBlocks()} blocks of
 * projections (ART, SART; SIRT: each update) is followed by {@link ReconOptions#tvSteps()} ASD-POCS TV
 * steepest-descent steps (Sidky and Pan 2008), each {@code tv_weight} times the block's change of the
 * image long. With {@link ReconOptions#momentum()} each block starts from a Nesterov extrapolation
 * ({@link Momentum}).
 */
public final class SliceSolver {
	private final Projector pr;
	private final ReconOptions opt;
	private final ReconOptions.Algorithm alg;
	private final int n, np, w, na;
	private final float[] img, prev, fp, r, rayLen, rayNorm2;
	private float[] colSum, sinoBuf, accum;
	/** Discrete refinement: the pixels it holds, and whether a round is running. */
	private DiscreteHold hold;
	private boolean holding;
	private final int[] order;
	private final float lower, upper;
	private final Tv tv;
	private final Momentum momentum;
	private int threads = 1;
	private SartTeam team;
	/** Wall time of the last split and one-thread SART sweeps (-1: none yet), the split's cores obtained. */
	private long splitNs = -1, singleNs = -1;
	private double splitCores;
	private int sinceProbe, splitSweeps;
	private boolean lastSplit;
	private static final double PAYING_CORES = 1.5;
	private static final int PROBE_EVERY = 8;
	static final int SPLIT_ADAPTIVE = 0, SPLIT_ALWAYS = 1, SPLIT_NEVER = 2;
	/** Adaptive, or (tests and benchmarks) always / never split when {@link #canSplit}. */
	static volatile int splitMode = SPLIT_ADAPTIVE;

	/**
	 * Smallest slice size n at which SART splits each projection between threads: on two idle cores
	 * the split gains 1.3x at n = 64, 1.6x at 128 and 1.7-1.9x from 192 on; on a loaded machine it
	 * loses 2x at 64 and 13 % at 128 until the adaptive choice falls back to one thread
	 * (docs/stages/recon.md, Performance). Package-private and mutable for tests and benchmarks.
	 */
	static volatile int splitMinSize = 128;
	/**
	 * How long a thread waiting at a SART barrier spins before it parks (nanoseconds). Measured on two
	 * cores: parking at once costs 5-25 % on idle cores, 5 us is within 3 % of 20 us there and loses
	 * less on a loaded machine; spinning without parking loses 2.5-7x on a loaded machine.
	 */
	static volatile long spinNanos = 5_000;
	private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
	private static final boolean CPU_TIME = CPU.isCurrentThreadCpuTimeSupported();
	/** Helper threads for the SART split; a cached pool, so a helper is never kept waiting for a thread. */
	private static final ExecutorService HELPERS = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "txm-recon-sart");
		t.setDaemon(true);
		return t;
	});

	/**
	 * @param projector the geometry; with {@link ReconOptions#support()} the solver works with its
	 *        restriction to the cylinder every projection sees ({@link #supportRadius})
	 */
	public SliceSolver(Projector projector, ReconOptions options) {
		options.validate();
		this.pr = options.support() && Double.isInfinite(projector.supportRadius()) ? projector.withSupport(supportRadius(projector)) : projector;
		this.opt = options;
		this.alg = options.algorithm();
		n = pr.sliceSize();
		np = n + 2;
		w = pr.detectorWidth();
		na = pr.angleCount();
		img = new float[np * np];
		prev = options.tvWeight() > 0 ? new float[np * np] : null;
		fp = new float[w];
		r = new float[w];
		rayLen = pr.rayLengths();
		rayNorm2 = alg == ReconOptions.Algorithm.ART ? pr.rayNorms2() : null;
		order = order(pr.anglesDeg(), options.ordering(), options.seed());
		lower = options.nonnegative() ? 0f : Float.NEGATIVE_INFINITY;
		upper = Double.isNaN(options.upperBound()) ? Float.POSITIVE_INFINITY : (float) options.upperBound();
		tv = options.tvWeight() > 0 && options.tvSteps() > 0 ? new Tv(n) : null;
		momentum = options.momentum() ? new Momentum(np * np) : null;
	}

	public Projector projector() { return pr; }

	/**
	 * Threads used within one slice by the algorithms that allow it. SIRT: projections and image lines
	 * in parallel. SART (slices of at least {@link #splitMinSize} pixels): every projection is split
	 * by image lines between the threads, which meet at one or two barriers per projection (see
	 * {@link SartTeam}); the result equals one thread's up to float rounding, and does not depend on
	 * whether a sweep was split or, on a loaded machine, run on one thread ({@link #chooseSplit}). ART
	 * updates ray by ray, each ray reading the pixels the previous one changed: it stays on the calling
	 * thread (volumes run it in parallel over slices).
	 */
	public SliceSolver threads(int t) {
		threads = Math.max(1, t);
		return this;
	}

	/** Threads the last SART sweep split its projections between (1: not split). */
	int sartThreads() { return lastSplit ? team.parties : 1; }

	/** Sets the current image to zero. */
	public void reset() {
		Arrays.fill(img, 0f);
		if (momentum != null) momentum.restart();
	}

	/** Sets the current image (an {@code n*n} slice), e.g. an FBP start or the previous alignment loop's. */
	public void setImage(float[] slice) {
		if (slice.length != n * n) throw new TxmException("start image has " + slice.length + " pixels, expected " + n + "x" + n);
		Arrays.fill(img, 0f);
		for (int j = 0; j < n; j++) System.arraycopy(slice, j * n, img, (j + 1) * np + 1, n);
		constrain();
		if (momentum != null) momentum.restart();
	}

	/** Copies the current image into {@code out} ({@code n*n}). */
	public void image(float[] out) {
		Projector.unpad(img, n, out);
	}

	/**
	 * Runs {@code iterations} sweeps of the configured algorithm on a sinogram ({@code float[nAngles*W]})
	 * starting from the current image. Records after each sweep the relative residual
	 * {@code |b - Ax| / |b|} met during the sweep (for SIRT: before its update) in {@code record}
	 * (may be null; entries beyond its length are dropped).
	 */
	public void run(float[] sino, int iterations, double[] record) {
		for (int it = 0; it < iterations; it++) {
			double res = sweep(sino);
			if (record != null && it < record.length) record[it] = res;
		}
	}

	/** One sweep over all projections; returns the relative residual met during it. */
	public double sweep(float[] sino) {
		if (sino.length != na * w)
			throw new TxmException("sinogram has " + sino.length + " values, expected " + na + " angles x " + w + " pixels");
		double res2 = 0;
		if (alg == ReconOptions.Algorithm.SIRT) {
			accelerate();
			startTv();
			res2 = sweepSirt(sino);
			endTv();
		} else {
			if (alg != ReconOptions.Algorithm.ART && alg != ReconOptions.Algorithm.SART)
				throw new TxmException("algorithm: " + alg + " is not iterative; use FBP through Reconstructor");
			int blocks = tv == null ? 1 : Math.max(1, Math.min(na, opt.tvBlocks()));
			boolean split = alg == ReconOptions.Algorithm.SART && chooseSplit();
			if (alg == ReconOptions.Algorithm.SART && canSplit()) {
				int t = Math.min(threads, n);
				if (team == null || team.parties != t) team = new SartTeam(t);
				Arrays.fill(team.cpu, 0);
			} else team = null;
			long t0 = System.nanoTime();
			for (int b = 0; b < blocks; b++) {
				int from = (int) ((long) na * b / blocks), to = (int) ((long) na * (b + 1) / blocks);
				accelerate();
				startTv();
				res2 += alg == ReconOptions.Algorithm.ART ? sweepArt(sino, from, to) : sweepSart(sino, from, to, split);
				endTv();
			}
			lastSplit = split;
			if (alg == ReconOptions.Algorithm.SART && canSplit()) record(split, System.nanoTime() - t0);
		}
		if (momentum != null) momentum.sweepDone(res2);
		double b2 = 0;
		for (float v : sino) b2 += (double) v * v;
		return b2 > 0 ? Math.sqrt(res2 / b2) : Math.sqrt(res2);
	}

	/** Momentum restarts so far (0 without momentum). */
	int momentumRestarts() { return momentum == null ? 0 : momentum.restarts(); }

	/** Momentum: extrapolate before a block of updates, then the constraints. */
	private void accelerate() {
		if (momentum == null) return;
		momentum.extrapolate(img);
		constrain();
	}

	private void startTv() {
		if (tv != null) System.arraycopy(img, 0, prev, 0, img.length);
	}

	/** ASD-POCS: TV descent scaled by the size of the data step just made. */
	private void endTv() {
		if (tv == null) return;
		double dp = 0;
		for (int i = 0; i < img.length; i++) {
			double d = img[i] - prev[i];
			dp += d * d;
		}
		tv.descend(img, opt.tvWeight() * Math.sqrt(dp), opt.tvSteps());
		constrain();
	}

	private boolean canSplit() {
		return threads > 1 && n > 1 && n >= splitMinSize;
	}

	/**
	 * Split this SART sweep between threads? The first two sweeps split (the first also warms up the
	 * compiled code and the helper threads). While a split obtains {@link #PAYING_CORES} cores (CPU
	 * time of its threads over wall time) it goes on. When it does not (a loaded machine), the next
	 * sweep runs on one thread, and from then on the faster of the two last measured sweep times
	 * decides; every {@link #PROBE_EVERY} sweeps the other choice is tried again.
	 */
	private boolean chooseSplit() {
		if (!canSplit()) return false;
		if (splitMode != SPLIT_ADAPTIVE) return splitMode == SPLIT_ALWAYS;
		if (splitSweeps < 2) return true;
		boolean probe = ++sinceProbe >= PROBE_EVERY;
		if (probe) sinceProbe = 0;
		if (lastSplit && splitCores >= PAYING_CORES) return true;
		if (singleNs < 0) return false;
		return probe != splitNs <= singleNs;
	}

	private void record(boolean split, long ns) {
		if (split) {
			splitSweeps++;
			splitNs = ns;
			splitCores = team.cpuNs() / (double) ns;
		} else singleNs = ns;
	}

	private double sweepSart(float[] sino, int from, int to, boolean split) {
		final float lambda = (float) opt.relaxation();
		if (split) return team.sweep(sino, from, to, lambda);
		if (team != null) return team.sweepAlone(sino, from, to, lambda);
		double res2 = 0;
		for (int q = from; q < to; q++) {
			int a = order[q], off = a * w;
			pr.forwardPadded(img, a, fp, 0);
			for (int u = 0; u < w; u++) {
				float d = sino[off + u] - fp[u];
				float len = rayLen[off + u];
				if (len > 0) {
					res2 += (double) d * d;
					r[u] = lambda * d / len;
				} else r[u] = 0f;
			}
			pr.backPadded(img, a, r, 0);
			constrain();
		}
		return res2;
	}

	private double sweepArt(float[] sino, int from, int to) {
		final float lambda = (float) opt.relaxation();
		double res2 = 0;
		for (int q = from; q < to; q++) {
			int a = order[q], off = a * w;
			for (int u = 0; u < w; u++) {
				float nn = rayNorm2[off + u];
				if (nn <= 0) continue;
				float d = pr.artRay(img, a, u, sino[off + u], lambda, nn);
				res2 += (double) d * d;
			}
			constrain();
		}
		return res2;
	}

	private double sweepSirt(float[] sino) {
		if (colSum == null) {
			colSum = new float[np * np];
			float[] ones = new float[na * w];
			Arrays.fill(ones, 1f);
			for (int a = 0; a < na; a++) pr.backPadded(colSum, a, ones, a * w);
			sinoBuf = new float[na * w];
			accum = new float[np * np];
		}
		final float lambda = (float) opt.relaxation();
		double res2 = 0;
		if (threads > 1) IntStream.range(0, na).parallel().forEach(a -> pr.forwardPadded(img, a, sinoBuf, a * w));
		else for (int a = 0; a < na; a++) pr.forwardPadded(img, a, sinoBuf, a * w);
		for (int i = 0; i < sinoBuf.length; i++) {
			float d = sino[i] - sinoBuf[i];
			if (rayLen[i] > 0) {
				res2 += (double) d * d;
				sinoBuf[i] = d / rayLen[i];
			} else sinoBuf[i] = 0f;
		}
		Arrays.fill(accum, 0f);
		if (threads > 1) { // row-sampled projections split by rows, then column-sampled ones by columns
			for (boolean rows : new boolean[] { true, false })
				IntStream.range(0, threads).parallel().forEach(t -> {
					int k0 = n * t / threads, k1 = n * (t + 1) / threads;
					for (int a = 0; a < na; a++) if (pr.linesAreRows(a) == rows) pr.backPadded(accum, a, sinoBuf, a * w, k0, k1);
				});
		} else for (int a = 0; a < na; a++) pr.backPadded(accum, a, sinoBuf, a * w);
		for (int i = 0; i < img.length; i++)
			if (colSum[i] > 0) img[i] += lambda * accum[i] / colSum[i];
		constrain();
		return res2;
	}

	/**
	 * SART with each projection split between {@code parties} threads by image lines (rows or columns,
	 * whichever the projection samples): each thread forward-projects its lines into its own partial
	 * projection; after a barrier every thread sums the partials (in the same order, so all get the
	 * same correction, equal to one thread's up to float rounding), back-projects the correction into
	 * its own lines and clamps them (disjoint pixels). Partials alternate between two buffers by
	 * projection parity, so the second barrier (before the next forward projection) is only needed when
	 * the next projection samples the other direction: a forward projection of line k reads line k
	 * only. With random ordering that is about 1.5 barriers per projection.
	 *
	 * <p>The barrier spins for {@link #spinNanos} and then parks: on a shared machine, where the
	 * scheduler may take a core from one of the threads for a whole time slice, the waiting thread
	 * gives its core back instead of spinning it away. Allocates only per sweep (helper tasks).
	 */
	private final class SartTeam {
		final int parties;
		private final float[][][] parts;
		private final float[][] corr;
		private final Thread[] members;
		private final AtomicInteger arrived = new AtomicInteger();
		private final AtomicInteger parked = new AtomicInteger();
		private volatile int generation;
		private volatile boolean broken;
		private double res2;
		/** CPU time of each thread in the current sweep (all its blocks), ns. */
		final long[] cpu;

		SartTeam(int parties) {
			cpu = new long[parties];
			this.parties = parties;
			parts = new float[2][parties][w];
			corr = new float[parties][w];
			members = new Thread[parties];
		}

		double sweep(float[] sino, int from, int to, float lambda) {
			broken = false;
			arrived.set(0);
			generation = 0;
			members[0] = Thread.currentThread();
			Future<?>[] helpers = new Future<?>[parties - 1];
			for (int t = 1; t < parties; t++) {
				int tt = t;
				helpers[t - 1] = HELPERS.submit(() -> work(tt, sino, from, to, lambda));
			}
			Throwable failure = null;
			try {
				work(0, sino, from, to, lambda);
			} catch (RuntimeException | Error e) {
				failure = e;
			}
			for (Future<?> f : helpers) {
				try {
					f.get();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					breakBarrier();
					throw new CancelledException();
				} catch (ExecutionException e) {
					if (failure == null) failure = e.getCause();
				}
			}
			if (failure instanceof RuntimeException) throw (RuntimeException) failure;
			if (failure instanceof Error) throw (Error) failure;
			if (failure != null) throw new TxmException("SART worker failed: " + failure, failure);
			return res2;
		}

		/** CPU time the team's threads spent in the current sweep (ns; 0 where the JVM cannot tell). */
		long cpuNs() {
			long s = 0;
			for (long c : cpu) s += c;
			return s;
		}

		private void work(int t, float[] sino, int from, int to, float lambda) {
			members[t] = Thread.currentThread();
			long c0 = threadCpuNs();
			try {
				int gen = 0;
				double sum2 = 0;
				for (int q = from; q < to; q++) {
					int a = order[q];
					forwardPart(t, a, q);
					gen = await(gen);
					double d2 = correction(corr[t], sino, a, q, lambda);
					if (t == 0) sum2 += d2;
					backPart(t, a, corr[t]);
					if (q + 1 < to && pr.linesAreRows(order[q + 1]) != pr.linesAreRows(a)) gen = await(gen);
				}
				if (t == 0) res2 = sum2;
				cpu[t] += threadCpuNs() - c0;
			} catch (RuntimeException | Error e) {
				breakBarrier();
				throw e;
			}
		}

		/**
		 * The same sweep on the calling thread, with the same partial projections added in the same
		 * order: bit for bit the split's result, so that switching between the two keeps a run's
		 * result independent of the timing.
		 */
		double sweepAlone(float[] sino, int from, int to, float lambda) {
			double sum2 = 0;
			for (int q = from; q < to; q++) {
				int a = order[q];
				for (int t = 0; t < parties; t++) forwardPart(t, a, q);
				sum2 += correction(corr[0], sino, a, q, lambda);
				for (int t = 0; t < parties; t++) backPart(t, a, corr[0]);
			}
			return sum2;
		}

		/** Image lines of thread t. */
		private int k0(int t) { return n * t / parties; }

		private void forwardPart(int t, int a, int q) {
			pr.forwardPadded(img, a, parts[q & 1][t], 0, k0(t), k0(t + 1));
		}

		/** The correction of projection a from the summed partials into c; returns the squared residual. */
		private double correction(float[] c, float[] sino, int a, int q, float lambda) {
			float[][] ps = parts[q & 1];
			int off = a * w;
			double sum2 = 0;
			for (int u = 0; u < w; u++) {
				float f = ps[0][u];
				for (int p = 1; p < parties; p++) f += ps[p][u];
				float d = sino[off + u] - f, len = rayLen[off + u];
				if (len > 0) {
					sum2 += (double) d * d;
					c[u] = lambda * d / len;
				} else c[u] = 0f;
			}
			return sum2;
		}

		private void backPart(int t, int a, float[] c) {
			pr.backPadded(img, a, c, 0, k0(t), k0(t + 1));
			constrainLines(pr.linesAreRows(a), k0(t), k0(t + 1));
		}

		/** Sense-counting barrier: spin for {@link #spinNanos}, then park until the last thread arrives. */
		private int await(int gen) {
			if (arrived.incrementAndGet() == parties) {
				arrived.set(0);
				generation = gen + 1;
				if (parked.get() > 0) for (Thread m : members) if (m != Thread.currentThread()) LockSupport.unpark(m);
				return gen + 1;
			}
			long deadline = System.nanoTime() + spinNanos;
			while (generation == gen && !broken && System.nanoTime() < deadline) Thread.onSpinWait();
			if (generation == gen && !broken) {
				parked.incrementAndGet();
				while (generation == gen && !broken) LockSupport.park(this);
				parked.decrementAndGet();
			}
			if (broken) throw new TxmException("SART: another worker thread failed");
			return gen + 1;
		}

		private void breakBarrier() {
			broken = true;
			for (Thread m : members) if (m != null) LockSupport.unpark(m);
		}
	}

	private static long threadCpuNs() {
		return CPU_TIME ? Math.max(0, CPU.getCurrentThreadCpuTime()) : 0;
	}

	/**
	 * {@link #constrain} restricted to image lines k0..k1-1 (rows, or columns), whole lines including
	 * the border pixels; columns are visited row by row (short contiguous runs), not down the column.
	 */
	private void constrainLines(boolean rows, int k0, int k1) {
		if (rows) {
			for (int k = k0; k < k1; k++) constrainRun((k + 1) * np, 0, np - 1, pr.lineLo(k), pr.lineHi(k));
			return;
		}
		Arrays.fill(img, k0 + 1, k1 + 1, 0f);
		Arrays.fill(img, (np - 1) * np + k0 + 1, (np - 1) * np + k1 + 1, 0f);
		for (int j = 0; j < n; j++) constrainRun((j + 1) * np, k0 + 1, k1, pr.lineLo(j), pr.lineHi(j));
	}

	/** Pixels row+i, i in [from, to]: clamped where lo &lt;= i &lt;= hi (inside the support), else zero. */
	private void constrainRun(int row, int from, int to, int lo, int hi) {
		int l = Math.max(from, lo), h = Math.min(to, hi);
		if (l > h) {
			Arrays.fill(img, row + from, row + to + 1, 0f);
			return;
		}
		Arrays.fill(img, row + from, row + l, 0f);
		clampRun(row + l, row + h);
		Arrays.fill(img, row + h + 1, row + to + 1, 0f);
	}

	/**
	 * Discrete refinement (DART: Batenburg and Sijbers 2011, IEEE Trans. Image Process. 20:2542) of the
	 * current image with the materials' grey levels {@code levels} (ascending): each round classifies the
	 * pixels by the nearest level, holds the pixels whose 8 neighbours all share their class at that level
	 * (each only with probability {@link DiscreteHold#FIX_PROBABILITY}, so that misclassified regions can still move),
	 * runs one sweep of the algorithm (no TV) that changes only the free pixels - the boundary pixels and
	 * the randomly released ones - and smooths the free pixels lightly ({@link DiscreteHold#FREE_SMOOTHING}). Pixels
	 * more than half the outer gap beyond the lowest or highest level (an unlisted material such as an Au
	 * bead) are never held. The result is continuous: held pixels at their level, boundary pixels at the
	 * partial-volume value the data give them, so a partial-volume measurement still works. The prior
	 * knowledge of the levels removes most of the limited-angle (missing-wedge) smear of thick uniform
	 * parts such as a Pt shell.
	 *
	 * @return the relative residual of each round
	 */
	public double[] refineDiscrete(float[] sino, double[] levels, int rounds) {
		return refineDiscrete(sino, levels, false, rounds);
	}

	/**
	 * As {@link #refineDiscrete(float[], double[], int)}; with {@code regional} the levels only classify:
	 * each connected region of a class (4-connected in the slice) is held at its own level, the mean of its
	 * pixels away from its boundary, measured again before every round (the pixels the last sweep moved pull
	 * it towards what the data ask). For levels that are only estimates or differ from region to region: a
	 * low-Z pressure medium outside a Pt shell and the sample inside, or a thin shell whose estimated level
	 * reads low because the first reconstruction blurred it.
	 */
	public double[] refineDiscrete(float[] sino, double[] levels, boolean regional, int rounds) {
		if (levels == null || levels.length < 2) throw new TxmException("discrete levels: expected at least 2 grey levels");
		if (hold == null) hold = new DiscreteHold(pr);
		int m = levels.length;
		float[] lev = new float[m], cut = new float[m + 1];
		for (int i = 0; i < m; i++) lev[i] = (float) levels[i];
		cut[0] = (float) (levels[0] - (levels[1] - levels[0]) / 2);
		for (int i = 1; i < m; i++) cut[i] = (float) ((levels[i - 1] + levels[i]) / 2);
		cut[m] = (float) (levels[m - 1] + (levels[m - 1] - levels[m - 2]) / 2);
		Random rnd = new Random(opt.seed() * 31 + 17);
		double b2 = 0;
		for (float v : sino) b2 += (double) v * v;
		double[] res = new double[rounds];
		try {
			for (int round = 0; round < rounds; round++) {
				hold.prepare(img, lev, cut, regional, rnd);
				holding = true;
				constrain();
				double r2 = alg == ReconOptions.Algorithm.SIRT ? sweepSirt(sino) : alg == ReconOptions.Algorithm.ART ? sweepArt(sino, 0, na) : sweepSart(sino, 0, na, false);
				if (round < rounds - 1) {
					hold.smoothFree(img);
					constrain();
				}
				res[round] = b2 > 0 ? Math.sqrt(r2 / b2) : Math.sqrt(r2);
			}
		} finally {
			holding = false;
		}
		return res;
	}

	/** Clears the border, zeroes outside the support and clamps to [lower, upper]. */
	private void constrain() {
		pr.maskOutside(img);
		if (!holding && lower == Float.NEGATIVE_INFINITY && upper == Float.POSITIVE_INFINITY) return;
		for (int k = 0; k < n; k++) {
			int row = (k + 1) * np;
			clampRun(row + pr.lineLo(k), row + pr.lineHi(k));
		}
	}

	/** Pixels i0..i1 clamped to [lower, upper]; during a discrete refinement, held pixels go back to their level. */
	private void clampRun(int i0, int i1) {
		final float lo = lower, hi = upper;
		if (holding) {
			final float[] fixed = hold.fixed;
			for (int i = i0; i <= i1; i++) {
				float f = fixed[i];
				img[i] = f == f ? f : Math.min(hi, Math.max(lo, img[i]));
			}
		} else for (int i = i0; i <= i1; i++) img[i] = Math.min(hi, Math.max(lo, img[i]));
	}

	/**
	 * Radius of the cylinder every projection sees: from the rotation axis to the nearer detector
	 * edge, {@code min(c, W-1-c) + 0.5} pixels.
	 */
	public static double supportRadius(Projector p) {
		return Math.min(p.center(), p.detectorWidth() - 1 - p.center()) + 0.5;
	}

	/** The order in which ART/SART visit the projections. */
	static int[] order(double[] anglesDeg, ReconOptions.Ordering ordering, long seed) {
		int na = anglesDeg.length;
		int[] o = new int[na];
		for (int i = 0; i < na; i++) o[i] = i;
		if (ordering == ReconOptions.Ordering.SEQUENTIAL || na < 3) return o;
		Random rnd = new Random(seed);
		for (int i = na - 1; i > 0; i--) {
			int k = rnd.nextInt(i + 1), t = o[i];
			o[i] = o[k];
			o[k] = t;
		}
		if (ordering == ReconOptions.Ordering.RANDOM) return o;
		boolean[] used = new boolean[na];
		int cur = o[0];
		used[cur] = true;
		for (int i = 1; i < na; i++) {
			int best = -1;
			double bestScore = Double.MAX_VALUE;
			for (int k = 0; k < na; k++) {
				if (used[k]) continue;
				double d = Math.abs(((anglesDeg[k] - anglesDeg[cur]) % 180 + 180) % 180 - 90);
				if (d < bestScore) {
					bestScore = d;
					best = k;
				}
			}
			used[best] = true;
			o[i] = best;
			cur = best;
		}
		return o;
	}
}

package org.txmsuite.recon.bench;

import java.util.concurrent.atomic.AtomicInteger;

import org.txmsuite.recon.Projector;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.SliceSolver;
import org.txmsuite.recon.TestAccess;

/**
 * Does SART pay for splitting one projection between threads? Each thread forward-projects its share
 * of image lines into a partial sum, computes the correction for its share of detector pixels, then
 * back-projects and clamps its own lines (disjoint pixels); three spin barriers per projection. Compared
 * with the one-thread {@link SliceSolver} on the same analytic Shepp-Logan sinogram (same result).
 * Usage: {@code SartSplitStudy n angles threads} (angles spread over 180 deg; 135 means 0..134 deg).
 * The solver's own split ({@code SliceSolver.SartTeam}: 1-2 spin-then-park barriers per projection,
 * adaptive) grew out of this study; {@link SartThreadStudy} measures it.
 */
public class SartSplitStudy {
	private final int n, np, w, na, threads;
	private final Projector pr;
	private final float[] rayLen, sino, img, r;
	private final float[][] parts;
	private final int[] lo, hi, order;
	private final AtomicInteger arrived = new AtomicInteger();
	private volatile int generation;

	SartSplitStudy(Projector full, float[] sino, int threads) {
		n = full.sliceSize();
		np = n + 2;
		w = full.detectorWidth();
		na = full.angleCount();
		this.threads = threads;
		this.sino = sino;
		double radius = SliceSolver.supportRadius(full), h = (n - 1) / 2.0;
		pr = full.withSupport(radius);
		rayLen = pr.rayLengths();
		img = new float[np * np];
		r = new float[w];
		parts = new float[threads][w];
		lo = new int[n];
		hi = new int[n];
		for (int k = 0; k < n; k++) { // padded range of line k inside the support disc (as Projector's)
			double x2 = radius * radius - (k - h) * (k - h), xr = Math.sqrt(Math.max(0, x2));
			lo[k] = x2 < 0 ? 1 : Math.max(1, (int) Math.ceil(h - xr - 1e-9) + 1);
			hi[k] = x2 < 0 ? 0 : Math.min(n, (int) Math.floor(h + xr + 1e-9) + 1);
		}
		order = new int[na];
		java.util.List<Integer> o = new java.util.ArrayList<>();
		for (int i = 0; i < na; i++) o.add(i);
		java.util.Collections.shuffle(o, new java.util.Random(1));
		for (int i = 0; i < na; i++) order[i] = o.get(i);
	}

	/** Sense-counting spin barrier (spins, then yields). */
	private int await(int gen) {
		if (arrived.incrementAndGet() == threads) {
			arrived.set(0);
			generation = gen + 1;
		} else for (int spins = 0; generation == gen;) if (++spins < 20000) Thread.onSpinWait(); else Thread.yield();
		return gen + 1;
	}

	private void work(int t, int sweeps) {
		int k0 = n * t / threads, k1 = n * (t + 1) / threads, u0 = w * t / threads, u1 = w * (t + 1) / threads, gen = 0;
		float[] fp = parts[t];
		for (int s = 0; s < sweeps; s++)
			for (int q = 0; q < na; q++) {
				int a = order[q];
				pr.forwardPadded(img, a, fp, 0, k0, k1);
				gen = await(gen);
				for (int u = u0; u < u1; u++) {
					float sum = 0;
					for (float[] p : parts) sum += p[u];
					float len = rayLen[a * w + u];
					r[u] = len > 0 ? (sino[a * w + u] - sum) / len : 0f;
				}
				gen = await(gen);
				pr.backPadded(img, a, r, 0, k0, k1);
				boolean rows = pr.linesAreRows(a);
				for (int k = k0; k < k1; k++)
					for (int i = 0; i < np; i++) {
						int idx = rows ? (k + 1) * np + i : i * np + k + 1;
						img[idx] = i < lo[k] || i > hi[k] ? 0f : Math.max(0f, img[idx]);
					}
				gen = await(gen);
			}
	}

	double run(int sweeps) throws InterruptedException {
		java.util.Arrays.fill(img, 0f);
		generation = 0;
		long t0 = System.nanoTime();
		Thread[] helpers = new Thread[threads - 1];
		for (int t = 1; t < threads; t++) {
			int tt = t;
			helpers[t - 1] = new Thread(() -> work(tt, sweeps));
			helpers[t - 1].start();
		}
		work(0, sweeps);
		for (Thread h : helpers) h.join();
		return (System.nanoTime() - t0) / 1e6 / sweeps;
	}

	public static void main(String[] args) throws InterruptedException {
		int n = Integer.parseInt(args[0]), na = Integer.parseInt(args[1]), threads = Integer.parseInt(args[2]);
		double[] ang = new double[na];
		for (int i = 0; i < na; i++) ang[i] = na == 135 ? i : i * 180.0 / na;
		float[] truth = TestAccess.truth(n), sino = TestAccess.sino(n, ang);
		Projector full = new Projector(n, n, ang, Double.NaN, null);
		System.out.printf("%dx%d, %d angles, load average %.2f%n", n, n, na,
			java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		SartSplitStudy split = new SartSplitStudy(full, sino, threads);
		float[] x = new float[n * n];
		for (int rep = 0; rep < 4; rep++) {
			double ms = split.run(5);
			Projector.unpad(split.img, n, x);
			double one = oneThread(full, sino, x.clone());
			System.out.printf("split over %d threads %.1f ms/sweep (RMSE %.4f); SliceSolver one thread %.1f ms/sweep%n", threads, ms,
				TestAccess.rmse(x, truth), one);
		}
	}

	static double oneThread(Projector full, float[] sino, float[] scratch) {
		long t0 = System.nanoTime();
		SliceSolver s = new SliceSolver(full, new ReconOptions());
		s.run(sino, 5, null);
		s.image(scratch);
		return (System.nanoTime() - t0) / 1e6 / 5;
	}
}

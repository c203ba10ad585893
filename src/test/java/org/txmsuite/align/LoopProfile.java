package org.txmsuite.align;

import org.txmsuite.core.FrameStack;

/** Times the parts of one full-resolution consistency loop (CPU time of all threads). */
public final class LoopProfile {
	private LoopProfile() {}

	public static void run(int w, int h, int n, int reps) {
		double[] ang = AlignBenchSupport.angles("180", n);
		FrameStack p = AlignPhantoms.scan(w, h).jitter(5, 42).projections(ang, 0.01);
		float[][] f = new float[n][];
		for (int i = 0; i < n; i++) f[i] = p.pixels(i);
		ConsistencyModel m = new ConsistencyModel(w, h, ang, (w - 1) / 2.0, 1.0, true);
		float[][] vol = new float[h][w * w], re = new float[n][w * h], sh = new float[n][w * h];
		double[] dx = new double[n], dy = new double[n];
		for (int i = 0; i < n; i++) { dx[i] = 0.3 * Math.sin(i); dy[i] = 0.2 * Math.cos(i); }
		ThreadLocal<Registration> reg = ThreadLocal.withInitial(() -> new Registration(w, h, 10, 0.08, false));
		double[][] found = new double[n][3];
		m.sweepAndReproject(vol, f, 2, re);
		for (int r = 0; r < reps; r++) {
			long c0 = AlignBenchSupport.cpuNanos(), t0 = System.nanoTime();
			m.sweepAndReproject(vol, f, 1, null);
			long c1 = AlignBenchSupport.cpuNanos(), t1 = System.nanoTime();
			m.sweepAndReproject(vol, f, 0, re);
			long c2 = AlignBenchSupport.cpuNanos(), t2 = System.nanoTime();
			java.util.stream.IntStream.range(0, n).parallel().forEach(i -> reg.get().register(re[i], f[i], found[i]));
			long c3 = AlignBenchSupport.cpuNanos(), t3 = System.nanoTime();
			ProjectionAligner.shiftInto(f, sh, w, h, dx, dy, 1);
			long c4 = AlignBenchSupport.cpuNanos(), t4 = System.nanoTime();
			System.out.printf("cpu/wall ms: sweep %.0f/%.0f  reproject %.0f/%.0f  register %.0f/%.0f  shift %.0f/%.0f%n", (c1 - c0) / 1e6,
				(t1 - t0) / 1e6, (c2 - c1) / 1e6, (t2 - t1) / 1e6, (c3 - c2) / 1e6, (t3 - t2) / 1e6, (c4 - c3) / 1e6, (t4 - t3) / 1e6);
		}
	}

	/** CPU time of one registration (upsample 1 and 10) and one sub-pixel shift of a w x h image, this thread. */
	public static void kernels(int w, int h) {
		java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
		float[] r = RegistrationTest.blobs(w, h, 0, 0), m = RegistrationTest.blobs(w, h, 0.3, -0.2), d = new float[w * h];
		int reps = 2000;
		for (int up : new int[] { 1, 10 }) {
			Registration g = new Registration(w, h, up, 0.08, false);
			double[] o = new double[3];
			for (int k = 0; k < reps; k++) g.register(r, m, o);
			long t0 = mx.getCurrentThreadCpuTime();
			for (int k = 0; k < reps; k++) g.register(r, m, o);
			System.out.printf("registration %dx%d, upsample %d: %.3f ms CPU%n", w, h, up, (mx.getCurrentThreadCpuTime() - t0) / 1e6 / reps);
		}
		SubpixelShift s = new SubpixelShift(w, h);
		for (int k = 0; k < reps; k++) s.shift(r, d, 0.3, 0.2);
		long t0 = mx.getCurrentThreadCpuTime();
		for (int k = 0; k < reps; k++) s.shift(r, d, 0.3, 0.2);
		System.out.printf("sub-pixel shift %dx%d: %.3f ms CPU%n", w, h, (mx.getCurrentThreadCpuTime() - t0) / 1e6 / reps);
	}
}

package org.txmsuite.align;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.txmsuite.core.FrameStack;
import org.txmsuite.sim.ScanSimulator;

/** Runs one alignment case and prints accuracy and timing, wall and CPU (used by the benchmark main). */
public final class AlignBenchSupport {
	private AlignBenchSupport() {}

	public static double[] angles(String set, int n) {
		switch (set) {
			case "135": return ScanSimulator.angles(0, 135, n);
			case "152": return ScanSimulator.fourPostAngles(152, 152.0 / n);
			default: return ScanSimulator.angles(0, 180 - 180.0 / n, n);
		}
	}

	/** CPU time of every live thread of this JVM (ns); the pool threads persist, so differences are per-task. */
	static long cpuNanos() {
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		long s = 0;
		for (long id : mx.getAllThreadIds()) {
			long t = mx.getThreadCpuTime(id);
			if (t > 0) s += t;
		}
		return s;
	}

	public static void run(String set, int w, int h, int n, AlignOptions o) {
		run(set, w, h, n, o, 42, Double.NaN, true);
	}

	/**
	 * Aligns the {@code set} case with jitter seed {@code seed} and true rotation centre {@code center}
	 * (NaN: (W-1)/2); prints per loop when {@code verbose}. Returns {x RMS after removing a common offset
	 * (the measure), x RMS after removing a + b cos + c sin (gauge-free), the RMS of the true
	 * jitter's own cos/sin part after its mean (the floor of the first for any method), y RMS after the
	 * offset, loops, wall s, CPU s, found centre, the constant a of the fit a + b cos + c sin to the true x jitter (with
	 * the centre refined, that part of the jitter cannot be told from a centre shift)}.
	 */
	public static double[] run(String set, int w, int h, int n, AlignOptions o, long seed, double center, boolean verbose) {
		double[] ang = angles(set, n);
		ScanSimulator sim = AlignPhantoms.scan(w, h).jitter(5, seed);
		if (!Double.isNaN(center)) sim.center(center);
		long t0 = System.nanoTime();
		FrameStack p = sim.projections(ang, Double.parseDouble(System.getProperty("align.noise", "0.01")));
		double[][] truth = sim.shifts(ang.length);
		if (verbose)
			System.out.printf("simulated %d rows x %d columns x %d views (%s deg) in %.1f s; %d cores%n", h, w, ang.length, set,
				(System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors());
		long t1 = System.nanoTime(), c1 = cpuNanos();
		long[] last = { t1, c1 };
		AlignResult r = ProjectionAligner.align(p, ang, o, (d, t, m) -> {
			long now = System.nanoTime(), cpu = cpuNanos();
			if (verbose) System.out.printf("  %-45s wall %.3f s  cpu %.3f s%n", m, (now - last[0]) / 1e9, (cpu - last[1]) / 1e9);
			last[0] = now;
			last[1] = cpu;
		});
		double total = (System.nanoTime() - t1) / 1e9, cpu = (cpuNanos() - c1) / 1e9;
		double[] tx = AlignPhantoms.column(truth, 0), ty = AlignPhantoms.column(truth, 1);
		double[] m = { AlignPhantoms.rmsOffset(r.dx, tx), AlignPhantoms.rmsRigid(r.dx, tx, ang), AlignPhantoms.gaugeFloor(tx, ang),
			AlignPhantoms.rmsOffset(r.dy, ty), r.loops, total, cpu, r.center, Lsq.fit(tx, ang)[0] };
		if (!verbose) return m;
		System.out.printf("total wall %.2f s, cpu %.2f s, %d loops (%.3f s wall, %.3f s cpu per loop incl. start sweeps)%n", total, cpu,
			r.loops, total / r.loops, cpu / r.loops);
		System.out.printf("x rms (common offset) %.3f, x rms (a + b cos + c sin removed) %.3f; y rms (offset) %.3f; centre %.2f%n", m[0],
			m[1], m[3], r.center);
		if (Boolean.getBoolean("align.dump")) {
			double my = 0;
			for (int i = 0; i < ang.length; i++) my += (r.dy[i] - ty[i]) / ang.length;
			for (int i = 0; i < ang.length; i++)
				System.out.printf("%d %.1f ey %.3f ty %.2f%n", i, ang[i], r.dy[i] - ty[i] - my, ty[i]);
		}
		System.out.printf("truth's own cos/sin part of x (floor of the common-offset figure): rms %.3f%n", m[2]);
		return m;
	}

	/** Rotation centre on the aligned-data case: true centre {@code truth}, 8 rows, +-10 px search. */
	public static void center(String set, int w, int h, int n, double truth) {
		double[] ang = angles(set, n);
		FrameStack p = AlignPhantoms.scan(w, h).center(truth).projections(ang, 0.01);
		long t0 = System.nanoTime(), c0 = cpuNanos();
		CenterFinder.Result r = CenterFinder.find(p, ang, 10, 8, null);
		System.out.printf("centre %s deg, %d x %d x %d: found %.3f, true %.3f, error %.3f px; wall %.2f s, cpu %.2f s%n", set, h, w, n, r.center,
			truth, r.center - truth, (System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9);
	}
}

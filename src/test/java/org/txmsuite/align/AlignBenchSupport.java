package org.txmsuite.align;

import org.txmsuite.core.FrameStack;
import org.txmsuite.sim.ScanSimulator;

/** Runs one alignment case and prints accuracy and timing (used by the benchmark main). */
public final class AlignBenchSupport {
	private AlignBenchSupport() {}

	public static double[] angles(String set, int n) {
		switch (set) {
			case "135": return ScanSimulator.angles(0, 135, n);
			case "152": return ScanSimulator.fourPostAngles(152, 152.0 / n);
			default: return ScanSimulator.angles(0, 180 - 180.0 / n, n);
		}
	}

	public static void run(String set, int w, int h, int n) {
		double[] ang = angles(set, n);
		ScanSimulator sim = AlignPhantoms.scan(w, h).jitter(5, 42);
		long t0 = System.nanoTime();
		FrameStack p = sim.projections(ang, 0.01);
		double[][] truth = sim.shifts(ang.length);
		System.out.printf("simulated %d x %d x %d (%s deg) in %.1f s%n", h, w, ang.length, set, (System.nanoTime() - t0) / 1e9);
		long t1 = System.nanoTime();
		long[] last = { t1 };
		AlignResult r = ProjectionAligner.align(p, ang, new AlignOptions(), (d, t, m) -> {
			long now = System.nanoTime();
			System.out.printf("  %s  (%.3f s)%n", m, (now - last[0]) / 1e9);
			last[0] = now;
		});
		double total = (System.nanoTime() - t1) / 1e9;
		double[] tx = AlignPhantoms.column(truth, 0), ty = AlignPhantoms.column(truth, 1);
		System.out.printf("total %.2f s, %d loops; x rms (offset) %.3f (rigid) %.3f; y rms %.3f; centre %.2f%n", total, r.loops,
			AlignPhantoms.rmsOffset(r.dx, tx), AlignPhantoms.rmsRigid(r.dx, tx, ang), AlignPhantoms.rmsOffset(r.dy, ty), r.center);
		System.out.printf("truth rigid part of x: rms %.3f%n", AlignPhantoms.rmsOffset(rigidPart(tx, ang), new double[tx.length]));
	}

	static double[] rigidPart(double[] v, double[] ang) {
		double[] c = v.clone();
		ProjectionAligner.removeRigid(c, ang);
		for (int i = 0; i < c.length; i++) c[i] = v[i] - c[i];
		return c;
	}
}

package org.txmsuite.recon.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.txmsuite.recon.Projector;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.SliceSolver;

/** Single-thread sweep timing: java ... SweepTiming n nAngles reps */
public class SweepTiming {
	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]), na = Integer.parseInt(args[1]), reps = Integer.parseInt(args[2]);
		double[] ang = new double[na];
		for (int i = 0; i < na; i++) ang[i] = i * (na == 180 ? 1 : 1);
		float[] sino = BenchData.sino(n, ang);
		Projector pr = new Projector(n, n, ang, Double.NaN, null);
		for (ReconOptions.Algorithm alg : new ReconOptions.Algorithm[] { ReconOptions.Algorithm.SART, ReconOptions.Algorithm.ART, ReconOptions.Algorithm.SIRT }) {
			double[] t = time(() -> {
				SliceSolver s = new SliceSolver(pr, new ReconOptions().algorithm(alg));
				return s;
			}, sino, reps);
			System.out.printf("%s %dx%d x %d: min wall %.1f ms, min cpu %.1f ms per sweep%n", alg, n, n, na, t[0], t[1]);
		}
	}

	interface Make { SliceSolver make(); }

	static double[] time(Make m, float[] sino, int reps) {
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		SliceSolver s = m.make();
		for (int i = 0; i < 5; i++) s.sweep(sino); // warm-up (JIT)
		double wall = Double.MAX_VALUE, cpu = Double.MAX_VALUE;
		for (int r = 0; r < reps; r++) {
			s.reset();
			long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
			s.sweep(sino);
			wall = Math.min(wall, (System.nanoTime() - t0) / 1e6);
			cpu = Math.min(cpu, (mx.getCurrentThreadCpuTime() - c0) / 1e6);
		}
		return new double[] { wall, cpu };
	}
}

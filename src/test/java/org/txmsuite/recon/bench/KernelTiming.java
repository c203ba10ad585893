package org.txmsuite.recon.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.txmsuite.recon.Projector;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.SliceSolver;

/** Component timings (thread CPU): forward, back, SART with and without constraints. */
public class KernelTiming {
	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]), na = Integer.parseInt(args[1]);
		double[] ang = new double[na];
		for (int i = 0; i < na; i++) ang[i] = i;
		float[] sino = BenchData.sino(n, ang);
		Projector pr = new Projector(n, n, ang, Double.NaN, null);
		float[] img = Projector.pad(BenchData.truth(n), n), out = new float[na * n];
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		for (int rep = 0; rep < 3; rep++) {
			double f = 1e9, b = 1e9, s1 = 1e9, s2 = 1e9;
			SliceSolver on = new SliceSolver(pr, new ReconOptions()), off = new SliceSolver(pr, new ReconOptions().nonnegative(false).support(false));
			for (int r = 0; r < 8; r++) {
				long c = mx.getCurrentThreadCpuTime();
				for (int a = 0; a < na; a++) pr.forwardPadded(img, a, out, a * n);
				f = Math.min(f, (mx.getCurrentThreadCpuTime() - c) / 1e6);
				c = mx.getCurrentThreadCpuTime();
				for (int a = 0; a < na; a++) pr.backPadded(img, a, out, a * n);
				b = Math.min(b, (mx.getCurrentThreadCpuTime() - c) / 1e6);
				Projector.clearBorder(img, n);
				c = mx.getCurrentThreadCpuTime();
				on.sweep(sino);
				s1 = Math.min(s1, (mx.getCurrentThreadCpuTime() - c) / 1e6);
				c = mx.getCurrentThreadCpuTime();
				off.sweep(sino);
				s2 = Math.min(s2, (mx.getCurrentThreadCpuTime() - c) / 1e6);
			}
			System.out.printf("forward %.1f  back %.1f  sart(constraints) %.1f  sart(none) %.1f ms%n", f, b, s1, s2);
		}
	}
}

package org.txmsuite.recon.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.txmsuite.recon.Projector;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.SliceSolver;
import org.txmsuite.recon.TestAccess;

/**
 * Where does {@link SliceSolver}'s SART split within a projection pay, and how long should a thread
 * spin at a barrier before it parks? For each slice size: ms per SART sweep on 1 thread and on 2
 * threads for each spin time (0: park at once) and the split's sums on one thread (the solver's fallback), best and median of alternating runs of 3 sweeps, with
 * the process CPU time of the best run. Angles: 135 over 0..134 deg for n &lt;= 256, else 180 over 0..179.
 * Usage: {@code SartThreadStudy SIZES SPINS_US [RUNS]}, e.g. {@code SartThreadStudy 128,192,256,384,512 0,20,200 5}.
 */
public class SartThreadStudy {
	public static void main(String[] args) {
		int[] sizes = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
		long[] spins = Arrays.stream(args[1].split(",")).mapToLong(s -> Long.parseLong(s) * 1000).toArray();
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5, sweeps = 3;
		TestAccess.sartSplitMinSize(0);
		boolean adaptive = System.getProperty("adaptive") != null; // -Dadaptive: let the solver choose
		TestAccess.sartAdaptive(adaptive);
		System.out.printf("cores %d, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
			ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.println("n     angles  threads  spin us  ms/sweep best  median  process cpu ms/sweep (best run)");
		for (int n : sizes) {
			int na = n <= 256 ? 135 : 180;
			double[] ang = new double[na];
			for (int i = 0; i < na; i++) ang[i] = i;
			float[] sino = TestAccess.sino(n, ang);
			Projector pr = new Projector(n, n, ang, Double.NaN, null);
			int variants = 2 + spins.length; // 1 thread, the split's sums on one thread, split with each spin
			double[][] wall = new double[variants][runs], cpu = new double[variants][runs];
			for (int rep = 0; rep < runs; rep++)
				for (int v = 0; v < variants; v++) {
					if (v > 1) TestAccess.sartSpinNanos(spins[v - 2]);
					if (v == 1) TestAccess.sartSplitMode(2);
					SliceSolver s = new SliceSolver(pr, new ReconOptions()).threads(v == 0 ? 1 : 2);
					s.sweep(sino); // warm the helpers
					long c0 = ReconBench.processCpuNanos(), t0 = System.nanoTime();
					s.run(sino, sweeps, null);
					wall[v][rep] = (System.nanoTime() - t0) / 1e6 / sweeps;
					cpu[v][rep] = (ReconBench.processCpuNanos() - c0) / 1e6 / sweeps;
					if (v == 1) TestAccess.sartAdaptive(adaptive);
				}
			for (int v = 0; v < variants; v++) {
				int b = ReconBench.best(wall[v]);
				System.out.printf("%-5d %6d  %7s  %7s  %13.1f  %6.1f  %8.1f%n", n, na, v == 0 ? "1" : v == 1 ? "1 (sums)" : "2",
					v < 2 ? "-" : "" + spins[v - 2] / 1000,
					wall[v][b], ReconBench.median(wall[v]), cpu[v][b]);
			}
		}
		System.out.printf("load average at the end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}
}

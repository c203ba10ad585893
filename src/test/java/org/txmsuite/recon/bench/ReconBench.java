package org.txmsuite.recon.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.txmsuite.core.DataState;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameStack;
import org.txmsuite.recon.Fbp;
import org.txmsuite.recon.Projector;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.ReconOptions.Algorithm;
import org.txmsuite.recon.Reconstructor;
import org.txmsuite.recon.SliceSolver;
import org.txmsuite.recon.TestAccess;
import org.txmsuite.sim.Phantom2D;

/**
 * The recon benchmark (run by scripts/bench-recon.sh beside scikit-image on the same sinograms):
 * <ol>
 * <li>256x256, 135 angles over 0..134 deg, analytic Shepp-Logan: RMSE/SSIM after 5 sweeps and time
 * per sweep, one thread, per algorithm;</li>
 * <li>512x512, 180 angles: time per ART/SART sweep;</li>
 * <li>a 256^3 volume from 135 projections with 1 and 2 threads, and peak memory.</li>
 * </ol>
 * Writes the sinograms (detector centre W/2, scikit-image's convention; our centre parameter is set
 * to match) and the matching ground truths as little-endian float32 into the given folder.
 * Usage: {@code ReconBench OUTDIR [skipVolume]}
 */
public class ReconBench {
	static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

	public static void main(String[] args) throws IOException {
		Path dir = Paths.get(args.length > 0 ? args[0] : "target/bench-recon");
		Files.createDirectories(dir);
		System.out.printf("cores %d, load average %.2f, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
			ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().maxMemory() >> 20);
		slice(dir, 256, 135, true);
		slice(dir, 512, 180, false);
		if (args.length < 2) volume(256, 135);
	}

	static void slice(Path dir, int n, int na, boolean allAlgorithms) throws IOException {
		double[] ang = new double[na];
		for (int i = 0; i < na; i++) ang[i] = i;
		double center = n / 2.0; // scikit-image's detector centre, so both read the same array
		float[] sino = TestAccess.sino(n, center, ang);
		float[] truth = TestAccess.truth(n); // our pixel centres x = i - (n-1)/2: origin at pixel (n-1)/2
		write(dir.resolve("sino" + n + ".f32"), sino);
		write(dir.resolve("truth" + n + "_skimage.f32"), skimageTruth(n));
		System.out.printf("%n== %dx%d, %d angles over %d deg (analytic Shepp-Logan), one thread ==%n", n, n, na, na - 1);
		System.out.println("algorithm        sweeps  RMSE    SSIM    ms/sweep(wall)  ms/sweep(cpu)");
		Projector pr = new Projector(n, n, ang, center, null);
		Object[][] runs = allAlgorithms
			? new Object[][] { { "FBP ramp", new ReconOptions().algorithm(Algorithm.FBP) },
				{ "FBP hann", new ReconOptions().algorithm(Algorithm.FBP).filter(ReconOptions.Filter.HANN) },
				{ "ART", new ReconOptions().algorithm(Algorithm.ART) },
				{ "ART no-pos", new ReconOptions().algorithm(Algorithm.ART).nonnegative(false) },
				{ "SART", new ReconOptions() }, { "SART no-pos", new ReconOptions().nonnegative(false) },
				{ "SIRT", new ReconOptions().algorithm(Algorithm.SIRT) },
				{ "SART-TV 0.2", new ReconOptions().tvWeight(0.2) },
				{ "SART-TV l=1.5", new ReconOptions().tvWeight(0.2).relaxation(1.5) },
				{ "ART-TV 0.2", new ReconOptions().algorithm(Algorithm.ART).tvWeight(0.2) } }
			: new Object[][] { { "FBP ramp", new ReconOptions().algorithm(Algorithm.FBP) }, { "ART", new ReconOptions().algorithm(Algorithm.ART) },
				{ "SART", new ReconOptions() } };
		for (Object[] r : runs) run((String) r[0], (ReconOptions) r[1], pr, sino, truth, n, 5);
		if (allAlgorithms) run("SIRT", new ReconOptions().algorithm(Algorithm.SIRT), pr, sino, truth, n, 50);
	}

	static void run(String name, ReconOptions o, Projector pr, float[] sino, float[] truth, int n, int sweeps) {
		float[] out = new float[n * n];
		double wall = Double.MAX_VALUE, cpu = Double.MAX_VALUE;
		int reps = 4;
		for (int rep = 0; rep < reps; rep++) {
			long c0 = MX.getCurrentThreadCpuTime(), t0 = System.nanoTime();
			if (o.algorithm() == Algorithm.FBP) new Fbp(o.support() ? pr.withSupport(SliceSolver.supportRadius(pr)) : pr, o.filter()).reconstruct(sino, out, 1);
			else {
				SliceSolver s = new SliceSolver(pr, o);
				s.run(sino, sweeps, null);
				s.image(out);
			}
			int per = o.algorithm() == Algorithm.FBP ? 1 : sweeps;
			wall = Math.min(wall, (System.nanoTime() - t0) / 1e6 / per);
			cpu = Math.min(cpu, (MX.getCurrentThreadCpuTime() - c0) / 1e6 / per);
		}
		System.out.printf("%-16s %5s  %.4f  %.4f  %8.1f  %12.1f%n", name, o.algorithm() == Algorithm.FBP ? "-" : "" + sweeps,
			TestAccess.rmse(out, truth), TestAccess.ssim(out, truth, n), wall, cpu);
	}

	static void volume(int n, int na) {
		double[] ang = new double[na];
		for (int i = 0; i < na; i++) ang[i] = i;
		float[] sino = TestAccess.sino(n, ang);
		FrameStack s = new FrameStack(n, n).state(DataState.ABSORBANCE).pixelSizeNm(30);
		for (int a = 0; a < na; a++) {
			float[] f = new float[n * n];
			for (int r = 0; r < n; r++) System.arraycopy(sino, a * n, f, r * n, n);
			s.add(f, new FrameInfo().angleDeg(ang[a]));
		}
		System.out.printf("%n== %d^3 volume from %d projections (input %d MB, output %d MB) ==%n", n, na,
			(long) na * n * n * 4 >> 20, (long) n * n * n * 4 >> 20);
		System.out.println("best of 3 alternating runs (the machine is shared: the best run is the least disturbed)");
		System.out.println("algorithm  sweeps  threads  wall s  process cpu s  cores used  slices/s  peak heap");
		Object[][] cases = { { "FBP", new ReconOptions().algorithm(Algorithm.FBP), 1 }, { "SART", new ReconOptions().iterations(1), 1 } };
		for (Object[] r : cases) {
			double[][] best = new double[3][];
			for (int rep = 0; rep < 3; rep++)
				for (int threads = 1; threads <= 2; threads++) {
					ReconOptions o = ((ReconOptions) r[1]).threads(threads);
					resetPeaks();
					long t0 = System.nanoTime(), c0 = processCpuNanos();
					Reconstructor.reconstruct(s, ang, o, null);
					double sec = (System.nanoTime() - t0) / 1e9, cpu = (processCpuNanos() - c0) / 1e9;
					if (best[threads] == null || sec < best[threads][0]) best[threads] = new double[] { sec, cpu, peakHeapMb() };
				}
			for (int threads = 1; threads <= 2; threads++)
				System.out.printf("%-9s %6s  %7d  %6.2f  %13.2f  %10.2f  %8.1f  %5d MB%n", r[0], r[0].equals("FBP") ? "-" : "" + r[2], threads,
					best[threads][0], best[threads][1], best[threads][1] / best[threads][0], n / best[threads][0], (long) best[threads][2]);
		}
	}

	/** The phantom in scikit-image's frame: row r, column c centred at n/2, its y axis pointing up. */
	static float[] skimageTruth(int n) {
		Phantom2D p = Phantom2D.sheppLogan();
		float[] t = new float[n * n];
		double half = n / 2.0;
		int ss = 4;
		for (int r = 0; r < n; r++)
			for (int c = 0; c < n; c++) {
				double sum = 0;
				for (int a = 0; a < ss; a++)
					for (int b = 0; b < ss; b++)
						sum += p.value((c - half + (a + 0.5) / ss - 0.5) / half, (half - r - (b + 0.5) / ss + 0.5) / half);
				t[r * n + c] = (float) (sum / (ss * ss));
			}
		return t;
	}

	static void write(Path p, float[] v) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
		for (float x : v) b.putFloat(x);
		Files.write(p, b.array());
	}

	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	static void resetPeaks() {
		System.gc();
		for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) if (m.getType() == MemoryType.HEAP) m.resetPeakUsage();
	}

	static long peakHeapMb() {
		long s = 0;
		for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) if (m.getType() == MemoryType.HEAP) s += m.getPeakUsage().getUsed();
		return s >> 20;
	}
}

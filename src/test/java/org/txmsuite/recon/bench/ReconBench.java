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
 * <li>512x512, 180 angles: time per ART/SART sweep; then one 256^2 x 135 and one 512^2 x 180 slice
 * with 1 and 2 threads (FBP, SIRT and SART split a slice between threads, ART does not);</li>
 * <li>a 256^3 volume from 135 projections (FBP, SART 5 sweeps) with 1 and 2 threads, best and median
 * of 3 alternating runs, and peak heap.</li>
 * </ol>
 * Writes the sinograms (detector centre W/2, scikit-image's convention; our centre parameter is set
 * to match) and the matching ground truths as little-endian float32 into the given folder.
 * Usage: {@code ReconBench OUTDIR [skipVolume|scaling|slices]} (scaling: only the 1- and 2-thread runs;
 * slices: only the one-slice 1- and 2-thread runs)
 */
public class ReconBench {
	static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
	/** SART sweeps in the volume runs (system property recon.sweeps, default 5). */
	static final int SWEEPS = Integer.getInteger("recon.sweeps", 5);

	public static void main(String[] args) throws IOException {
		Path dir = Paths.get(args.length > 0 ? args[0] : "target/bench-recon");
		Files.createDirectories(dir);
		System.out.printf("cores %d, load average %.2f, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
			ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().maxMemory() >> 20);
		String mode = args.length > 1 ? args[1] : "all";
		if (!mode.equals("scaling") && !mode.equals("slices")) {
			slice(dir, 256, 135, true);
			slice(dir, 512, 180, false);
		}
		sliceThreads(256, 135);
		sliceThreads(512, 180);
		if (!mode.equals("skipVolume") && !mode.equals("slices")) volume(256, 135);
		System.out.printf("%nload average at the end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
				{ "ART-TV 0.2", new ReconOptions().algorithm(Algorithm.ART).tvWeight(0.2) },
				{ "SART-TV+mom", new ReconOptions().tvWeight(0.2).momentum(true) },
				{ "ART-TV+mom", new ReconOptions().algorithm(Algorithm.ART).tvWeight(0.2).momentum(true) } }
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

	/** One slice on 1 and 2 threads: wall time per sweep (FBP: per reconstruction), 5 alternating runs. */
	static void sliceThreads(int n, int na) {
		double[] ang = new double[na];
		for (int i = 0; i < na; i++) ang[i] = i;
		float[] sino = TestAccess.sino(n, ang);
		Projector pr = new Projector(n, n, ang, Double.NaN, null);
		Projector sup = pr.withSupport(SliceSolver.supportRadius(pr));
		System.out.printf("%n== one %dx%d slice, %d angles: threads within the slice (load average %.2f) ==%n", n, n, na,
			ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.println("algorithm  threads  wall ms best  median  process cpu ms (best run)");
		float[] out = new float[n * n];
		for (Algorithm alg : new Algorithm[] { Algorithm.FBP, Algorithm.SIRT, Algorithm.SART }) {
			double[][] wall = new double[3][5], cpu = new double[3][5];
			for (int rep = 0; rep < 5; rep++)
				for (int t = 1; t <= 2; t++) {
					long c0 = processCpuNanos(), t0 = System.nanoTime();
					int per = 1;
					if (alg == Algorithm.FBP) new Fbp(sup, ReconOptions.Filter.RAMP).reconstruct(sino, out, t);
					else {
						per = 3;
						new SliceSolver(pr, new ReconOptions().algorithm(alg)).threads(t).run(sino, per, null);
					}
					wall[t][rep] = (System.nanoTime() - t0) / 1e6 / per;
					cpu[t][rep] = (processCpuNanos() - c0) / 1e6 / per;
				}
			for (int t = 1; t <= 2; t++) {
				int b = best(wall[t]);
				System.out.printf("%-9s  %7d  %13.1f  %6.1f  %8.1f%n", alg, t, wall[t][b], median(wall[t]), cpu[t][b]);
			}
		}
	}

	static int best(double[] v) {
		int b = 0;
		for (int i = 1; i < v.length; i++) if (v[i] < v[b]) b = i;
		return b;
	}

	static double median(double[] v) {
		double[] c = v.clone();
		java.util.Arrays.sort(c);
		return c[c.length / 2];
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
		System.out.printf("3 alternating runs per thread count, best and median (load average %.2f)%n",
			ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.println("algorithm  sweeps  threads  wall s best  median  cpu s (best)  cores used  slices/s  peak heap");
		Object[][] cases = { { "FBP", new ReconOptions().algorithm(Algorithm.FBP) }, { "SART", new ReconOptions().iterations(SWEEPS) } };
		for (Object[] r : cases) {
			double[][] wall = new double[3][3], cpu = new double[3][3], heap = new double[3][3];
			for (int rep = 0; rep < 3; rep++)
				for (int threads = 1; threads <= 2; threads++) {
					ReconOptions o = ((ReconOptions) r[1]).threads(threads);
					resetPeaks();
					long t0 = System.nanoTime(), c0 = processCpuNanos();
					Reconstructor.reconstruct(s, ang, o, null);
					wall[threads][rep] = (System.nanoTime() - t0) / 1e9;
					cpu[threads][rep] = (processCpuNanos() - c0) / 1e9;
					heap[threads][rep] = peakHeapMb();
				}
			for (int threads = 1; threads <= 2; threads++) {
				int b = best(wall[threads]);
				double w = wall[threads][b];
				System.out.printf("%-9s %6s  %7d  %11.2f  %6.2f  %12.2f  %10.2f  %8.1f  %5d MB%n", r[0], r[0].equals("FBP") ? "-" : "" + SWEEPS, threads,
					w, median(wall[threads]), cpu[threads][b], cpu[threads][b] / w, n / w, (long) heap[threads][b]);
			}
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

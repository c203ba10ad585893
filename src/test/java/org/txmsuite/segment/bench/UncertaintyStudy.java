package org.txmsuite.segment.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.Volume;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.Reconstructor;
import org.txmsuite.segment.MeasuredObject;
import org.txmsuite.segment.PtShellSegmenter;
import org.txmsuite.segment.ShellOptions;
import org.txmsuite.segment.ShellResult;
import org.txmsuite.sim.DacSample;
import org.txmsuite.sim.ScanSimulator;

/**
 * Calibration and validation of the interior volume's uncertainty on many independent SART
 * reconstructions: shapes, core sizes, shell thicknesses, 135- (two-post) and 152-degree (four-post)
 * angle sets, angle steps, noise levels and seeds. Reconstructions are cached as raw floats in a folder
 * (first argument, default /tmp/segstudy) so the measurement can be rerun quickly. Second argument:
 * "cal" (calibration set), "val" (validation set) or "all". Prints one line per case and the coverage.
 */
public final class UncertaintyStudy {
	/** One simulated scan: sample, voxel (um), angle set (135 or 152), step (deg), SART sweeps, noise, seed. */
	static final class Case {
		final DacSample.Shape shape;
		final double core, shell, vox, step, noise;
		final int set, iters;
		final long seed;

		Case(DacSample.Shape shape, double core, double shell, double vox, int set, double step, int iters, double noise, long seed) {
			this.shape = shape;
			this.core = core;
			this.shell = shell;
			this.vox = vox;
			this.set = set;
			this.step = step;
			this.iters = iters;
			this.noise = noise;
			this.seed = seed;
		}

		String key() {
			return String.format(Locale.ROOT, "%s_%.2f_%.2f_%.0f_%d_%.0f_%d_%.4f_%d", shape, core, shell, vox * 1000, set, step, iters, noise, seed);
		}

		DacSample sample() {
			return new DacSample(shape, core, shell).rotation(10 + 7 * seed);
		}
	}

	static List<Case> cases(String which) {
		List<Case> out = new ArrayList<>();
		DacSample.Shape[] shapes = DacSample.Shape.values();
		int k = 0;
		// calibration: seeds 1-2; validation: seeds 3-4 (different sizes/shells/noise combinations too)
		double[][] cal = { { 1.6, 0.2, 0.01 }, { 2.0, 0.3, 0.005 }, { 2.4, 0.4, 0.01 }, { 2.0, 0.5, 0.015 } };
		double[][] val = { { 1.5, 0.2, 0.015 }, { 1.8, 0.25, 0.01 }, { 2.2, 0.35, 0.005 }, { 2.6, 0.45, 0.01 }, { 3.0, 0.5, 0.005 } };
		for (int part = 0; part < 2; part++) {
			if (which.equals(part == 0 ? "val" : "cal")) continue;
			for (double[] c : part == 0 ? cal : val)
				for (DacSample.Shape sh : shapes)
					for (int set : new int[] { 135, 152 }) {
						k++;
						out.add(new Case(sh, c[0], c[1], 0.05, set, ((k + 1) / 2) % 2 == 0 ? 1 : 2, k % 3 == 0 ? 10 : 8, c[2], 2 * part + 1 + k % 2));
					}
		}
		return out;
	}

	/** Rounds of discrete refinement (0 = the study's original SART with non-negativity; else the pressure pipeline's SART-TV + DART). */
	static int dart = Integer.getInteger("dart", 0);

	static double[] angles(Case c) {
		return c.set == 135 ? ScanSimulator.angles(-67.5, 67.5 - c.step, (int) Math.round(135 / c.step)) : ScanSimulator.fourPostAngles(152, c.step);
	}

	static Volume reconstruct(Case c, Path cache) throws IOException {
		Path f = cache.resolve(c.key() + (dart > 0 ? "_dart" + dart : "") + ".raw");
		DacSample s = c.sample();
		double[] e = s.phantom().extent();
		double half = Math.max(Math.hypot(e[0], e[1]), e[2]);
		int n = 2 * ((int) Math.ceil(half / c.vox) + 4);
		if (Files.exists(f)) {
			try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
				float[][] sl = new float[n][n * n];
				for (float[] a : sl) for (int i = 0; i < a.length; i++) a[i] = in.readFloat();
				return new Volume(n, n, sl).voxelSizeNm(c.vox * 1000);
			}
		}
		double[] angles = angles(c);
		FrameStack p = new ScanSimulator(s.phantom()).detector(n, n, c.vox).jitter(0, c.seed).projections(angles, c.noise);
		ReconOptions o = dart > 0
			? new ReconOptions().algorithm(ReconOptions.Algorithm.SART).iterations(c.iters).tvWeight(0.1).nonnegative(false).discreteRounds(dart)
			: new ReconOptions().algorithm(ReconOptions.Algorithm.SART).iterations(c.iters).nonnegative(true);
		Volume v = Reconstructor.reconstruct(p, angles, o, Progress.NONE).volume;
		v.voxelSizeNm(c.vox * 1000);
		Files.createDirectories(cache);
		Path tmp = cache.resolve(c.key() + ".tmp");
		try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
			for (int z = 0; z < v.depth(); z++) for (float x : v.slice(z)) out.writeFloat(x);
		}
		Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return v;
	}

	public static void main(String[] a) throws Exception {
		if (a.length > 0 && a[0].endsWith(".tif")) {
			Volume v = org.txmsuite.core.ImageJ1Views.toVolume(org.txmsuite.io.TiffIO.open(Paths.get(a[0])));
			ShellOptions so = new ShellOptions();
			so.voxelSizeNm = 50;
			ShellResult r = PtShellSegmenter.measure(v, so, Progress.NONE);
			double tv = Double.parseDouble(a[1]);
			MeasuredObject in = r.object(2);
			System.out.printf(Locale.ROOT, "err %+.3f%% U %.3f%% (lvl %.3f band %.3f clo %.3f) S %.3f r=%d p=%.4g g=%.4g t=%.4g%n", 100 * (r.interiorVolumeUm3 / tv - 1),
				100 * r.uncertaintyUm3 / tv, 100 * in.levelTermUm3 / tv, 100 * in.bandTermUm3 / tv, 100 * in.closingTermUm3 / tv, r.surfaceUm2,
				r.closingVoxels, r.shellLevel, r.interiorLevel, r.threshold);
			for (MeasuredObject o : r.objects) if (o.label > 2) System.out.println("   " + o + " levels " + o.objectLevel + " / " + o.surroundLevel);
			return;
		}
		Path cache = Paths.get(a.length > 0 ? a[0] : "/tmp/segstudy");
		String which = a.length > 1 ? a[1] : "all";
		boolean reconOnly = a.length > 2 && a[2].equals("recon");
		List<Case> cases = cases(which);
		int covered = 0, within = 0, count = 0;
		double sumU = 0, sumE2 = 0;
		List<Double> ratios = new ArrayList<>();
		for (Case c : cases) {
			long t0 = System.nanoTime();
			Volume v = reconstruct(c, cache);
			long t1 = System.nanoTime();
			if (reconOnly) {
				System.out.printf(Locale.ROOT, "%s n=%d recon %.1fs%n", c.key(), v.width(), (t1 - t0) / 1e9);
				continue;
			}
			DacSample s = c.sample();
			ShellResult r;
			try {
				ShellOptions so = new ShellOptions();
				so.thetaDeg = angles(c);
				r = PtShellSegmenter.measure(v, so, Progress.NONE);
			}
			catch (RuntimeException ex) {
				System.out.printf(Locale.ROOT, "%-44s FAILED %s%n", c.key(), ex.getMessage());
				continue;
			}
			long t2 = System.nanoTime();
			MeasuredObject in = r.object(2);
			double tv = s.interiorVolumeUm3(), err = 100 * (r.interiorVolumeUm3 / tv - 1), u = 100 * r.uncertaintyUm3 / tv;
			boolean cov = Math.abs(err) <= u;
			count++;
			if (cov) covered++;
			if (Math.abs(err) <= 0.3) within++;
			sumU += u;
			sumE2 += err * err;
			ratios.add(Math.abs(err) / u);
			System.out.printf(Locale.ROOT, "%-44s n=%3d seg %.1fs err %+.3f%% U %.3f%% (lvl %.3f band %.3f bnd %.3f clo %.3f wedge %.3f q %.4f) %s S %+.2f%% r=%d objs %d p=%.4g g=%.4g%n",
				c.key(), v.width(), (t2 - t1) / 1e9, err, u, 100 * in.levelTermUm3 / tv, 100 * in.bandTermUm3 / tv, 100 * in.boundaryTermUm3 / tv,
				100 * in.closingTermUm3 / tv, 100 * in.wedgeTermUm3 / tv, in.wedgeSurfaceFraction,
				cov ? "ok " : "OUT", 100 * (r.surfaceUm2 / s.interiorSurfaceUm2() - 1), r.closingVoxels, r.objects.size() - 1, r.shellLevel, r.interiorLevel);
		}
		if (count > 0) {
			ratios.sort(null);
			System.out.printf(Locale.ROOT, "%d cases: covered %d (%.0f %%), |err| <= 0.3 %%: %d, rms err %.3f %%, mean U %.3f %%, |err|/U median %.2f 68%% %.2f 95%% %.2f max %.2f%n",
				count, covered, 100.0 * covered / count, within, Math.sqrt(sumE2 / count), sumU / count, ratios.get(count / 2),
				ratios.get((int) (0.68 * (count - 1))), ratios.get((int) (0.95 * (count - 1))), ratios.get(count - 1));
		}
	}
}

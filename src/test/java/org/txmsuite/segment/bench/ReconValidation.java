package org.txmsuite.segment.bench;

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
 * The acceptance case end to end: a Pt-coated cube, cylinder and sphere projected analytically
 * (sim.ScanSimulator, exact chord lengths, 3x3 supersampled pixels, Gaussian noise) at the two-post
 * 135-degree and four-post 152-degree angle sets, reconstructed with the suite's SART (Joseph
 * projector, non-negativity) and measured. Arguments: core um, shell um, voxel um, noise, iterations, shape ("" = all),
 * TV weight (0), non-negativity (true), discrete-refinement rounds (0, automatic levels).
 */
public final class ReconValidation {
	public static void main(String[] a) {
		double core = a.length > 0 ? Double.parseDouble(a[0]) : 3, shell = a.length > 1 ? Double.parseDouble(a[1]) : 0.5;
		double vox = a.length > 2 ? Double.parseDouble(a[2]) : 0.05, noise = a.length > 3 ? Double.parseDouble(a[3]) : 0.005;
		int iters = a.length > 4 ? Integer.parseInt(a[4]) : 10;
		String only = a.length > 5 ? a[5] : "";
		double tvw = a.length > 6 ? Double.parseDouble(a[6]) : 0;
		boolean nonneg = a.length > 7 ? Boolean.parseBoolean(a[7]) : true;
		int dart = a.length > 8 ? Integer.parseInt(a[8]) : 0;
		System.out.printf("core %.2f um, shell %.2f um, voxel %.0f nm, noise %.3f of max absorbance, SART %d sweeps, TV %.2f, non-negative %s, discrete rounds %d, "
			+ "%d cores%n", core, shell, vox * 1000, noise, iters, tvw, nonneg, dart, Runtime.getRuntime().availableProcessors());
		for (DacSample.Shape sh : DacSample.Shape.values()) {
			if (!only.isEmpty() && !sh.name().equalsIgnoreCase(only)) continue;
			DacSample s = new DacSample(sh, core, shell);
			double[] e = s.phantom().extent();
			double half = Math.max(Math.hypot(e[0], e[1]), e[2]);
			int n = 2 * ((int) Math.ceil(half / vox) + 4);
			for (int set = 0; set < 2; set++) {
				double[] angles = set == 0 ? ScanSimulator.angles(-67.5, 66.5, 135) : ScanSimulator.fourPostAngles(152, 1);
				long t0 = System.nanoTime();
				FrameStack p = new ScanSimulator(s.phantom()).detector(n, n, vox).projections(angles, noise);
				long t1 = System.nanoTime();
				ReconOptions o = new ReconOptions().algorithm(ReconOptions.Algorithm.SART).iterations(iters).nonnegative(nonneg).tvWeight(tvw)
					.discreteRounds(dart);
				Volume v = Reconstructor.reconstruct(p, angles, o, Progress.NONE).volume;
				long t2 = System.nanoTime();
				ShellResult r = PtShellSegmenter.measure(v, new ShellOptions(), Progress.NONE);
				long t3 = System.nanoTime();
				MeasuredObject in = r.object(2);
				double tv = s.interiorVolumeUm3(), ts = s.interiorSurfaceUm2();
				System.out.printf("%-8s %3d deg n=%d  project %.0fs recon %.0fs segment %.1fs | V %.4f true %.4f err %+.3f%% U %.3f%% (levels %.3f band %.3f closing %.3f) covered %s | S err %+.2f%% | closing r=%d p=%.4g g=%.4g%n",
					sh, set == 0 ? 135 : 152, n, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, r.interiorVolumeUm3, tv, 100 * (r.interiorVolumeUm3 / tv - 1),
					100 * r.uncertaintyUm3 / tv, 100 * in.levelTermUm3 / tv, 100 * in.bandTermUm3 / tv, 100 * in.closingTermUm3 / tv,
					Math.abs(r.interiorVolumeUm3 - tv) <= r.uncertaintyUm3, 100 * (r.surfaceUm2 / ts - 1), r.closingVoxels, r.shellLevel, r.interiorLevel);
			}
		}
	}
}

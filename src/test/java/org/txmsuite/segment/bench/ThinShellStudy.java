package org.txmsuite.segment.bench;

import java.util.Locale;

import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.Volume;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.Reconstructor;
import org.txmsuite.segment.PtShellSegmenter;
import org.txmsuite.segment.ShellOptions;
import org.txmsuite.segment.ShellResult;
import org.txmsuite.sim.DacSample;
import org.txmsuite.sim.ScanSimulator;

/**
 * Thin shells with the pressure pipeline's reconstruction settings (SART 10 sweeps, TV 0.1, no
 * non-negativity, 1-degree steps): three shapes, 135 and 152 degrees, seeds 1-2, analytic projections
 * with Gaussian noise. Prints the volume error, U, the shell (mid-surface) and interior levels against the
 * true ones (mu x voxel). Arguments: core um (1.6), shell um (0.2), noise (0.01), voxel um (0.05).
 */
public final class ThinShellStudy {
	public static void main(String[] a) {
		double core = a.length > 0 ? Double.parseDouble(a[0]) : 1.6, shell = a.length > 1 ? Double.parseDouble(a[1]) : 0.2;
		double noise = a.length > 2 ? Double.parseDouble(a[2]) : 0.01, vox = a.length > 3 ? Double.parseDouble(a[3]) : 0.05;
		for (long seed = 1; seed <= 2; seed++)
			for (DacSample.Shape sh : DacSample.Shape.values())
				for (int set : new int[] { 135, 152 }) {
					DacSample s = new DacSample(sh, core, shell).rotation(10 + 7 * seed);
					double[] e = s.phantom().extent();
					int n = 2 * ((int) Math.ceil(Math.max(e[0], e[1]) / vox) + 4), h = 2 * ((int) Math.ceil(e[2] / vox) + 4);
					double[] angles = set == 135 ? ScanSimulator.angles(-67.5, 66.5, 135) : ScanSimulator.fourPostAngles(152, 1);
					FrameStack p = new ScanSimulator(s.phantom()).detector(n, h, vox).jitter(0, seed).projections(angles, noise);
					ReconOptions o = new ReconOptions().algorithm(ReconOptions.Algorithm.SART).iterations(10).nonnegative(false).tvWeight(0.1);
					Volume v = Reconstructor.reconstruct(p, angles, o, Progress.NONE).volume;
					ShellResult r = PtShellSegmenter.measure(v, new ShellOptions(), Progress.NONE);
					double tv = s.interiorVolumeUm3();
					System.out.printf(Locale.ROOT, "%-8s %d seed %d: err %+.3f %% U %.3f %% covered %s | shell level %.5g (true %.5g) interior %.4g (true %.4g)%n",
						sh, set, seed, 100 * (r.interiorVolumeUm3 / tv - 1), 100 * r.uncertaintyUm3 / tv, Math.abs(r.interiorVolumeUm3 - tv) <= r.uncertaintyUm3,
						r.shellLevel, org.txmsuite.sim.Materials.PT * vox, r.interiorLevel, org.txmsuite.sim.Materials.SIO2_GLASS * vox);
				}
	}
}

package org.txmsuite.recon.bench;

import org.txmsuite.recon.Projector;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.SliceSolver;
import org.txmsuite.recon.TestAccess;

/**
 * Limited-angle TV study (docs/stages/recon.md): SART and SART-TV after a number of sweeps on three
 * phantoms (Shepp-Logan, thick plateaus, a DAC-sample cut), without and with 1 % photon noise, for a
 * list of TV settings {@code weight:steps:blocks}, with {@code :m} for momentum between the blocks.
 * Angles 0..134 deg in 1 deg steps, one thread.
 * Usage: {@code TvStudy n sweeps setting...} e.g. {@code TvStudy 256 5 0:10:5 0.2:10:5 0.5:10:5 0.2:10:5:m}.
 */
public class TvStudy {
	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]), sweeps = Integer.parseInt(args[1]), na = 135;
		double[] ang = new double[na];
		for (int i = 0; i < na; i++) ang[i] = i;
		Projector pr = new Projector(n, n, ang, Double.NaN, null);
		System.out.printf("%d x %d, %d angles over 0..134 deg, %d sweeps, one thread%n", n, n, na, sweeps);
		System.out.println("phantom         tv:steps:blocks  RMSE    SSIM    ms/sweep");
		for (String name : new String[] { "shepp", "plateaus", "dac" })
			for (double photons : new double[] { 0, 1e4 }) {
				float[][] ts = TestAccess.phantom(name, n, ang, photons, 5);
				for (int c = 2; c < args.length; c++) {
					String[] f = args[c].split(":");
					ReconOptions o = new ReconOptions().tvWeight(Double.parseDouble(f[0])).tvSteps(Integer.parseInt(f[1]))
						.tvBlocks(Integer.parseInt(f[2])).momentum(f.length > 3 && f[3].equals("m"));
					long t0 = System.nanoTime();
					SliceSolver s = new SliceSolver(pr, o);
					s.run(ts[1], sweeps, null);
					float[] x = new float[n * n];
					s.image(x);
					System.out.printf("%-15s %-16s %.4f  %.4f  %6.1f%n", name + (photons > 0 ? "+noise" : ""), args[c],
						TestAccess.rmse(x, ts[0]), TestAccess.ssim(x, ts[0], n), (System.nanoTime() - t0) / 1e6 / sweeps);
				}
			}
	}
}

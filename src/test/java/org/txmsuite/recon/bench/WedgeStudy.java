package org.txmsuite.recon.bench;

import org.txmsuite.recon.Projector;
import org.txmsuite.recon.SliceSolver;
import org.txmsuite.recon.TestAccess;

/**
 * Is the limited-angle Shepp-Logan floor (docs/stages/recon.md, "Why TV cannot sharpen the skull") set by
 * the sweeps, the model or the regularizer? A stand-alone SART loop (positivity, support, fixed random
 * order, 5 blocks per sweep) with ASD-POCS descent after each block (10 normalized steps, each
 * {@code weight} times the block's change) on the smoothed TpV penalty {@code sum (eps + |grad x|^2)^(p/2)}
 * (p = 1: the library's TV; p < 1 favours few sharp jumps over many small ones), optionally with Nesterov
 * extrapolation before every block ({@code x += momentum (k-1)/(k+2) (x_k - x_(k-1))}, then the constraints;
 * momentum 1 is the library's {@code momentum} option).
 * Source {@code analytic}: the suite's analytic sinogram; {@code crime}: the Joseph projection of the
 * rasterized truth (no model error at all). Prints RMSE, SSIM and the squared error on the skull ring
 * (truth above 0.5), the rest of the head and outside it.
 * Usage: {@code WedgeStudy analytic|crime sweeps lambda:weight:momentum:p:eps...}
 * e.g. {@code WedgeStudy analytic 5 1:0:0:1:1e-8 1:0.2:0:1:1e-8 1.8:0.2:1:1:1e-8 1:0.2:0:0.5:1e-4}.
 */
public class WedgeStudy {
	private static final int N = 256, ANGLES = 135, BLOCKS = 5, STEPS = 10;
	private static final int NP = N + 2;

	public static void main(String[] args) {
		double[] ang = new double[ANGLES];
		for (int i = 0; i < ANGLES; i++) ang[i] = i;
		float[] truth = TestAccess.truth(N), sino = TestAccess.sino(N, ang);
		Projector full = new Projector(N, N, ang, Double.NaN, null);
		Projector pr = full.withSupport(SliceSolver.supportRadius(full));
		if (args[0].equals("crime")) pr.forward(truth, sino);
		int sweeps = Integer.parseInt(args[1]);
		int[] order = TvProxStudy.randomOrder(ANGLES);
		float[] rayLen = pr.rayLengths();
		System.out.printf("%s sinogram, %d sweeps%nlambda weight momentum p     eps    RMSE    SSIM    skull  head  outside%n", args[0], sweeps);
		for (int c = 2; c < args.length; c++) {
			String[] f = args[c].split(":");
			double lambda = Double.parseDouble(f[0]), weight = Double.parseDouble(f[1]), momentum = Double.parseDouble(f[2]);
			double p = Double.parseDouble(f[3]), eps = Double.parseDouble(f[4]);
			float[] img = new float[NP * NP], last = new float[NP * NP], block = new float[NP * NP];
			float[] fp = new float[N], r = new float[N], m = new float[NP * NP], g = new float[NP * NP];
			for (int s = 0; s < sweeps; s++) {
				for (int b = 0; b < BLOCKS; b++) {
					int k = s * BLOCKS + b; // Nesterov extrapolation before every block, as recon.Momentum
					if (momentum > 0) {
						float beta = (float) (momentum * (k - 1.0) / (k + 2.0));
						for (int i = 0; i < img.length; i++) {
							float v = img[i];
							if (k > 0) img[i] += beta * (v - last[i]);
							last[i] = v;
						}
						TvProxStudy.clamp(pr, img);
					}
					System.arraycopy(img, 0, block, 0, img.length);
					TvProxStudy.sartBlock(pr, img, sino, rayLen, order, ANGLES * b / BLOCKS, ANGLES * (b + 1) / BLOCKS, (float) lambda, fp, r);
					if (weight > 0) {
						double dp = 0;
						for (int i = 0; i < img.length; i++) dp += (double) (img[i] - block[i]) * (img[i] - block[i]);
						for (int t = 0; t < STEPS; t++) descendTpV(img, weight * Math.sqrt(dp), p, eps, m, g);
						TvProxStudy.clamp(pr, img);
					}
				}
			}
			float[] x = new float[N * N];
			Projector.unpad(img, N, x);
			double[] region = TvProxStudy.regionErrors(x, truth);
			System.out.printf("%6.2f %6.2f %8.2f %4.2f %7.0e  %.4f  %.4f  %6.1f %5.1f %7.1f%n", lambda, weight, momentum, p, eps,
				TestAccess.rmse(x, truth), TestAccess.ssim(x, truth, N), region[0], region[1], region[2]);
		}
	}

	/** One normalized steepest-descent step of length {@code step} on the smoothed TpV of a padded slice. */
	static void descendTpV(float[] x, double step, double p, double eps, float[] m, float[] g) {
		for (int j = 1; j <= N; j++)
			for (int i = j * NP + 1; i <= j * NP + N; i++) {
				float dx = x[i] - x[i - 1], dy = x[i] - x[i - NP];
				m[i] = (float) Math.pow(eps + dx * dx + dy * dy, p / 2 - 1);
			}
		double g2 = 0;
		for (int j = 1; j <= N; j++)
			for (int i = j * NP + 1; i <= j * NP + N; i++) {
				float xi = x[i];
				g[i] = (2 * xi - x[i - 1] - x[i - NP]) * m[i] - (x[i + 1] - xi) * m[i + 1] - (x[i + NP] - xi) * m[i + NP];
				g2 += (double) g[i] * g[i];
			}
		if (g2 == 0) return;
		float k = (float) (step / Math.sqrt(g2));
		for (int i = 0; i < x.length; i++) x[i] -= k * g[i];
	}
}

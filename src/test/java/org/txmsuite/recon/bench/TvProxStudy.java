package org.txmsuite.recon.bench;

import java.util.Arrays;

import org.txmsuite.recon.Projector;
import org.txmsuite.recon.SliceSolver;
import org.txmsuite.recon.TestAccess;

/**
 * Can any TV schedule sharpen the limited-angle Shepp-Logan skull? A stand-alone SART loop (positivity,
 * support, fixed random order, 5 blocks per sweep) with a proximal TV step after each block: the
 * isotropic TV denoising problem {@code min 1/2 |x - z|^2 + tau TV(x)} solved by the fast gradient
 * projection on its dual (Beck and Teboulle 2009, after Chambolle 2004), {@code tau = weight / blocks},
 * optionally reweighted ({@code eps > 0}: dual bound {@code eps / (eps + |grad z|)}, favouring sharp
 * edges). Prints RMSE, SSIM, the squared error on the skull ring (truth above 0.5), inside and outside,
 * and the TV and data residual of the result and of the rasterized truth.
 * Usage: {@code TvProxStudy sweeps proxIterations eps weight...} e.g. {@code TvProxStudy 100 30 0 0 0.01}.
 */
public class TvProxStudy {
	private final int n, np;
	private final float[] px, py, qx, qy, ox, oy, z, bound;

	TvProxStudy(int n) {
		this.n = n;
		np = n + 2;
		int len = np * np;
		px = new float[len];
		py = new float[len];
		qx = new float[len];
		qy = new float[len];
		ox = new float[len];
		oy = new float[len];
		z = new float[len];
		bound = new float[len];
	}

	/** Proximal TV step on the interior of a padded slice, in place (Neumann boundary). */
	void prox(float[] x, double tau, int iterations, double eps) {
		Arrays.fill(px, 0f);
		Arrays.fill(py, 0f);
		Arrays.fill(qx, 0f);
		Arrays.fill(qy, 0f);
		System.arraycopy(x, 0, z, 0, x.length);
		for (int j = 1; j <= n; j++)
			for (int i = j * np + 1; i <= j * np + n; i++)
				bound[i] = eps > 0 ? (float) (eps / (eps + Math.hypot(gx(z, i, j), gy(z, i, j)))) : 1f;
		float step = (float) (1 / (8 * tau));
		double t = 1;
		for (int it = 0; it < iterations; it++) {
			primal(x, qx, qy, tau);
			System.arraycopy(px, 0, ox, 0, px.length);
			System.arraycopy(py, 0, oy, 0, py.length);
			for (int j = 1; j <= n; j++)
				for (int i = j * np + 1; i <= j * np + n; i++) {
					float ax = qx[i] + step * gx(x, i, j), ay = qy[i] + step * gy(x, i, j);
					float m = (float) Math.max(1, Math.hypot(ax, ay) / bound[i]);
					px[i] = ax / m;
					py[i] = ay / m;
				}
			double tn = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
			float c = (float) ((t - 1) / tn);
			t = tn;
			for (int i = 0; i < px.length; i++) {
				qx[i] = px[i] + c * (px[i] - ox[i]);
				qy[i] = py[i] + c * (py[i] - oy[i]);
			}
		}
		primal(x, px, py, tau);
	}

	/** x = z + tau div p (div = minus the adjoint of the forward-difference gradient). */
	private void primal(float[] x, float[] dx, float[] dy, double tau) {
		for (int j = 1; j <= n; j++)
			for (int i = j * np + 1; i <= j * np + n; i++)
				x[i] = z[i] + (float) tau * (dx[i] - dx[i - 1] + dy[i] - dy[i - np]);
	}

	/** Forward differences, zero at the last column / row (the dual field is zero there). */
	private float gx(float[] x, int i, int j) {
		return i % np == n ? 0f : x[i + 1] - x[i];
	}

	private float gy(float[] x, int i, int j) {
		return j == n ? 0f : x[i + np] - x[i];
	}

	double tv(float[] x) {
		double s = 0;
		for (int j = 1; j <= n; j++)
			for (int i = j * np + 1; i <= j * np + n; i++) s += Math.hypot(gx(x, i, j), gy(x, i, j));
		return s;
	}

	public static void main(String[] args) {
		int n = 256, na = 135, w = n, blocks = 5;
		int sweeps = Integer.parseInt(args[0]), proxIt = Integer.parseInt(args[1]);
		double eps = Double.parseDouble(args[2]);
		double[] ang = new double[na];
		for (int i = 0; i < na; i++) ang[i] = i;
		float[] truth = TestAccess.truth(n), sino = TestAccess.sino(n, ang);
		Projector full = new Projector(n, n, ang, Double.NaN, null);
		Projector pr = full.withSupport(SliceSolver.supportRadius(full));
		float[] rayLen = pr.rayLengths();
		int[] order = randomOrder(na);
		TvProxStudy tv = new TvProxStudy(n);
		float[] truthPadded = Projector.pad(truth, n);
		System.out.printf("TV of the truth %.1f, its data residual %.1f%n", tv.tv(truthPadded), residual(pr, truthPadded, sino));
		System.out.println("sweeps  weight  eps   RMSE    SSIM    sq.err skull  inside  outside  TV      residual  ms");
		for (int c = 3; c < args.length; c++) {
			double weight = Double.parseDouble(args[c]);
			float[] img = new float[(n + 2) * (n + 2)], fp = new float[w], r = new float[w];
			long t0 = System.nanoTime();
			for (int s = 0; s < sweeps; s++)
				for (int b = 0; b < blocks; b++) {
					sartBlock(pr, img, sino, rayLen, order, na * b / blocks, na * (b + 1) / blocks, 1f, fp, r);
					if (weight > 0) {
						tv.prox(img, weight / blocks, proxIt, eps);
						clamp(pr, img);
					}
				}
			double ms = (System.nanoTime() - t0) / 1e6;
			float[] x = new float[n * n];
			Projector.unpad(img, n, x);
			double[] region = regionErrors(x, truth);
			System.out.printf("%6d  %6.3f  %4.2f  %.4f  %.4f  %12.1f  %6.1f  %7.1f  %6.1f  %8.1f  %5.0f%n", sweeps, weight, eps,
				TestAccess.rmse(x, truth), TestAccess.ssim(x, truth, n), region[0], region[1], region[2], tv.tv(img),
				residual(pr, img, sino), ms);
		}
	}

	/** SART over projections {@code order[from..to)} with relaxation {@code lambda}, positivity and support after each. */
	static void sartBlock(Projector pr, float[] img, float[] sino, float[] rayLen, int[] order, int from, int to, float lambda,
		float[] fp, float[] r) {
		int w = pr.detectorWidth();
		for (int q = from; q < to; q++) {
			int a = order[q];
			pr.forwardPadded(img, a, fp, 0);
			for (int u = 0; u < w; u++) r[u] = rayLen[a * w + u] > 0 ? lambda * (sino[a * w + u] - fp[u]) / rayLen[a * w + u] : 0f;
			pr.backPadded(img, a, r, 0);
			clamp(pr, img);
		}
	}

	/** The projection order of these studies: a fixed random permutation (seed 1). */
	static int[] randomOrder(int na) {
		java.util.List<Integer> o = new java.util.ArrayList<>();
		for (int i = 0; i < na; i++) o.add(i);
		java.util.Collections.shuffle(o, new java.util.Random(1));
		int[] order = new int[na];
		for (int i = 0; i < na; i++) order[i] = o.get(i);
		return order;
	}

	/** Summed squared error on the skull ring (truth above 0.5), the rest of the head, and outside it. */
	static double[] regionErrors(float[] x, float[] truth) {
		double[] region = new double[3];
		for (int i = 0; i < x.length; i++) {
			double d = x[i] - truth[i];
			region[truth[i] > 0.5 ? 0 : truth[i] > 0.01 ? 1 : 2] += d * d;
		}
		return region;
	}

	static void clamp(Projector pr, float[] img) {
		pr.maskOutside(img);
		for (int i = 0; i < img.length; i++) if (img[i] < 0) img[i] = 0f;
	}

	static double residual(Projector pr, float[] padded, float[] sino) {
		int w = pr.detectorWidth();
		float[] fp = new float[w];
		double s = 0;
		for (int a = 0; a < pr.angleCount(); a++) {
			pr.forwardPadded(padded, a, fp, 0);
			for (int u = 0; u < w; u++) {
				double d = sino[a * w + u] - fp[u];
				s += d * d;
			}
		}
		return Math.sqrt(s);
	}
}

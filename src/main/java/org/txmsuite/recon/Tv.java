package org.txmsuite.recon;

/**
 * Steepest descent on the isotropic total variation of a padded slice (border pixels count as the
 * zero surroundings and are not changed), as in ASD-POCS (Sidky and Pan 2008, Phys. Med. Biol.
 * 53:4777): {@code x -= step * g / |g|} with g the gradient of
 * {@code TV(x) = sum sqrt(eps + (x[i,j]-x[i-1,j])^2 + (x[i,j]-x[i,j-1])^2)}.
 */
final class Tv {
	private final int n, np;
	private final float[] m, g;
	private float[] px, py, div;
	private static final float EPS = 1e-8f;

	Tv(int n) {
		this.n = n;
		this.np = n + 2;
		m = new float[np * np];
		g = new float[np * np];
	}

	/** {@code steps} normalized gradient steps of length {@code step} each. */
	void descend(float[] x, double step, int steps) {
		if (!(step > 0)) return;
		for (int s = 0; s < steps; s++) {
			// m = 1 / |backward gradient| at every interior pixel; border entries of m stay 0
			for (int j = 1; j <= n; j++) {
				int row = j * np;
				for (int i = row + 1; i <= row + n; i++) {
					float dx = x[i] - x[i - 1], dy = x[i] - x[i - np];
					m[i] = (float) (1 / Math.sqrt(EPS + dx * dx + dy * dy));
				}
			}
			double g2 = 0;
			for (int j = 1; j <= n; j++) {
				int row = j * np;
				for (int i = row + 1; i <= row + n; i++) {
					float xi = x[i];
					float v = (2 * xi - x[i - 1] - x[i - np]) * m[i] - (x[i + 1] - xi) * m[i + 1] - (x[i + np] - xi) * m[i + np];
					g[i] = v;
					g2 += (double) v * v;
				}
			}
			if (g2 == 0) return;
			float k = (float) (step / Math.sqrt(g2));
			for (int j = 1; j <= n; j++) {
				int row = j * np;
				for (int i = row + 1; i <= row + n; i++) x[i] -= k * g[i];
			}
		}
	}

	/**
	 * TV denoising in place: {@code x = argmin |u - x|^2 / 2 + weight TV(u)} over the interior, by
	 * Chambolle's dual projection (J. Math. Imaging Vis. 20:89, 2004) with step 1/4 and Neumann
	 * boundaries; the dual field is kept between calls (warm start).
	 */
	void denoise(float[] x, float weight, int iters) {
		if (!(weight > 0) || iters < 1) return;
		if (px == null) {
			px = new float[np * np];
			py = new float[np * np];
			div = new float[np * np];
		}
		final float tau = 0.25f, il = 1f / weight;
		for (int it = 0; it < iters; it++) {
			divergence();
			for (int j = 1; j <= n; j++) {
				int row = j * np;
				for (int i = row + 1; i <= row + n; i++) {
					float v = div[i] - x[i] * il;
					float gx = j > 0 && i < row + n ? div[i + 1] - x[i + 1] * il - v : 0f;
					float gy = j < n ? div[i + np] - x[i + np] * il - v : 0f;
					float d = 1f + tau * (float) Math.sqrt(gx * gx + gy * gy);
					px[i] = (px[i] + tau * gx) / d;
					py[i] = (py[i] + tau * gy) / d;
				}
			}
		}
		divergence();
		for (int j = 1; j <= n; j++) {
			int row = j * np;
			for (int i = row + 1; i <= row + n; i++) x[i] -= weight * div[i];
		}
	}

	/** div = backward-difference divergence of (px, py), the adjoint of the forward gradient (Neumann). */
	private void divergence() {
		for (int j = 1; j <= n; j++) {
			int row = j * np;
			for (int i = row + 1; i <= row + n; i++) {
				float dx = (i < row + n ? px[i] : 0f) - (i > row + 1 ? px[i - 1] : 0f);
				float dy = (j < n ? py[i] : 0f) - (j > 1 ? py[i - np] : 0f);
				div[i] = dx + dy;
			}
		}
	}
}

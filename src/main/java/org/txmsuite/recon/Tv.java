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
}

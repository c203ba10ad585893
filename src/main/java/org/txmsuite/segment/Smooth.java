package org.txmsuite.segment;

import java.util.stream.IntStream;

import org.txmsuite.core.Volume;

/**
 * Separable Gaussian smoothing of a volume (clamped borders), parallel over slices and rows. The
 * sigma is given per axis in voxels, so anisotropic voxels get the same physical blur.
 */
public final class Smooth {
	private Smooth() {}

	/** A smoothed copy of the volume's slices (a plain copy when all sigmas are 0). */
	public static float[][] gaussian(Volume v, double sigmaX, double sigmaY, double sigmaZ) {
		int w = v.width(), h = v.height(), d = v.depth();
		float[][] out = new float[d][];
		float[] kx = kernel(sigmaX), ky = kernel(sigmaY), kz = kernel(d > 1 ? sigmaZ : 0);
		IntStream.range(0, d).parallel().forEach(z -> {
			float[] src = v.slice(z), dst = new float[w * h];
			float[] line = new float[Math.max(w, h)], res = new float[Math.max(w, h)];
			for (int y = 0; y < h; y++) {
				System.arraycopy(src, y * w, line, 0, w);
				convolve(line, w, kx, res);
				System.arraycopy(res, 0, dst, y * w, w);
			}
			if (ky.length > 1)
				for (int x = 0; x < w; x++) {
					for (int y = 0; y < h; y++) line[y] = dst[y * w + x];
					convolve(line, h, ky, res);
					for (int y = 0; y < h; y++) dst[y * w + x] = res[y];
				}
			out[z] = dst;
		});
		if (kz.length > 1)
			IntStream.range(0, h).parallel().forEach(y -> {
				float[] line = new float[d], res = new float[d];
				for (int x = 0; x < w; x++) {
					int i = y * w + x;
					for (int z = 0; z < d; z++) line[z] = out[z][i];
					convolve(line, d, kz, res);
					for (int z = 0; z < d; z++) out[z][i] = res[z];
				}
			});
		return out;
	}

	/** Half kernel: k[0] centre, k[j] weight at distance j (normalized over the full kernel). */
	static float[] kernel(double sigma) {
		if (!(sigma > 0.05)) return new float[] { 1 };
		int r = (int) Math.ceil(3 * sigma);
		double[] k = new double[r + 1];
		double sum = 0;
		for (int j = 0; j <= r; j++) {
			k[j] = Math.exp(-0.5 * j * j / (sigma * sigma));
			sum += j == 0 ? k[j] : 2 * k[j];
		}
		float[] f = new float[r + 1];
		for (int j = 0; j <= r; j++) f[j] = (float) (k[j] / sum);
		return f;
	}

	private static void convolve(float[] in, int n, float[] k, float[] out) {
		if (k.length == 1) {
			System.arraycopy(in, 0, out, 0, n);
			return;
		}
		int r = k.length - 1;
		for (int i = 0; i < n; i++) {
			double s = k[0] * in[i];
			for (int j = 1; j <= r; j++) {
				int a = i - j < 0 ? 0 : i - j, b = i + j >= n ? n - 1 : i + j;
				s += k[j] * (in[a] + in[b]);
			}
			out[i] = (float) s;
		}
	}
}

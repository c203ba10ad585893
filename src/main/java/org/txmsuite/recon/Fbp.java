package org.txmsuite.recon;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Filtered back-projection for parallel beam (Kak and Slaney 1988, ch. 3): each projection is
 * convolved with the band-limited ramp kernel {@code h[0]=1/4, h[k odd]=-1/(pi k)^2} (zero padded to
 * at least twice the detector width, so no wrap-around), optionally apodized, then back-projected by
 * linear interpolation on the detector at every pixel centre and weighted by the angular spacing
 * around each angle (total at most pi). Angles need not be uniform or cover 180 degrees; a limited
 * range simply lacks the missing Fourier wedge. Pixels outside the projector's support disc
 * ({@link Projector#withSupport}) are set to zero (they are not seen from every angle). Not thread-safe
 * (scratch buffers); one per thread.
 */
public final class Fbp {
	private final Projector pr;
	private final int n, w, na, len;
	private final double[] filter;
	private final double[] re, im;
	private final double[] cos, sin, cen, dtheta;
	private final float[] filtered;

	public Fbp(Projector projector, ReconOptions.Filter window) {
		pr = projector;
		n = pr.sliceSize();
		w = pr.detectorWidth();
		na = pr.angleCount();
		int l = 1;
		while (l < 2 * w) l <<= 1;
		len = l;
		filter = response(len, window);
		re = new double[len];
		im = new double[len];
		double[] ang = pr.anglesDeg(), dx = pr.shifts();
		cos = new double[na];
		sin = new double[na];
		cen = new double[na];
		for (int a = 0; a < na; a++) {
			cos[a] = Math.cos(Math.toRadians(ang[a]));
			sin[a] = Math.sin(Math.toRadians(ang[a]));
			cen[a] = pr.center() + dx[a];
		}
		dtheta = angularWeights(ang);
		filtered = new float[na * w];
	}

	/** Frequency response (real, symmetric) of the ramp times the apodization window, length {@code len}. */
	static double[] response(int len, ReconOptions.Filter window) {
		double[] hr = new double[len], hi = new double[len];
		hr[0] = 0.25;
		for (int k = 1; k <= len / 2; k += 2) {
			double v = -1 / (Math.PI * Math.PI * k * k);
			hr[k] = v;
			hr[len - k] = v;
		}
		Fft.transform(hr, hi, false);
		for (int k = 0; k < len; k++) {
			double f = (k <= len / 2 ? k : len - k) / (double) len; // cycles per pixel, 0..0.5
			double win;
			switch (window) {
			case SHEPP_LOGAN: win = f == 0 ? 1 : Math.sin(Math.PI * f) / (Math.PI * f); break;
			case COSINE: win = Math.cos(Math.PI * f); break;
			case HAMMING: win = 0.54 + 0.46 * Math.cos(2 * Math.PI * f); break;
			case HANN: win = 0.5 + 0.5 * Math.cos(2 * Math.PI * f); break;
			default: win = 1;
			}
			hr[k] *= win;
		}
		return hr;
	}

	/** Angular weight of each projection: half the gap to each neighbour in sorted order; sum capped at pi. */
	static double[] angularWeights(double[] anglesDeg) {
		int na = anglesDeg.length;
		double[] wt = new double[na];
		if (na == 1) {
			wt[0] = Math.PI;
			return wt;
		}
		Integer[] idx = new Integer[na];
		for (int i = 0; i < na; i++) idx[i] = i;
		Arrays.sort(idx, (p, q) -> Double.compare(anglesDeg[p], anglesDeg[q]));
		double sum = 0;
		for (int s = 0; s < na; s++) {
			double lo = s > 0 ? anglesDeg[idx[s]] - anglesDeg[idx[s - 1]] : anglesDeg[idx[1]] - anglesDeg[idx[0]];
			double hi = s < na - 1 ? anglesDeg[idx[s + 1]] - anglesDeg[idx[s]] : anglesDeg[idx[na - 1]] - anglesDeg[idx[na - 2]];
			wt[idx[s]] = Math.toRadians((lo + hi) / 2);
			sum += wt[idx[s]];
		}
		if (sum > Math.PI) for (int a = 0; a < na; a++) wt[a] *= Math.PI / sum;
		return wt;
	}

	/**
	 * Reconstructs a slice ({@code n*n}, overwritten) from a sinogram ({@code float[nAngles*W]}),
	 * using {@code threads} threads for the back-projection (rows split between them).
	 */
	public void reconstruct(float[] sino, float[] out, int threads) {
		for (int a = 0; a < na; a += 2) {
			Arrays.fill(re, 0);
			Arrays.fill(im, 0);
			boolean two = a + 1 < na;
			for (int u = 0; u < w; u++) {
				re[u] = sino[a * w + u];
				if (two) im[u] = sino[(a + 1) * w + u];
			}
			Fft.transform(re, im, false);
			for (int k = 0; k < len; k++) {
				re[k] *= filter[k];
				im[k] *= filter[k];
			}
			Fft.transform(re, im, true);
			for (int u = 0; u < w; u++) {
				filtered[a * w + u] = (float) (re[u] * dtheta[a]);
				if (two) filtered[(a + 1) * w + u] = (float) (im[u] * dtheta[a + 1]);
			}
		}
		IntStream rows = IntStream.range(0, n);
		(threads > 1 ? rows.parallel() : rows).forEach(j -> backRow(j, out));
	}

	private void backRow(int j, float[] out) {
		double h = (n - 1) / 2.0, y = j - h;
		int row = j * n, i0 = pr.lineLo(j) - 1, i1 = pr.lineHi(j) - 1;
		Arrays.fill(out, row, row + n, 0f);
		for (int a = 0; a < na; a++) {
			double c = cos[a], u0 = -h * c + y * sin[a] + cen[a];
			int off = a * w;
			for (int i = i0; i <= i1; i++) {
				double u = u0 + i * c;
				if (u <= -1 || u >= w) continue;
				int p = (int) Math.floor(u);
				float t = (float) (u - p);
				float v0 = p >= 0 ? filtered[off + p] : 0f, v1 = p + 1 < w ? filtered[off + p + 1] : 0f;
				out[row + i] += v0 + t * (v1 - v0);
			}
		}
	}
}

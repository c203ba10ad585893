package org.txmsuite.xanes;

import java.util.Locale;

import org.txmsuite.core.TxmException;

/**
 * Edge position at 50 % of the normalized step (linear interpolation at the crossing nearest E0) and
 * whiteline peak by a closed-form local fit of 3, 5 or 7 points around the maximum of the normalized
 * spectrum above E0: a quadratic (polynomial), a quadratic in ln(mu) (Gaussian) or in 1/mu
 * (Lorentzian). The fits' pseudo-inverses are precomputed per grid point; a spectrum costs a scan and
 * a few dot products.
 */
public final class EdgeAnalysis {
	public enum Peak {
		POLYNOMIAL, GAUSSIAN, LORENTZIAN;

		public static Peak parse(String s) {
			for (Peak p : values()) if (p.name().equalsIgnoreCase(s.trim())) return p;
			throw new TxmException("whiteline fit '" + s + "' is unknown; expected polynomial, gaussian or lorentzian");
		}

		public String label() { return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT); }
	}

	private final double[] e;
	private final Peak peak;
	private final int half;
	/** Whiteline search window (grid indices) per E0 index. */
	private final int[] wlLo, wlHi;
	/** Per fit centre: pseudo-inverse rows (3 x points) in t = (E - E_c) / scale[c]. */
	private final double[][][] fit;
	private final double[] scale;

	/**
	 * @param points 3, 5 or 7 points in the whiteline fit
	 * @param wlMinEv, wlMaxEv whiteline search window relative to E0 in eV
	 */
	public EdgeAnalysis(double[] energiesEv, Peak peak, int points, double wlMinEv, double wlMaxEv) {
		if (points != 3 && points != 5 && points != 7)
			throw new TxmException("whiteline fit points = " + points + "; expected 3, 5 or 7");
		if (!(wlMaxEv > wlMinEv))
			throw new TxmException("whiteline window " + wlMinEv + ".." + wlMaxEv + " eV is empty; expected min < max");
		e = energiesEv.clone();
		this.peak = peak;
		half = points / 2;
		int n = e.length;
		wlLo = new int[n];
		wlHi = new int[n];
		for (int i = 0; i < n; i++) {
			int lo = i, hi = i;
			while (lo > 0 && e[lo - 1] >= e[i] + wlMinEv) lo--;
			while (lo < n - 1 && e[lo] < e[i] + wlMinEv) lo++;
			while (hi < n - 1 && e[hi + 1] <= e[i] + wlMaxEv) hi++;
			wlLo[i] = lo;
			wlHi[i] = Math.max(lo, hi);
		}
		fit = new double[n][][];
		scale = new double[n];
		for (int c = half; c < n - half; c++) {
			scale[c] = Math.max(e[c + half] - e[c], e[c] - e[c - half]);
			fit[c] = LeastSquares.polynomial(e, c - half, c + half + 1, 2, e[c], scale[c]);
		}
	}

	/** Results of the last spectrum. */
	public final class Work {
		private final double[] y = new double[2 * half + 1];
		public double edge50, whiteline, height, rms;
		/** True if the local fit had no maximum inside its points and the grid maximum was used. */
		public boolean fallback;

		/** Analyses a normalized spectrum with its E0 at grid index {@code ie0}. */
		public void run(double[] norm, int ie0) {
			edge50 = edge50(norm, ie0);
			whitelineFit(norm, ie0);
		}

		private void whitelineFit(double[] norm, int ie0) {
			int lo = wlLo[ie0], hi = wlHi[ie0], im = lo;
			for (int i = lo + 1; i <= hi; i++) if (norm[i] > norm[im]) im = i;
			int c = Math.min(Math.max(im, half), e.length - 1 - half);
			double[][] p = fit[c];
			fallback = false;
			if (p == null) { fallBack(norm, im); return; }
			for (int j = 0; j < y.length; j++) {
				double v = norm[c - half + j];
				if (peak != Peak.POLYNOMIAL && !(v > 0)) { fallBack(norm, im); return; }
				y[j] = peak == Peak.POLYNOMIAL ? v : peak == Peak.GAUSSIAN ? Math.log(v) : 1 / v;
			}
			double q0 = 0, q1 = 0, q2 = 0;
			for (int j = 0; j < y.length; j++) { q0 += p[0][j] * y[j]; q1 += p[1][j] * y[j]; q2 += p[2][j] * y[j]; }
			boolean peaked = peak == Peak.LORENTZIAN ? q2 > 0 : q2 < 0;
			double tMin = (e[c - half] - e[c]) / scale[c], tMax = (e[c + half] - e[c]) / scale[c];
			double t = -q1 / (2 * q2);
			if (!peaked || !(t >= tMin && t <= tMax)) { fallBack(norm, im); return; }
			whiteline = e[c] + t * scale[c];
			height = model(q0 + t * (q1 + t * q2));
			double ss = 0;
			for (int j = 0; j < y.length; j++) {
				double tj = (e[c - half + j] - e[c]) / scale[c];
				double d = norm[c - half + j] - model(q0 + tj * (q1 + tj * q2));
				ss += d * d;
			}
			rms = Math.sqrt(ss / y.length);
		}

		private double model(double q) {
			return peak == Peak.POLYNOMIAL ? q : peak == Peak.GAUSSIAN ? Math.exp(q) : 1 / q;
		}

		private void fallBack(double[] norm, int im) {
			whiteline = e[im];
			height = norm[im];
			rms = Double.NaN;
			fallback = true;
		}
	}

	public Work work() {
		return new Work();
	}

	/** Energy where the normalized spectrum crosses 0.5, at the crossing nearest E0; NaN if none. */
	double edge50(double[] norm, int ie0) {
		int n = e.length, i = ie0;
		if (norm[i] >= 0.5) {
			while (i > 0 && norm[i - 1] >= 0.5) i--;
			if (i == 0) return Double.NaN;
			return cross(norm, i - 1, i);
		}
		while (i < n - 1 && norm[i] < 0.5) i++;
		if (norm[i] < 0.5) return Double.NaN;
		return cross(norm, i - 1, i);
	}

	private double cross(double[] y, int a, int b) {
		double t = (0.5 - y[a]) / (y[b] - y[a]);
		return e[a] + t * (e[b] - e[a]);
	}
}

package org.txmsuite.xanes;

import java.nio.file.Path;
import java.util.Random;

import org.txmsuite.core.DataState;
import org.txmsuite.core.SpectralStack;

/**
 * A synthetic 2D XANES scan of a battery particle, built from real Ni K-edge spectra: a disc whose Ni
 * is a smooth NiO / LiNiO2 mixture (core rich in NiO, shell in LiNiO2), with a small Ni-metal
 * inclusion of 2 % of the particle's area, on a sloping non-Ni background, with Gaussian noise of
 * edge step / SNR per pixel.
 *
 * <p>Forward model (deliberately not the fitting model): each reference is normalized once on its own
 * dense measured grid; a pixel's absorption is the thickness-weighted mixture of these, seen through a
 * 1 eV monochromator bandpass (5-point average) at the scan energies, plus the background line.
 */
final class SyntheticParticle {
	static final Path DATA = Path.of("test-images/xanes");

	final int w, h;
	final double[] energies = grid();
	final SpectralStack stack;
	/** Truth per pixel: LiNiO2 fraction among the two oxides, Ni-metal flag, particle flag, thickness. */
	final double[] fLi;
	final boolean[] metal, inside;
	final double[] thickness;
	final SpectrumTable nio, lini, ni;
	private final double[][] nativeNorm = new double[3][];
	private final double[][] nativeE = new double[3][];

	SyntheticParticle(int size, double snr, long seed) {
		w = h = size;
		nio = SpectrumFiles.read(DATA.resolve("pyxas_ref_NiO.txt"));
		lini = SpectrumFiles.read(DATA.resolve("pyxas_ref_LiNiO2.txt"));
		ni = SpectrumFiles.read(DATA.resolve("ni_metal_rt.xdi"));
		SpectrumTable[] refs = { nio, lini, ni };
		for (int r = 0; r < 3; r++) {
			Normalizer.Work wk = new Normalizer(refs[r].energiesEv(), NormalizeOptions.larchDefaults()).work();
			wk.run(refs[r].spectrum(0));
			nativeNorm[r] = wk.norm.clone();
			nativeE[r] = refs[r].energiesEv();
		}
		int n = energies.length, px = w * h;
		fLi = new double[px];
		metal = new boolean[px];
		inside = new boolean[px];
		thickness = new double[px];
		double cx = 0.5 * (w - 1), cy = 0.5 * (h - 1), radius = 0.42 * w;
		double area = Math.PI * radius * radius, rMetal = Math.sqrt(0.02 * area / Math.PI);
		double mx = cx + 0.45 * radius, my = cy - 0.3 * radius;
		float[][] planes = new float[n][px];
		Random rnd = new Random(seed);
		double[] mu = new double[n];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int p = y * w + x;
				double rr = Math.hypot(x - cx, y - cy) / radius;
				inside[p] = rr <= 1;
				double t = inside[p] ? 0.4 + 0.6 * Math.sqrt(1 - rr * rr) : 0;
				thickness[p] = t;
				metal[p] = inside[p] && Math.hypot(x - mx, y - my) <= rMetal;
				fLi[p] = inside[p] ? Math.min(1, Math.max(0, 0.15 + 0.7 * rr * rr + 0.1 * (x - cx) / radius)) : 0;
				clean(p, mu);
				double sigma = (inside[p] ? t : 0.4) / snr;
				for (int i = 0; i < n; i++) planes[i][p] = (float) (mu[i] + sigma * rnd.nextGaussian());
			}
		stack = new SpectralStack(w, h, 1, energies, planes).pixelSizeNm(30).state(DataState.ABSORBANCE);
	}

	/** The scan's 60 energies: 5 eV steps before and after the edge, 1 eV steps over it. */
	static double[] grid() {
		double[] e = new double[60];
		int k = 0;
		for (int i = 0; i <= 10; i++) e[k++] = 8280 + 5 * i;
		for (int i = 0; i < 29; i++) e[k++] = 8332 + i;
		for (int i = 0; i < 20; i++) e[k++] = 8365 + 5 * i;
		return e;
	}

	/** Noise-free absorption of pixel p at the scan energies. */
	void clean(int p, double[] mu) {
		for (int i = 0; i < energies.length; i++) mu[i] = absorption(p, energies[i]);
	}

	/** Noise-free absorption of pixel p at energy E (through the 1 eV bandpass). */
	double absorption(int p, double e) {
		double base = 0.3 - 0.0004 * (e - 8330), ni = 0;
		if (inside[p]) {
			for (int s = -2; s <= 2; s++) {
				double es = e + 0.25 * s;
				ni += metal[p] ? ref(2, es) : (1 - fLi[p]) * ref(0, es) + fLi[p] * ref(1, es);
			}
			ni /= 5;
		}
		return base + thickness[p] * ni;
	}

	private double ref(int r, double e) {
		double[] x = nativeE[r], y = nativeNorm[r];
		int j = java.util.Arrays.binarySearch(x, e);
		if (j >= 0) return y[j];
		int hi = -j - 1, lo = hi - 1;
		return y[lo] + (e - x[lo]) / (x[hi] - x[lo]) * (y[hi] - y[lo]);
	}

	/** True edge50: the noise-free spectrum normalized as Larch does on the scan grid, crossing 0.5 on a 0.02 eV grid. */
	double trueEdge50(int p, Normalizer nz) {
		double[] mu = new double[energies.length];
		clean(p, mu);
		Normalizer.Work wk = nz.work();
		wk.run(mu);
		double prev = Double.NaN;
		for (double e = wk.e0 - 20; e <= wk.e0 + 20; e += 0.02) {
			double v = (absorption(p, e) - wk.preOffset - wk.preSlope * (e - wk.e0)) / wk.edgeStep;
			if (prev < 0.5 && v >= 0.5) return e - 0.02 * (v - 0.5) / (v - prev);
			prev = v;
		}
		return Double.NaN;
	}
}

package org.txmsuite.normalize;

import java.util.SplittableRandom;

import org.apache.commons.math3.special.Gamma;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;

/**
 * A small simulated acquisition for the tests: darks, then blocks of references alternating with runs
 * of sample frames, one frame per second. The beam's flat field drifts linearly in time between two
 * different patterns (a shifted, weakened stripe pattern, as when the illumination moves at nano
 * scale); counts are Poisson with a seeded generator plus a Poisson dark signal. The sample is a
 * sphere moving across the field, so the true absorbance (line integral) of every pixel is known.
 */
final class DriftScan {
	int w = 48, h = 40;
	int darks = 5, refsPerBlock = 4, samplesPerRun = 8, runs = 4;
	double i0 = 5000, dark = 60;
	double sampleExposure = 1, refExposure = 1;
	double mu = 0.02; // attenuation per pixel
	double stripe = 0.3;
	boolean times = true;
	long seed = 42;

	/** True absorbance of every sample frame, in order. */
	float[][] truth;
	/** Expected flat (counts per second above dark) at each sample frame, for noise prediction. */
	float[][] flatAtSample;
	/** Weight of the later reference block in the linear interpolation for each sample frame. */
	double[] sampleWeight;

	double flat(int x, int y, double s) {
		double g0 = 1 + stripe * Math.sin(2 * Math.PI * (x + 0.5 * y) / 12);
		double g1 = 0.8 * (1 + stripe * Math.sin(2 * Math.PI * (x + 0.5 * y + 4) / 12));
		return (1 - s) * g0 + s * g1;
	}

	double absorbance(int x, int y, int k, int n) {
		double cx = w * (0.3 + 0.4 * k / Math.max(1, n - 1)), cy = h / 2.0, r = 0.35 * h;
		double d2 = (x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy);
		return d2 < r * r ? mu * 2 * Math.sqrt(r * r - d2) : 0;
	}

	/** The whole acquisition in one stack with frame kinds, in acquisition order. */
	FrameStack build() {
		SplittableRandom rng = new SplittableRandom(seed);
		int nSamples = samplesPerRun * runs;
		int total = darks + refsPerBlock * (runs + 1) + nSamples;
		FrameStack s = new FrameStack(w, h).source("drift-scan").pixelSizeNm(30);
		truth = new float[nSamples][];
		flatAtSample = new float[nSamples][];
		sampleWeight = new double[nSamples];
		int t = 0, k = 0;
		for (int i = 0; i < darks; i++) s.add(frame(rng, false, null, 0, sampleExposure), info(FrameKind.DARK, t++, Double.NaN, sampleExposure));
		double[] blockKey = new double[runs + 1];
		int[] sampleTime = new int[nSamples];
		for (int run = 0; run <= runs; run++) {
			blockKey[run] = t + (refsPerBlock - 1) / 2.0;
			for (int i = 0; i < refsPerBlock; i++) {
				double sc = (double) t / (total - 1);
				s.add(frame(rng, true, null, sc, refExposure), info(FrameKind.FLAT, t++, Double.NaN, refExposure));
			}
			if (run == runs) break;
			for (int i = 0; i < samplesPerRun; i++, k++) {
				double sc = (double) t / (total - 1);
				float[] a = new float[w * h], f = new float[w * h];
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++) {
						a[y * w + x] = (float) absorbance(x, y, k, nSamples);
						f[y * w + x] = (float) (i0 * flat(x, y, sc));
					}
				truth[k] = a;
				flatAtSample[k] = f;
				sampleTime[k] = t;
				s.add(frame(rng, true, a, sc, sampleExposure), info(FrameKind.SAMPLE, t++, 360.0 * k / nSamples, sampleExposure));
			}
		}
		for (int i = 0; i < nSamples; i++) {
			int run = i / samplesPerRun;
			sampleWeight[i] = (sampleTime[i] - blockKey[run]) / (blockKey[run + 1] - blockKey[run]);
		}
		return s;
	}

	/**
	 * Expected mean squared absorbance error from Poisson noise alone (first-order propagation): sample
	 * counts plus dark, and the two interpolated reference block means.
	 */
	double predictedMse() {
		double sum = 0;
		long n = 0;
		for (int k = 0; k < truth.length; k++) {
			double wB = sampleWeight[k], refFactor = (1 - wB) * (1 - wB) + wB * wB;
			for (int i = 0; i < w * h; i++) {
				double lf = flatAtSample[k][i] * sampleExposure, ls = lf * Math.exp(-truth[k][i]);
				double lr = flatAtSample[k][i] * refExposure;
				sum += (ls + dark * (1 + 1.0 / darks)) / (ls * ls) + refFactor * (lr + dark) / (refsPerBlock * lr * lr);
				n++;
			}
		}
		return sum / n;
	}

	private FrameInfo info(FrameKind kind, int t, double angle, double exposure) {
		FrameInfo f = new FrameInfo(kind, angle, Double.NaN, exposure);
		if (times) f.timeS(t);
		return f;
	}

	/** Poisson counts: beam (none for a dark frame) through the sample, plus the dark signal. */
	float[] frame(SplittableRandom rng, boolean beamOn, float[] absorbance, double s, double exposure) {
		float[] px = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				double beam = beamOn ? i0 * exposure * flat(x, y, s) * (absorbance == null ? 1 : Math.exp(-absorbance[i])) : 0;
				px[i] = (float) (poisson(rng, beam) + poisson(rng, dark));
			}
		return px;
	}

	/**
	 * A Poisson deviate: multiplication of uniforms below mean 10, else Hoermann's transformed rejection
	 * with squeeze (PTRS, Insurance: Mathematics and Economics 12, 1993), exact for every mean.
	 */
	static long poisson(SplittableRandom rng, double lam) {
		if (lam <= 0) return 0;
		if (lam < 10) {
			double limit = Math.exp(-lam), prod = rng.nextDouble();
			long k = 0;
			while (prod > limit) {
				prod *= rng.nextDouble();
				k++;
			}
			return k;
		}
		double slam = Math.sqrt(lam), loglam = Math.log(lam);
		double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
		double invAlpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
		while (true) {
			double u = rng.nextDouble() - 0.5, v = rng.nextDouble(), us = 0.5 - Math.abs(u);
			long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
			if (us >= 0.07 && v <= vr) return k;
			if (k < 0 || us < 0.013 && v > us) continue;
			if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lam + k * loglam - Gamma.logGamma(k + 1)) return k;
		}
	}
}

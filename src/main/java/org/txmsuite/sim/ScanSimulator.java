package org.txmsuite.sim;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.txmsuite.core.DataState;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.TxmException;

/**
 * Simulates a tomography scan of a {@link Phantom3D}: analytic line integrals averaged over
 * {@code supersample x supersample} points per detector pixel, optional projection jitter (exact
 * sub-pixel shifts of the detector coordinates, never interpolation), a flat field that drifts over
 * time, Poisson photon noise and dark current. Detector pixel (k, r) looks at u = (k - c) p,
 * z = (r - (H-1)/2) p, with c the rotation centre (pixels) and p the pixel size (um).
 */
public final class ScanSimulator {
	private final Phantom3D phantom;
	private int width = 128, height = 128, supersample = 3;
	private double pixelUm = 0.03, centerPx = Double.NaN;
	private double jitterPx = 0;
	private long seed = 1;
	private double photons = 0, exposureS = 1, refExposureS = Double.NaN, darkCounts = 100;
	private double driftPerScan = 0, driftTilt = 0;
	private int refsEvery = 10;
	private double secondsPerFrame = 2;

	public ScanSimulator(Phantom3D phantom) {
		this.phantom = phantom;
	}

	/** Detector size in pixels and pixel size in um. */
	public ScanSimulator detector(int width, int height, double pixelUm) {
		this.width = width;
		this.height = height;
		this.pixelUm = pixelUm;
		return this;
	}

	/** Rotation centre in pixels (default (W-1)/2). */
	public ScanSimulator center(double px) {
		centerPx = px;
		return this;
	}

	/** Point samples per detector pixel along each axis (default 3). */
	public ScanSimulator supersample(int s) {
		supersample = s;
		return this;
	}

	/** Random per-projection shifts, uniform in [-max, max] pixels in x and y. */
	public ScanSimulator jitter(double maxPx, long seed) {
		this.jitterPx = maxPx;
		this.seed = seed;
		return this;
	}

	/**
	 * Photon counting: {@code photonsPerSecond} in an open-beam pixel, sample and reference exposures (s),
	 * dark counts per frame. Zero photons means noiseless.
	 */
	public ScanSimulator counts(double photonsPerSecond, double exposureS, double refExposureS, double darkCounts) {
		this.photons = photonsPerSecond;
		this.exposureS = exposureS;
		this.refExposureS = refExposureS;
		this.darkCounts = darkCounts;
		return this;
	}

	/**
	 * Beam drift: the flat field's intensity changes by {@code perScan} (relative) from start to end of
	 * the scan, with a left-right tilt growing to {@code tilt} (relative) - references taken at other
	 * times than a projection then differ from its true flat.
	 */
	public ScanSimulator drift(double perScan, double tilt) {
		this.driftPerScan = perScan;
		this.driftTilt = tilt;
		return this;
	}

	/** A reference (flat) frame every N projections (and at the end); seconds per frame for time stamps. */
	public ScanSimulator references(int every, double secondsPerFrame) {
		this.refsEvery = every;
		this.secondsPerFrame = secondsPerFrame;
		return this;
	}

	private double center() {
		return Double.isNaN(centerPx) ? (width - 1) / 2.0 : centerPx;
	}

	/** Per-projection shifts {dx, dy} in pixels (+x right, +y down) for the configured jitter. */
	public double[][] shifts(int n) {
		double[][] s = new double[n][2];
		if (jitterPx <= 0) return s;
		Random r = new Random(seed);
		for (int i = 0; i < n; i++) {
			s[i][0] = (2 * r.nextDouble() - 1) * jitterPx;
			s[i][1] = (2 * r.nextDouble() - 1) * jitterPx;
		}
		return s;
	}

	/** Noiseless absorbance of one projection at an angle, displaced by (dx, dy) pixels. */
	public float[] absorbance(double angleDeg, double dx, double dy) {
		float[] out = new float[width * height];
		double th = Math.toRadians(angleDeg), cos = Math.cos(th), sin = Math.sin(th);
		for (int r = 0; r < height; r++) absorbanceRow(r, cos, sin, dx, dy, out);
		return out;
	}

	/** Row {@code r} of the noiseless absorbance image into {@code out} (row-major, full frame). */
	private void absorbanceRow(int r, double cos, double sin, double dx, double dy, float[] out) {
		double c = center(), rc = (height - 1) / 2.0;
		int s = supersample;
		double inv = 1.0 / (s * s);
		for (int k = 0; k < width; k++) {
			double sum = 0;
			for (int b = 0; b < s; b++) {
				double z = (r - dy - rc + (b + 0.5) / s - 0.5) * pixelUm;
				for (int a = 0; a < s; a++) {
					double u = (k - dx - c + (a + 0.5) / s - 0.5) * pixelUm;
					sum += phantom.lineIntegral(u, z, cos, sin);
				}
			}
			out[r * width + k] = (float) (sum * inv);
		}
	}

	/**
	 * One raw detector frame in counts, rows in parallel, as a CCD sees it at one moment: the sample at
	 * {@code angleDeg} displaced by (dx, dy) pixels (or nothing when {@code sampleInBeam} is false: the
	 * open beam), its absorbance times {@code absorbanceScale} (energy dependence), the flat field at time
	 * fraction {@code timeFraction} (see {@link #flatField}), Poisson photon noise for {@code exposureS}
	 * seconds at the configured photon rate (none when {@code beamOn} is false: a dark frame) and Poisson
	 * dark counts. The same {@code noiseSeed} gives the same noise.
	 */
	public float[] rawFrame(double angleDeg, double dx, double dy, boolean sampleInBeam, boolean beamOn, double absorbanceScale,
		double timeFraction, double exposureS, long noiseSeed) {
		float[] out = new float[width * height];
		double th = Math.toRadians(angleDeg), cos = Math.cos(th), sin = Math.sin(th);
		double rate = beamOn ? photons * exposureS : 0;
		IntStream.range(0, height).parallel().forEach(row -> {
			if (sampleInBeam && rate > 0) absorbanceRow(row, cos, sin, dx, dy, out);
			SplittableRandom r = new SplittableRandom(noiseSeed * 1_000_003L + row);
			for (int k = 0; k < width; k++) {
				int i = row * width + k;
				double mean = rate * flatField(k, row, timeFraction) * Math.exp(-absorbanceScale * out[i]);
				out[i] = (float) (Poisson.sample(r, mean) + Poisson.sample(r, darkCounts));
			}
		});
		return out;
	}

	/**
	 * Absorbance projections (state ABSORBANCE) at the angles, with the configured jitter, and optional
	 * Gaussian noise of {@code noiseRelative} times the largest absorbance (0.01 = 1 %).
	 */
	public FrameStack projections(double[] anglesDeg, double noiseRelative) {
		double[][] sh = shifts(anglesDeg.length);
		float[][] frames = new float[anglesDeg.length][];
		IntStream.range(0, anglesDeg.length).parallel().forEach(i -> frames[i] = absorbance(anglesDeg[i], sh[i][0], sh[i][1]));
		if (noiseRelative > 0) {
			float max = 0;
			for (float[] f : frames) for (float v : f) max = Math.max(max, v);
			Random r = new Random(seed + 7);
			for (float[] f : frames)
				for (int k = 0; k < f.length; k++) f[k] += (float) (r.nextGaussian() * noiseRelative * max);
		}
		FrameStack st = new FrameStack(width, height).pixelSizeNm(pixelUm * 1000).state(DataState.ABSORBANCE).source("sim");
		for (int i = 0; i < frames.length; i++) st.add(frames[i], new FrameInfo(FrameKind.SAMPLE, anglesDeg[i], Double.NaN, exposureS));
		return st;
	}

	/** Relative open-beam intensity at detector column k and time fraction f (0 start, 1 end of scan). */
	public double flatField(int k, int r, double f) {
		double x = k / (double) Math.max(1, width - 1) - 0.5, y = r / (double) Math.max(1, height - 1) - 0.5;
		double base = 1 + 0.15 * x - 0.1 * y + 0.05 * Math.cos(9 * x + 4 * y) + 0.03 * Math.sin(23 * y);
		return base * (1 + driftPerScan * f) * (1 + driftTilt * f * 2 * x);
	}

	/**
	 * A raw scan in acquisition order: two darks, then a flat, then projections with a flat after every
	 * {@code refsEvery} of them (and at the end). Time stamps in seconds. Counts are Poisson samples.
	 */
	public FrameStack rawScan(double[] anglesDeg) {
		if (photons <= 0) throw new TxmException("raw scan simulation needs photons per second > 0 (call counts(...))");
		double[][] sh = shifts(anglesDeg.length);
		int nRefs = (anglesDeg.length + refsEvery - 1) / refsEvery + 1;
		int total = 2 + nRefs + anglesDeg.length;
		FrameStack st = new FrameStack(width, height).pixelSizeNm(pixelUm * 1000).state(DataState.RAW).source("sim");
		double refExp = Double.isNaN(refExposureS) ? exposureS : refExposureS;
		int index = 0;
		for (int d = 0; d < 2; d++) st.add(dark(index++), new FrameInfo(FrameKind.DARK, Double.NaN, Double.NaN, refExp).timeS(0));
		st.add(flat(index, total, refExp), new FrameInfo(FrameKind.FLAT, Double.NaN, Double.NaN, refExp).timeS(index++ * secondsPerFrame));
		float[][] proj = new float[anglesDeg.length][];
		int[] frameIndex = new int[anglesDeg.length];
		for (int i = 0, idx = index; i < anglesDeg.length; i++) {
			frameIndex[i] = idx++;
			if ((i + 1) % refsEvery == 0 || i == anglesDeg.length - 1) idx++;
		}
		IntStream.range(0, anglesDeg.length).parallel().forEach(i -> {
			float[] a = absorbance(anglesDeg[i], sh[i][0], sh[i][1]);
			proj[i] = counts(a, frameIndex[i], total, exposureS);
		});
		for (int i = 0; i < anglesDeg.length; i++) {
			st.add(proj[i], new FrameInfo(FrameKind.SAMPLE, anglesDeg[i], Double.NaN, exposureS).timeS(frameIndex[i] * secondsPerFrame));
			if ((i + 1) % refsEvery == 0 || i == anglesDeg.length - 1) {
				int fi = frameIndex[i] + 1;
				st.add(flat(fi, total, refExp), new FrameInfo(FrameKind.FLAT, Double.NaN, Double.NaN, refExp).timeS(fi * secondsPerFrame));
			}
		}
		return st;
	}

	private float[] dark(int frame) {
		SplittableRandom r = new SplittableRandom(seed * 1_000_003L + frame);
		float[] d = new float[width * height];
		for (int k = 0; k < d.length; k++) d[k] = (float) Poisson.sample(r, darkCounts);
		return d;
	}

	private float[] flat(int frame, int total, double exposure) {
		return counts(new float[width * height], frame, total, exposure);
	}

	/** Counts for an absorbance image taken as frame {@code frame} of {@code total}. */
	private float[] counts(float[] absorbance, int frame, int total, double exposure) {
		SplittableRandom r = new SplittableRandom(seed * 1_000_003L + frame);
		double f = frame / (double) Math.max(1, total - 1);
		float[] out = new float[width * height];
		for (int row = 0; row < height; row++)
			for (int k = 0; k < width; k++) {
				int i = row * width + k;
				double mean = photons * exposure * flatField(k, row, f) * Math.exp(-absorbance[i]);
				out[i] = (float) (Poisson.sample(r, mean) + Poisson.sample(r, darkCounts));
			}
		return out;
	}

	/** Evenly spaced angles from start to end inclusive (degrees). */
	public static double[] angles(double startDeg, double endDeg, int count) {
		double[] a = new double[count];
		for (int i = 0; i < count; i++) a[i] = count == 1 ? startDeg : startDeg + (endDeg - startDeg) * i / (count - 1);
		return a;
	}

	/**
	 * A four-post cross DAC's angle set over {@code totalDeg} in all: two windows of totalDeg/2 centred at
	 * -45 and +45 degrees, so the two blocked gaps (180 - totalDeg)/2 wide are 90 degrees apart.
	 */
	public static double[] fourPostAngles(double totalDeg, double stepDeg) {
		double w = totalDeg / 2;
		int n = (int) Math.round(w / stepDeg);
		double[] a = new double[2 * n];
		for (int i = 0; i < n; i++) {
			a[i] = -45 - w / 2 + (i + 0.5) * stepDeg;
			a[n + i] = 45 - w / 2 + (i + 0.5) * stepDeg;
		}
		return a;
	}
}

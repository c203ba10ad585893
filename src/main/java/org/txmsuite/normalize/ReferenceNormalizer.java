package org.txmsuite.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.txmsuite.core.DataState;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;
import org.txmsuite.normalize.NormalizeOptions.Output;
import org.txmsuite.normalize.NormalizeOptions.ReferenceMode;

/**
 * Reference (flat-field) normalization: T = ((I - D) / t_I) / ((F - D) / t_F), output T or -ln T.
 *
 * <p>Sample frames are the input's frames of kind sample; references are its frames of kind flat plus
 * every frame of an optional separate flats stack; darks likewise. Darks are averaged per exposure
 * time and subtracted from frames of the same exposure (the nearest exposure if none matches).
 * References are chosen by {@link ReferencePlan}. Frames are processed one after another, each split
 * over all cores; only a few reference images are cached, so the extra memory does not grow with the
 * number of frames (see {@link #normalize(FrameStack, FrameStack, FrameStack, NormalizeOptions, Progress, FrameSink)}).
 *
 * <p>Rule for bad pixels: where the reference minus dark is zero, negative or not finite, or the sample
 * is not finite, T is set to 1 (absorbance 0) and the pixel is counted; where T is at or below
 * {@link NormalizeOptions#MIN_TRANSMISSION} (sample at or below the dark) it is clamped to that floor
 * and counted. No output pixel is ever NaN or infinite.
 *
 * <p>An input whose state is already TRANSMISSION or ABSORBANCE (e.g. FXI {@code img_xanes}) is not
 * divided by references again: it is passed through (converted to the requested output) with a warning.
 */
public final class ReferenceNormalizer {

	/** Receives normalized frames in input order, one at a time (the array is the receiver's to keep). */
	public interface FrameSink {
		void accept(int index, float[] pixels, FrameInfo info);
	}

	/** Fraction of the first sample's mean signal below which a reference counts as dark. */
	static final double DARK_REFERENCE_FRACTION = 0.05;
	private static final int CACHED_REFERENCES = 4;

	private final NormalizeOptions o;
	private final int inW, inH, w, h, bin;
	private final List<String> warnings = new ArrayList<>();
	private final LongAdder bad = new LongAdder(), clamped = new LongAdder(), zingers = new LongAdder();

	private ReferenceNormalizer(FrameStack input, NormalizeOptions o) {
		this.o = o;
		inW = input.width();
		inH = input.height();
		bin = o.bin();
		w = inW / bin;
		h = inH / bin;
		if (w < 1 || h < 1)
			throw new TxmException("bin " + bin + " is larger than the frames (" + inW + "x" + inH + ")");
	}

	/** Normalizes and returns the sample frames as a new stack (state ABSORBANCE or TRANSMISSION). */
	public static NormalizeResult normalize(FrameStack input, FrameStack flats, FrameStack darks, NormalizeOptions o,
		Progress p) {
		if (input == null) throw new TxmException("no input stack given");
		FrameStack out = new FrameStack(Math.max(1, input.width() / o.bin()), Math.max(1, input.height() / o.bin()))
			.binning(input.binning() * o.bin()).source(input.source())
			.pixelSizeNm(input.pixelSizeNm() * o.bin())
			.state(o.output() == Output.ABSORBANCE ? DataState.ABSORBANCE : DataState.TRANSMISSION);
		NormalizeResult r = normalize(input, flats, darks, o, p, (i, px, info) -> out.add(px, info));
		return new NormalizeResult(out, r.frameCount(), r.badPixels(), r.clampedPixels(), r.zingers(), r.referenceBlocks(),
			r.exposureCorrected(), r.mode(), r.warnings());
	}

	/**
	 * Normalizes frame by frame into a sink (e.g. a file writer), holding at most a few reference images
	 * and one output frame besides the inputs. Every check on the inputs runs before the first frame is
	 * handed over, so a bad input never yields partial output.
	 *
	 * @param flats extra reference frames (all frames count as references), or null
	 * @param darks extra dark frames (all frames count as darks), or null
	 */
	public static NormalizeResult normalize(FrameStack input, FrameStack flats, FrameStack darks, NormalizeOptions o,
		Progress p, FrameSink sink) {
		if (input == null) throw new TxmException("no input stack given");
		return new ReferenceNormalizer(input, o == null ? new NormalizeOptions() : o)
			.run(input, flats, darks, p == null ? Progress.NONE : p, sink);
	}

	private NormalizeResult run(FrameStack input, FrameStack flatStack, FrameStack darkStack, Progress p, FrameSink sink) {
		checkShape("flats", flatStack, input);
		checkShape("darks", darkStack, input);
		int[] sampleIdx = input.indicesOf(FrameKind.SAMPLE);
		if (sampleIdx.length == 0)
			throw new TxmException("input '" + name(input) + "' has no sample frames: all " + input.size()
				+ " frames are references or darks (slice labels starting with flat/ref/dark)");
		int[] roi = roiInWorkingPixels();
		if (input.state() != DataState.RAW) return passThrough(input, sampleIdx, flatStack, roi, p, sink);

		List<float[]> flatPx = new ArrayList<>(), darkPx = new ArrayList<>();
		List<FrameInfo> flatInfo = new ArrayList<>(), darkInfo = new ArrayList<>();
		List<Double> flatOrder = new ArrayList<>();
		for (int i : input.indicesOf(FrameKind.FLAT)) {
			flatPx.add(input.pixels(i));
			flatInfo.add(input.info(i));
			flatOrder.add((double) i);
		}
		for (int i : input.indicesOf(FrameKind.DARK)) {
			darkPx.add(input.pixels(i));
			darkInfo.add(input.info(i));
		}
		if (flatStack != null) for (int i = 0; i < flatStack.size(); i++) {
			flatPx.add(flatStack.pixels(i));
			flatInfo.add(flatStack.info(i));
			flatOrder.add(Double.NaN);
		}
		if (darkStack != null) for (int i = 0; i < darkStack.size(); i++) {
			darkPx.add(darkStack.pixels(i));
			darkInfo.add(darkStack.info(i));
		}
		if (flatPx.isEmpty())
			throw new TxmException("no reference frames: input '" + name(input) + "' has no frames of kind flat (slice labels "
				+ "starting with 'flat' or 'ref') and no flats stack was given; expected at least one image of the beam without the sample");

		List<FrameInfo> sampleInfo = new ArrayList<>();
		for (int i : sampleIdx) sampleInfo.add(input.info(i));
		boolean exposure = useExposure(sampleInfo, flatInfo);
		Darks dk = new Darks(darkPx, darkInfo);
		ReferencePlan plan = new ReferencePlan(sampleInfo, java.util.Arrays.stream(sampleIdx).asDoubleStream().toArray(),
			flatInfo, flatOrder.stream().mapToDouble(Double::doubleValue).toArray(), o.mode(), warnings);
		References refs = new References(plan, flatPx, flatInfo, dk, exposure);
		checkNotDark(refs, flatInfo, input.pixels(sampleIdx[0]), sampleInfo.get(0), dk, exposure);

		for (int k = 0; k < sampleIdx.length; k++) {
			p.checkCancelled();
			FrameInfo info = sampleInfo.get(k);
			float[] s = working(input.pixels(sampleIdx[k]), true);
			float[] a = refs.image(plan.refA[k]);
			float[] b = plan.refB[k] == plan.refA[k] ? null : refs.image(plan.refB[k]);
			divide(s, dk.forExposure(info.exposureS()), a, b, plan.weight[k], exposure ? 1 / info.exposureS() : 1, roi == null);
			if (roi != null) scaleToBackground(s, roi, k);
			sink.accept(k, s, info.copy());
			p.report(k + 1, sampleIdx.length, "normalized frame " + (k + 1) + " of " + sampleIdx.length);
		}
		return result(sampleIdx.length, plan.blocks.size(), exposure, plan.mode);
	}

	/** T (or -ln T) of one frame in place; the reference is a + weight * (b - a), already dark-subtracted. */
	private void divide(float[] s, float[] dark, float[] a, float[] b, float weight, double sampleScale, boolean finish) {
		float sc = (float) sampleScale;
		boolean log = o.output() == Output.ABSORBANCE;
		FrameMath.rows(w, h, (from, to) -> {
			long nBad = 0, nClamp = 0;
			for (int i = from; i < to; i++) {
				float den = b == null ? a[i] : a[i] + weight * (b[i] - a[i]);
				float t = (s[i] - (dark == null ? 0 : dark[i])) * sc / den;
				if (!(den > 0) || !Float.isFinite(den) || Float.isNaN(t)) {
					t = 1;
					nBad++;
				}
				else if (finish && t <= NormalizeOptions.MIN_TRANSMISSION) {
					t = NormalizeOptions.MIN_TRANSMISSION;
					nClamp++;
				}
				s[i] = finish && log ? (float) -FrameMath.ln(t) + 0f : t; // + 0f: T = 1 gives 0, not -0
			}
			bad.add(nBad);
			clamped.add(nClamp);
			return 0;
		});
	}

	/** Divides a transmission frame by its mean over the beam-only region, then clamps and takes -ln. */
	private void scaleToBackground(float[] s, int[] roi, int frame) {
		double sum = 0;
		for (int y = roi[1]; y < roi[1] + roi[3]; y++)
			for (int x = roi[0]; x < roi[0] + roi[2]; x++) sum += s[y * w + x];
		double mean = sum / ((double) roi[2] * roi[3]);
		if (!(mean > 0) || !Double.isFinite(mean))
			throw new TxmException(String.format(Locale.ROOT, "background_roi: mean transmission in sample frame %d is %g; "
				+ "expected a region of beam without sample (transmission near 1)", frame, mean));
		float inv = (float) (1 / mean);
		finish(s, inv);
	}

	/** Multiplies T by a factor, clamps it at the floor and takes -ln for absorbance output. */
	private void finish(float[] s, float factor) {
		boolean log = o.output() == Output.ABSORBANCE;
		FrameMath.rows(w, h, (from, to) -> {
			long nClamp = 0;
			for (int i = from; i < to; i++) {
				float t = s[i] * factor;
				if (t <= NormalizeOptions.MIN_TRANSMISSION) {
					t = NormalizeOptions.MIN_TRANSMISSION;
					nClamp++;
				}
				s[i] = log ? (float) -FrameMath.ln(t) + 0f : t;
			}
			clamped.add(nClamp);
			return 0;
		});
	}

	/** Input already normalized: only converted between transmission and absorbance (and binned). */
	private NormalizeResult passThrough(FrameStack input, int[] sampleIdx, FrameStack flatStack, int[] roi, Progress p,
		FrameSink sink) {
		boolean inAbs = input.state() == DataState.ABSORBANCE;
		warnings.add("input '" + name(input) + "' is already " + input.state().name().toLowerCase(Locale.ROOT)
			+ " (its metadata says so): not divided by references again, only converted to "
			+ o.output().name().toLowerCase(Locale.ROOT)
			+ (flatStack != null || input.indicesOf(FrameKind.FLAT).length > 0 ? "; its reference frames were ignored" : ""));
		for (int k = 0; k < sampleIdx.length; k++) {
			p.checkCancelled();
			float[] s = working(input.pixels(sampleIdx[k]), true);
			if (inAbs && o.output() == Output.ABSORBANCE && roi == null) {
				FrameMath.rows(w, h, (from, to) -> {
					long n = 0;
					for (int i = from; i < to; i++) if (!Float.isFinite(s[i])) { s[i] = 0; n++; }
					bad.add(n);
					return 0;
				});
			}
			else {
				FrameMath.rows(w, h, (from, to) -> {
					long n = 0;
					for (int i = from; i < to; i++) {
						float t = inAbs ? (float) Math.exp(-s[i]) : s[i];
						if (!Float.isFinite(t)) { t = 1; n++; }
						s[i] = t;
					}
					bad.add(n);
					return 0;
				});
				if (roi != null) scaleToBackground(s, roi, k);
				else finish(s, 1f);
			}
			sink.accept(k, s, input.info(sampleIdx[k]).copy());
			p.report(k + 1, sampleIdx.length, "converted frame " + (k + 1) + " of " + sampleIdx.length);
		}
		return result(sampleIdx.length, 0, false, o.mode());
	}

	private NormalizeResult result(int frames, int blocks, boolean exposure, ReferenceMode mode) {
		return new NormalizeResult(null, frames, bad.sum(), clamped.sum(), zingers.sum(), blocks, exposure, mode, warnings);
	}

	/** A frame at working resolution (binned) with zingers removed (and counted); a copy if {@code copy} or if changed. */
	float[] working(float[] raw, boolean copy) {
		return working(raw, copy, true);
	}

	private float[] working(float[] raw, boolean copy, boolean count) {
		float[] f = bin > 1 ? FrameMath.bin(raw, inW, inH, bin) : copy || o.zingerThreshold() > 0 ? raw.clone() : raw;
		if (o.zingerThreshold() > 0) {
			long n = FrameMath.removeZingers(f, w, h, o.zingerThreshold());
			if (count) zingers.add(n);
		}
		return f;
	}

	/** Exposure correction applies when asked for and every sample and reference exposure is known. */
	private boolean useExposure(List<FrameInfo> samples, List<FrameInfo> flats) {
		if (!o.exposureCorrection()) return false;
		boolean known = samples.stream().allMatch(f -> f.exposureS() > 0 && Double.isFinite(f.exposureS()))
			&& flats.stream().allMatch(f -> f.exposureS() > 0 && Double.isFinite(f.exposureS()));
		if (!known) {
			double[] e = java.util.stream.Stream.concat(samples.stream(), flats.stream()).mapToDouble(FrameInfo::exposureS)
				.filter(x -> x > 0 && Double.isFinite(x)).distinct().toArray();
			if (e.length > 1)
				warnings.add("exposure correction off: some sample or reference frames have no exposure time, "
					+ "although the known exposures differ (" + java.util.Arrays.toString(e) + " s)");
		}
		return known;
	}

	/**
	 * A reference is dark when at least half its pixels are no brighter than the dark, or its mean signal
	 * above the dark (per second with exposure correction) is below 5 % of the first sample frame's.
	 */
	private void checkNotDark(References refs, List<FrameInfo> flatInfo, float[] firstSample, FrameInfo sampleInfo,
		Darks dk, boolean exposure) {
		float[] s = working(firstSample, false, false); // counted when it is normalized
		float[] sd = dk.forExposure(sampleInfo.exposureS());
		double sampleMean = meanAbove(s, sd)[0] * (exposure ? 1 / sampleInfo.exposureS() : 1);
		List<Integer> dark = new ArrayList<>();
		StringBuilder detail = new StringBuilder();
		for (int k = 0; k < flatInfo.size(); k++) {
			float[] f = refs.flat(k);
			double[] m = meanAbove(f, dk.forExposure(flatInfo.get(k).exposureS()));
			double mean = m[0] * (exposure ? 1 / flatInfo.get(k).exposureS() : 1);
			if (m[1] >= 0.5 || mean < DARK_REFERENCE_FRACTION * sampleMean) {
				dark.add(k);
				if (detail.length() == 0)
					detail.append(String.format(Locale.ROOT, "reference %d has mean %.4g above the dark with %.0f%% of its pixels "
						+ "no brighter than the dark, against %.4g for the first sample frame", k, mean, 100 * m[1], sampleMean));
			}
		}
		if (!dark.isEmpty())
			throw new TxmException((dark.size() == flatInfo.size() ? "all " + dark.size() + " reference frames are dark"
				: dark.size() + " of " + flatInfo.size() + " reference frames are dark (" + abbreviate(dark) + ")")
				+ ": " + detail + "; expected images of the beam without the sample (check frame kinds, slice labels and the shutter)");
	}

	/** {mean of f - d, fraction of pixels with f - d <= 0}. */
	private double[] meanAbove(float[] f, float[] d) {
		double[] sums = new double[2];
		for (int i = 0; i < f.length; i++) {
			double v = f[i] - (d == null ? 0 : d[i]);
			if (Double.isFinite(v)) sums[0] += v;
			if (!(v > 0)) sums[1]++;
		}
		return new double[] { sums[0] / f.length, sums[1] / f.length };
	}

	private static String abbreviate(List<Integer> idx) {
		return idx.size() <= 10 ? "indices " + idx : "indices " + idx.subList(0, 10) + " ...";
	}

	private int[] roiInWorkingPixels() {
		int[] r = o.backgroundRoi();
		if (r == null) return null;
		if (r[0] + r[2] > inW || r[1] + r[3] > inH)
			throw new TxmException("background_roi " + r[0] + "," + r[1] + "," + r[2] + "," + r[3] + " reaches outside the "
				+ inW + "x" + inH + " frames");
		int x0 = r[0] / bin, y0 = r[1] / bin;
		int x1 = Math.min(w, (r[0] + r[2]) / bin), y1 = Math.min(h, (r[1] + r[3]) / bin);
		if (x1 <= x0 || y1 <= y0)
			throw new TxmException("background_roi " + r[0] + "," + r[1] + "," + r[2] + "," + r[3] + " holds no whole "
				+ bin + "x" + bin + " binned pixel; expected a larger region");
		return new int[] { x0, y0, x1 - x0, y1 - y0 };
	}

	private static void checkShape(String what, FrameStack s, FrameStack input) {
		if (s == null) return;
		if (s.width() != input.width() || s.height() != input.height())
			throw new TxmException(what + " '" + name(s) + "' has " + s.width() + "x" + s.height() + " frames but the input '"
				+ name(input) + "' has " + input.width() + "x" + input.height() + "; expected the same frame size");
	}

	private static String name(FrameStack s) {
		return s.source().isEmpty() ? "(unnamed)" : s.source();
	}

	/** Dark images, one per exposure time (combined like the references). */
	private final class Darks {
		private final Map<Double, float[]> byExposure = new LinkedHashMap<>();

		Darks(List<float[]> px, List<FrameInfo> info) {
			Map<Double, List<float[]>> groups = new LinkedHashMap<>();
			for (int i = 0; i < px.size(); i++) {
				double e = info.get(i).exposureS();
				groups.computeIfAbsent(Double.isFinite(e) ? e : Double.NaN, k -> new ArrayList<>()).add(working(px.get(i), false));
			}
			for (var g : groups.entrySet()) {
				float[][] f = g.getValue().toArray(new float[0][]);
				float[] ones = new float[f.length];
				java.util.Arrays.fill(ones, 1f);
				byExposure.put(g.getKey(), FrameMath.combine(f, new float[f.length][], ones, o.mode() == ReferenceMode.MEDIAN, w, h));
			}
		}

		/** The dark taken at this exposure, else at the nearest known exposure, else any; null without darks. */
		float[] forExposure(double exposure) {
			if (byExposure.isEmpty()) return null;
			float[] best = null;
			double dist = Double.POSITIVE_INFINITY;
			for (var e : byExposure.entrySet()) {
				double d = Double.isFinite(exposure) && Double.isFinite(e.getKey()) ? Math.abs(e.getKey() - exposure)
					: Double.MAX_VALUE;
				if (best == null || d < dist) {
					best = e.getValue();
					dist = d;
				}
			}
			return best;
		}
	}

	/** Reference images of the plan's blocks, dark-subtracted and per second, made on demand and cached. */
	private final class References {
		private final ReferencePlan plan;
		private final List<float[]> flatPx;
		private final List<FrameInfo> flatInfo;
		private final Darks darks;
		private final boolean exposure;
		private final float[][] processed;
		private final Map<Integer, float[]> cache = new LinkedHashMap<>(8, 0.75f, true) {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<Integer, float[]> e) {
				return size() > CACHED_REFERENCES;
			}
		};

		References(ReferencePlan plan, List<float[]> flatPx, List<FrameInfo> flatInfo, Darks darks, boolean exposure) {
			this.plan = plan;
			this.flatPx = flatPx;
			this.flatInfo = flatInfo;
			this.darks = darks;
			this.exposure = exposure;
			this.processed = new float[flatPx.size()][];
		}

		/** A reference frame at working resolution, zingers removed; computed once. */
		float[] flat(int k) {
			if (processed[k] == null) processed[k] = working(flatPx.get(k), false);
			return processed[k];
		}

		float[] image(int block) {
			float[] img = cache.get(block);
			if (img != null) return img;
			int[] idx = plan.blocks.get(block).flats;
			float[][] f = new float[idx.length][], d = new float[idx.length][];
			float[] sc = new float[idx.length];
			for (int j = 0; j < idx.length; j++) {
				FrameInfo fi = flatInfo.get(idx[j]);
				f[j] = flat(idx[j]);
				d[j] = darks.forExposure(fi.exposureS());
				sc[j] = exposure ? (float) (1 / fi.exposureS()) : 1f;
			}
			img = FrameMath.combine(f, d, sc, plan.mode == ReferenceMode.MEDIAN, w, h);
			cache.put(block, img);
			return img;
		}
	}
}

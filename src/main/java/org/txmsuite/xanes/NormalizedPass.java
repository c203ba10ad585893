package org.txmsuite.xanes;

import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.txmsuite.core.Progress;

/**
 * One pass over every spectrum of the data: normalization, then an optional per-spectrum stage (edge
 * maps, reference fit, ...). Slices of a 3D stack are streamed one at a time; per-pixel results are
 * maps of {@code depth} slices. Pixels whose normalization fails, or whose edge step is below the
 * mask threshold, are masked (their derived values NaN) and counted by reason.
 */
final class NormalizedPass {
	/** Work on one normalized spectrum (created per chunk of pixels, so it may keep scratch). */
	interface Stage {
		void pixel(int z, int p, Normalizer.Work w, double[] norm);
	}

	/** Called after each slice with its normalized planes (if any were kept). */
	interface SliceHook {
		void afterSlice(int z, float[][] normalized);
	}

	final XanesData data;
	final Normalizer normalizer;
	final int depth, pixels;
	final float[][] e0, step;
	final short[][] ie0;
	final byte[][] status;
	/** Normalized spectra of a table, {@code [spectrum][energy]} (null for stacks). */
	double[][] tableNorm;
	/** Maps blanked (NaN) where pixels end up masked. */
	final List<float[][]> derived = new ArrayList<>();
	final long[] counts = new long[Normalizer.STATUS.length];
	double threshold;

	NormalizedPass(XanesData data, NormalizeOptions o) {
		this.data = data;
		normalizer = new Normalizer(data.energiesEv(), o);
		depth = data.depth();
		pixels = data.pixels();
		e0 = maps();
		step = maps();
		ie0 = new short[depth][pixels];
		status = new byte[depth][pixels];
	}

	/** NaN-filled maps of the data's size, blanked with the mask at the end. */
	float[][] maps() {
		float[][] m = new float[depth][pixels];
		for (float[] s : m) Arrays.fill(s, Float.NaN);
		return m;
	}

	float[][] derivedMaps() {
		float[][] m = maps();
		derived.add(m);
		return m;
	}

	/**
	 * Runs the pass.
	 * @param out   normalized planes to fill for slice z (energy-indexed), or null not to keep them
	 * @param stage per-spectrum work after normalization (OK spectra only), or null
	 */
	void run(IntFunction<float[][]> out, Supplier<Stage> stage, SliceHook hook, double maskThreshold, Progress progress) {
		AtomicLong done = new AtomicLong();
		long total = (long) pixels * depth;
		if (data.isTable()) {
			SpectrumTable t = data.table();
			tableNorm = new double[t.size()][];
			Normalizer.Work w = normalizer.work();
			Stage s = stage == null ? null : stage.get();
			for (int p = 0; p < t.size(); p++) {
				one(w, s, 0, p, t.spectrum(p));
				tableNorm[p] = w.norm.clone();
			}
			progress.report(total, total, "normalized");
		}
		else {
			for (int z = 0; z < depth; z++) {
				final int zz = z;
				float[][] o = out == null ? null : out.apply(z);
				BlockRunner.run(data.slice(z), o, pixels, () -> {
					Normalizer.Work w = normalizer.work();
					Stage s = stage == null ? null : stage.get();
					return (p, mu, res) -> {
						one(w, s, zz, p, mu);
						if (o != null) System.arraycopy(w.norm, 0, res, 0, res.length);
					};
				}, progress, done, total, depth > 1 ? "slice " + (z + 1) + "/" + depth : "spectra");
				if (hook != null) hook.afterSlice(z, o);
			}
		}
		mask(data.isTable() ? 0 : maskThreshold);
	}

	private void one(Normalizer.Work w, Stage s, int z, int p, double[] mu) {
		byte st = w.run(mu);
		e0[z][p] = (float) w.e0;
		step[z][p] = (float) w.edgeStep;
		ie0[z][p] = (short) w.ie0;
		status[z][p] = st;
		if (st == Normalizer.OK && s != null) s.pixel(z, p, w, w.norm);
	}

	private void mask(double fraction) {
		if (fraction > 0) {
			long ok = 0;
			for (byte[] s : status) for (byte b : s) if (b == Normalizer.OK) ok++;
			if (ok > 0) {
				int stride = (int) Math.max(1, ok / 1_000_000);
				float[] sample = new float[(int) ((ok + stride - 1) / stride)];
				int n = 0;
				long k = 0;
				for (int z = 0; z < depth; z++)
					for (int p = 0; p < pixels; p++)
						if (status[z][p] == Normalizer.OK && k++ % stride == 0 && n < sample.length) sample[n++] = step[z][p];
				Arrays.sort(sample, 0, n);
				threshold = fraction * sample[(int) Math.ceil(0.99 * (n - 1))];
			}
		}
		Arrays.fill(counts, 0);
		for (int z = 0; z < depth; z++)
			for (int p = 0; p < pixels; p++) {
				if (status[z][p] == Normalizer.OK && step[z][p] < threshold) status[z][p] = Normalizer.LOW_STEP;
				counts[status[z][p]]++;
				if (status[z][p] != Normalizer.OK) for (float[][] m : derived) m[z][p] = Float.NaN;
			}
	}

	/** Number of spectra used (not masked). */
	long used() {
		return counts[Normalizer.OK];
	}

	String summary(String what) {
		long total = (long) depth * pixels;
		StringBuilder b = new StringBuilder();
		b.append(String.format(Locale.ROOT, "%s: %d of %d %s used", what, counts[0], total, data.isTable() ? "spectra" : "pixels"));
		long masked = total - counts[0];
		if (masked > 0) {
			b.append("; masked ").append(masked).append(" (");
			boolean first = true;
			for (int i = 1; i < counts.length; i++) {
				if (counts[i] == 0) continue;
				b.append(first ? "" : ", ").append(counts[i]).append(' ').append(Normalizer.STATUS[i]);
				first = false;
			}
			b.append(')');
		}
		if (threshold > 0) b.append(String.format(Locale.ROOT, "; edge-step threshold %.4g", threshold));
		return b.toString();
	}

	/** A table result row per spectrum: name and status first, then the columns the caller adds. */
	ResultsTable tableRows() {
		ResultsTable t = new ResultsTable();
		for (int p = 0; p < pixels; p++) {
			t.incrementCounter();
			t.addValue("name", data.table().name(p));
		}
		return t;
	}

	void addStatus(ResultsTable t) {
		for (int p = 0; p < pixels; p++) t.setValue("status", p, Normalizer.STATUS[status[0][p]]);
	}
}

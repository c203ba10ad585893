package org.txmsuite.xanes;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.txmsuite.core.Progress;
import org.txmsuite.core.SpectralStack;
import org.txmsuite.core.TxmException;

/**
 * The XANES operations on a spectral stack (2D or 3D) or a spectrum table: normalization, edge and
 * whiteline maps, reference fitting and cluster analysis. Each returns its outputs by name (the
 * names the commands use).
 */
public final class Xanes {
	private Xanes() {}

	/** Pre-/post-edge normalization: {@code normalized}, {@code e0_map}, {@code edge_step_map}, {@code mask} (stacks) or {@code normalized}, {@code results} (tables). */
	public static XanesResult normalize(XanesData d, NormalizeOptions o, Progress progress) {
		NormalizedPass pass = new NormalizedPass(d, o);
		int n = d.energyCount(), depth = d.depth();
		float[][] planes = d.isTable() ? null : new float[n * depth][];
		if (planes != null) for (int i = 0; i < planes.length; i++) planes[i] = new float[d.pixels()];
		pass.run(planes == null ? null : z -> {
			float[][] o2 = new float[n][];
			for (int e = 0; e < n; e++) o2[e] = planes[e * depth + z];
			return o2;
		}, null, null, o.maskThreshold, progress);
		XanesResult r = new XanesResult().summary(pass.summary("XANES Normalize"));
		if (d.isTable()) {
			r.put("normalized", spectraTable(d.energiesEv(), d.table().names(), pass.tableNorm));
			ResultsTable t = pass.tableRows();
			Normalizer.Work w = pass.normalizer.work();
			for (int p = 0; p < pass.pixels; p++) {
				w.ie0 = pass.ie0[0][p];
				boolean finite = pass.status[0][p] != Normalizer.NOT_FINITE;
				t.setValue("e0", p, pass.e0[0][p]);
				t.setValue("edge_step", p, pass.step[0][p]);
				t.setValue("pre1", p, finite ? w.pre1() : Double.NaN);
				t.setValue("pre2", p, finite ? w.pre2() : Double.NaN);
				t.setValue("norm1", p, finite ? w.norm1() : Double.NaN);
				t.setValue("norm2", p, finite ? w.norm2() : Double.NaN);
				t.setValue("nnorm", p, finite ? w.nnorm() : Double.NaN);
			}
			// e0 and edge_step in double precision, as Larch reports them
			for (int p = 0; p < pass.pixels; p++) {
				if (pass.status[0][p] == Normalizer.NOT_FINITE) continue;
				w.run(d.table().spectrum(p));
				t.setValue("e0", p, w.e0);
				t.setValue("edge_step", p, w.edgeStep);
			}
			pass.addStatus(t);
			return r.put("results", t);
		}
		SpectralStack s = new SpectralStack(d.width(), d.height(), depth, d.energiesEv(), planes).pixelSizeNm(d.pixelSizeNm())
			.state(d.stack().state());
		r.put("normalized", s);
		r.put("e0_map", colored(map("e0_map", pass.e0, d), pass.e0));
		r.put("edge_step_map", colored(map("edge_step_map", pass.step, d), pass.step));
		return r.put("mask", mask(pass, d));
	}

	/** Edge and whiteline settings. */
	public static final class EdgeOptions {
		public EdgeAnalysis.Peak peak = EdgeAnalysis.Peak.GAUSSIAN;
		public int points = 5;
		public double whitelineMinEv = 0, whitelineMaxEv = 40;
		/** Box smoothing radius in pixels for the whiteline fit (0: none; 2: 5x5). */
		public int smoothRadius = 0;
	}

	/** {@code edge50_map}, {@code whiteline_map}, {@code whiteline_height_map}, {@code whiteline_rms_map}, views and mask; {@code results} for tables. */
	public static XanesResult edges(XanesData d, NormalizeOptions o, EdgeOptions eo, Progress progress) {
		NormalizedPass pass = new NormalizedPass(d, o);
		EdgeAnalysis ea = new EdgeAnalysis(d.energiesEv(), eo.peak, eo.points, eo.whitelineMinEv, eo.whitelineMaxEv);
		float[][] edge50 = pass.derivedMaps(), wl = pass.derivedMaps(), wlh = pass.derivedMaps(), wlr = pass.derivedMaps();
		AtomicLong fallbacks = new AtomicLong();
		boolean smooth = eo.smoothRadius > 0 && !d.isTable();
		int n = d.energyCount(), px = d.pixels();
		float[][] buffer = smooth ? new float[n][px] : null;
		// smoothing must not mix in background pixels: find the edge-step threshold first
		double thr = 0;
		if (smooth) {
			NormalizedPass pre = new NormalizedPass(d, o);
			pre.run(null, null, null, o.maskThreshold, progress);
			thr = pre.threshold;
		}
		final double stepMin = thr;
		pass.run(smooth ? z -> buffer : null, () -> {
			EdgeAnalysis.Work w = ea.work();
			return (z, p, nw, norm) -> {
				if (smooth) { edge50[z][p] = (float) ea.edge50(norm, nw.ie0); return; }
				w.run(norm, nw.ie0);
				store(w, z, p, edge50, wl, wlh, wlr, fallbacks);
			};
		}, smooth ? (z, planes) -> {
			for (int p = 0; p < px; p++)
				if (pass.status[z][p] != Normalizer.OK || pass.step[z][p] < stepMin) for (float[] pl : planes) pl[p] = Float.NaN;
			IntStream.range(0, n).parallel().forEach(e -> BoxFilter.mean(planes[e], d.width(), d.height(), eo.smoothRadius));
			BlockRunner.run(planes, null, px, () -> {
				EdgeAnalysis.Work w = ea.work();
				return (p, norm, res) -> {
					if (pass.status[z][p] != Normalizer.OK) return;
					w.run(norm, pass.ie0[z][p]);
					store(w, z, p, null, wl, wlh, wlr, fallbacks);
				};
			}, progress, new AtomicLong(), px, "whiteline fit");
		} : null, o.maskThreshold, progress);
		String sum = pass.summary("XANES Edge and Whiteline Maps");
		if (fallbacks.get() > 0)
			sum += "; whiteline: " + fallbacks.get() + " spectra had no peak inside the local " + eo.peak.label().toLowerCase(Locale.ROOT)
				+ " fit, their grid maximum is used (whiteline_rms NaN)";
		XanesResult r = new XanesResult().summary(sum);
		if (d.isTable()) {
			ResultsTable t = pass.tableRows();
			for (int p = 0; p < pass.pixels; p++) {
				t.setValue("e0", p, pass.e0[0][p]);
				t.setValue("edge_step", p, pass.step[0][p]);
				t.setValue("edge50", p, edge50[0][p]);
				t.setValue("whiteline", p, wl[0][p]);
				t.setValue("whiteline_height", p, wlh[0][p]);
				t.setValue("whiteline_rms", p, wlr[0][p]);
			}
			pass.addStatus(t);
			return r.put("results", t);
		}
		ImagePlus e50 = colored(map("edge50_map", edge50, d), edge50), w = colored(map("whiteline_map", wl, d), wl);
		r.put("edge50_map", e50).put("whiteline_map", w);
		r.put("whiteline_height_map", colored(map("whiteline_height_map", wlh, d), wlh));
		r.put("whiteline_rms_map", colored(map("whiteline_rms_map", wlr, d), wlr));
		r.put("edge50_map_view", ColorScale.view(e50, d.depth() / 2, "eV"));
		r.put("whiteline_map_view", ColorScale.view(w, d.depth() / 2, "eV"));
		return r.put("mask", mask(pass, d));
	}

	private static void store(EdgeAnalysis.Work w, int z, int p, float[][] edge50, float[][] wl, float[][] wlh, float[][] wlr,
		AtomicLong fallbacks) {
		if (edge50 != null) edge50[z][p] = (float) w.edge50;
		wl[z][p] = (float) w.whiteline;
		wlh[z][p] = (float) w.height;
		wlr[z][p] = (float) w.rms;
		if (w.fallback) fallbacks.incrementAndGet();
	}

	/** Reference-fit settings. */
	public static final class FitOptions {
		public boolean sumToOne = true;
		public LinearCombination.Background background = LinearCombination.Background.NONE;
		/** Fitted energy range in eV (NaN: the whole grid). */
		public double minEv = Double.NaN, maxEv = Double.NaN;
	}

	/**
	 * Linear combination fit of the normalized spectra against reference spectra. References are
	 * interpolated onto the data's energy grid and normalized there with the same settings as the data.
	 * Outputs {@code fraction_1..}, {@code residual_map}, {@code mask}; {@code results} for tables.
	 */
	public static XanesResult fitReferences(XanesData d, NormalizeOptions o, List<SpectrumTable> refFiles, FitOptions fo,
		Progress progress) {
		double[] e = d.energiesEv();
		List<String> names = new ArrayList<>();
		List<double[]> refs = new ArrayList<>();
		Normalizer.Work rw = new Normalizer(e, o).work();
		for (SpectrumTable t : refFiles)
			for (int s = 0; s < t.size(); s++) {
				double[] v = t.interpolate(s, e);
				for (int i = 0; i < e.length; i++)
					if (!Double.isFinite(v[i]))
						throw new TxmException("reference '" + t.name(s) + "' (" + t.source() + ") covers "
							+ EnergyGrid.fmt(t.energiesEv()[0]) + ".." + EnergyGrid.fmt(t.energiesEv()[t.energyCount() - 1])
							+ " eV; expected it to cover the data's " + EnergyGrid.fmt(e[0]) + ".." + EnergyGrid.fmt(e[e.length - 1]) + " eV");
				byte st = rw.run(v);
				if (st != Normalizer.OK)
					throw new TxmException("reference '" + t.name(s) + "' (" + t.source() + ") cannot be normalized on the data's grid: "
						+ Normalizer.statusText(st));
				names.add(t.name(s));
				refs.add(rw.norm.clone());
			}
		int from = 0, to = e.length;
		if (Double.isFinite(fo.minEv)) while (from < e.length && e[from] < fo.minEv) from++;
		if (Double.isFinite(fo.maxEv)) while (to > 0 && e[to - 1] > fo.maxEv) to--;
		LinearCombination lc = new LinearCombination(e, refs.toArray(new double[0][]), from, Math.max(from, to), fo.sumToOne,
			fo.background);
		NormalizedPass pass = new NormalizedPass(d, o);
		int k = refs.size();
		float[][][] frac = new float[k][][];
		for (int r = 0; r < k; r++) frac[r] = pass.derivedMaps();
		float[][] resid = pass.derivedMaps();
		pass.run(null, () -> {
			LinearCombination.Work w = lc.work();
			return (z, p, nw, norm) -> {
				w.run(norm);
				for (int r = 0; r < k; r++) frac[r][z][p] = (float) w.fractions[r];
				resid[z][p] = (float) w.rFactor;
			};
		}, null, o.maskThreshold, progress);
		XanesResult res = new XanesResult().summary(pass.summary("XANES Reference Fitting") + "; references: " + String.join(", ", names));
		if (d.isTable()) {
			ResultsTable t = pass.tableRows();
			for (int p = 0; p < pass.pixels; p++) {
				for (int r = 0; r < k; r++) t.setValue(names.get(r), p, frac[r][0][p]);
				t.setValue("r_factor", p, resid[0][p]);
			}
			pass.addStatus(t);
			return res.put("results", t);
		}
		for (int r = 0; r < k; r++) {
			ImagePlus m = map("fraction_" + names.get(r), frac[r], d);
			m.setLut(ColorScale.lut());
			m.setDisplayRange(0, 1);
			res.put("fraction_" + (r + 1), m);
		}
		res.put("residual_map", colored(map("residual_map", resid, d), resid));
		return res.put("mask", mask(pass, d));
	}

	/** A table with an {@code energy} column and one column per spectrum. */
	static ResultsTable spectraTable(double[] energies, String[] names, double[][] spectra) {
		ResultsTable t = new ResultsTable();
		String[] cols = unique(names);
		for (int i = 0; i < energies.length; i++) {
			t.incrementCounter();
			t.addValue("energy", energies[i]);
			for (int s = 0; s < spectra.length; s++) t.addValue(cols[s], spectra[s][i]);
		}
		return t;
	}

	static String[] unique(String[] names) {
		String[] out = new String[names.length];
		java.util.Set<String> seen = new java.util.HashSet<>();
		seen.add("energy");
		for (int i = 0; i < names.length; i++) {
			String n = names[i].isEmpty() ? "spectrum" : names[i], c = n;
			for (int k = 2; !seen.add(c); k++) c = n + "_" + k;
			out[i] = c;
		}
		return out;
	}

	/** A float map (one slice per z) calibrated like the data. */
	static ImagePlus map(String title, float[][] slices, XanesData d) {
		ImageStack st = new ImageStack(d.width(), d.height());
		for (int z = 0; z < slices.length; z++) st.addSlice(slices.length > 1 ? "z=" + z : title, new FloatProcessor(d.width(), d.height(), slices[z]));
		ImagePlus imp = new ImagePlus(title, st);
		double nm = d.pixelSizeNm();
		if (Double.isFinite(nm)) {
			Calibration c = imp.getCalibration();
			c.setUnit("nm");
			c.pixelWidth = c.pixelHeight = c.pixelDepth = nm;
		}
		return imp;
	}

	static ImagePlus colored(ImagePlus map, float[][] slices) {
		return ColorScale.apply(map, slices);
	}

	/** 255 where the spectrum was used, 0 where masked. */
	static ImagePlus mask(NormalizedPass pass, XanesData d) {
		ImageStack st = new ImageStack(d.width(), d.height());
		for (int z = 0; z < pass.depth; z++) {
			byte[] m = new byte[pass.pixels];
			for (int p = 0; p < m.length; p++) m[p] = pass.status[z][p] == Normalizer.OK ? (byte) 255 : 0;
			st.addSlice(pass.depth > 1 ? "z=" + z : "mask", new ByteProcessor(d.width(), d.height(), m));
		}
		ImagePlus imp = new ImagePlus("mask", st);
		imp.getProcessor().setLut(LUT.createLutFromColor(java.awt.Color.WHITE));
		return imp;
	}
}

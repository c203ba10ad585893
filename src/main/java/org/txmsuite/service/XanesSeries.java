package org.txmsuite.service;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ImageProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.txmsuite.acquire.EnergyRegions;
import org.txmsuite.acquire.ScanPlan;
import org.txmsuite.acquire.ScanProgram;
import org.txmsuite.acquire.ScanType;
import org.txmsuite.align.Registration;
import org.txmsuite.align.SpectralAligner;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.ImageJ1Views;
import org.txmsuite.core.Progress;
import org.txmsuite.core.SpectralStack;
import org.txmsuite.io.AtomicFiles;
import org.txmsuite.io.CsvTables;
import org.txmsuite.io.TiffIO;
import org.txmsuite.normalize.NormalizeOptions;
import org.txmsuite.sim.ModelSpectra;
import org.txmsuite.stage.InstrumentSimulator;
import org.txmsuite.stage.XanesSample;
import org.txmsuite.xanes.ClusterAnalysis;
import org.txmsuite.xanes.ColorScale;
import org.txmsuite.xanes.SpectrumTable;
import org.txmsuite.xanes.Xanes;
import org.txmsuite.xanes.XanesData;
import org.txmsuite.xanes.XanesResult;

/**
 * The XANES demo: a simulated 2D XANES scan of a cathode particle, end to end. A scan macro
 * ({@code xanes2d}, references at every energy in ABBA order) is generated (acquire), run on the
 * instrument simulator showing a Ni K-edge particle over Channel Access (stage), imported (io),
 * normalized by the references of each energy (normalize), aligned in shift and magnification
 * (align), then XANES-normalized, mapped (edge50, whiteline), fitted with reference spectra and
 * clustered (xanes). Every step is the service call (or library call) the stage's command makes.
 * The recovered maps are compared with the simulator's truth in {@code xanes_report.md}.
 */
public final class XanesSeries {
	/** File-safe names of the phases, in reference order (columns of {@code references.csv}). */
	static final String[] PHASE_FILES = { "Ni2", "Ni3", "Ni_metal" };
	static final String[] PHASE_LABELS = { "Ni2+ (NiO-like)", "Ni3+ (LiNiO2-like)", "Ni metal-like (minority)" };
	/** Pixels with at least this mean relative thickness are "interior" for the accuracy figures. */
	static final double INTERIOR = 0.5;

	/** What the demo measured. */
	public static final class Result {
		public int width, height, energies, frames;
		/** Pixels used by the XANES fit, and of those the interior ones the figures below are over. */
		public int usedPixels, interiorPixels;
		/** Per phase: RMS and mean error of the fraction (interior pixels); Ni3+ RMS over all used pixels. */
		public final double[] fractionRms = new double[3], fractionBias = new double[3];
		public double ni3RmsAllUsed;
		/** Edge50 against the true mixture's 0.5 crossing (interior pixels, minority excluded), eV. */
		public double edge50Rms, edge50Bias;
		/** Minority phase: true pixels (metal fraction > 0.5), the cluster taken for it, hits, recall, precision. */
		public int minorityTrue, minorityCluster, minorityClusterSize, minorityHits;
		public double recall, precision;
		/** Magnification found by the aligner against the simulator's, RMS over energies; the simulated range. */
		public double scaleRms, scaleRange;
		/** Whether the aligned stack's magnification was fitted; whether a scale fit was rejected (some scale off by > 5 %). */
		public boolean scaleFitted, scaleRejected;
		/** Energies (eV) at which the rejected fit was implausible. */
		public String scaleRejectedAt = "";
		/** Offset (px) at which the truth matches the aligned stack, and the correlation there. */
		public double truthDx, truthDy, truthCorrelation;
		public double acquireSeconds, processSeconds;
		public String normalizeSummary = "", fitSummary = "", clusterSummary = "";
	}

	private final TxmService txm;

	public XanesSeries(TxmService txm) {
		this.txm = txm;
	}

	/** Simulates, measures and reports the XANES scan into {@code out}. */
	public Result simulate(XanesSeriesOptions o, Path out, Progress progress) throws IOException {
		o.check();
		Files.createDirectories(out);
		Result res = new Result();
		double[] energies = EnergyRegions.parse(o.energies);
		double pixelUm = o.pixelNm / 1000;
		// the particle on a grid twice as fine as the detector, 0.63 of the field across
		int particlePx = 2 * (int) Math.round(0.75 * o.size);
		XanesSample sample = XanesSample.nickel(particlePx, pixelUm / 2, o.minority, o.edgeStep, o.seed);
		double magPerEv = o.magnificationPer300Ev / 300;

		long t0 = System.nanoTime();
		Path macro = writeMacro(o, energies, out, PressureSeries.subProgress(progress, 0, 4, "macro"));
		InstrumentSimulator.Config sim = new InstrumentSimulator.Config();
		sim.xanesSample = sample;
		sim.pixelUm = pixelUm;
		sim.width = sim.height = o.size;
		sim.speed = 100; // 1 s exposures take 10 ms; the flat-field drift follows simulated time
		sim.energyRunoutPx = o.energyRunoutPx;
		sim.magnificationPerEv = magPerEv;
		sim.photonsPerSecond = o.photonsPerSecond;
		sim.seed = o.seed;
		txm.runScanMacro(macro, "simulator", 0, out.resolve("frames"), false, sim, PressureSeries.subProgress(progress, 0, 4, "acquire"));
		res.acquireSeconds = (System.nanoTime() - t0) / 1e9;

		long t1 = System.nanoTime();
		Progress p1 = PressureSeries.subProgress(progress, 1, 4, "import and normalize");
		FrameStack raw = txm.importData(out.resolve("frames"), 1, true, false, p1);
		res.frames = raw.size();
		FrameStack absorbance = txm.normalize(raw, null, null,
			new NormalizeOptions().mode(NormalizeOptions.ReferenceMode.LINEAR), p1).frames();
		Progress p2 = PressureSeries.subProgress(progress, 2, 4, "align");
		SpectralAligner.Result al = txm.alignSpectral(absorbance, -1, o.scale, p2);
		res.scaleFitted = o.scale != SpectralAligner.ScaleModel.NONE;
		res.scaleRejectedAt = res.scaleFitted ? implausible(al, absorbance.energiesEv(), absorbance.width()) : "";
		if (!res.scaleRejectedAt.isEmpty()) {
			res.scaleRejected = true;
			res.scaleFitted = false;
			al = txm.alignSpectral(absorbance, -1, SpectralAligner.ScaleModel.NONE, p2);
		}
		double[] e = al.aligned.energiesEv();
		res.width = al.aligned.width();
		res.height = al.aligned.height();
		res.energies = e.length;
		writeShifts(al, e, sim, out, res);
		ImagePlus stack = txm.image(SpectralStack.of(al.aligned), "xanes_aligned");
		TiffIO.save(stack, out.resolve("xanes_aligned.tif"));
		Path refs = writeReferences(out.resolve("references.csv"));
		Maps maps = analyse(txm.xanesData(stack, null), refs, o, out, res, PressureSeries.subProgress(progress, 3, 4, "XANES maps"));
		res.processSeconds = (System.nanoTime() - t1) / 1e9;

		compare(sample, maps, 1 + magPerEv * (e[e.length - 1] - InstrumentSimulator.DESIGN_ENERGY_EV), pixelUm, out, res);
		String report = XanesSeriesReport.markdown(res, o);
		AtomicFiles.write(out.resolve("xanes_report.md"), tmp -> Files.writeString(tmp, report, StandardCharsets.UTF_8));
		return res;
	}

	/** The figures as a one-row table (columns named like the report's quantities). */
	public static ResultsTable accuracyTable(Result r) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		t.incrementCounter();
		t.addValue("energies", r.energies);
		t.addValue("frames", r.frames);
		t.addValue("used_pixels", r.usedPixels);
		t.addValue("interior_pixels", r.interiorPixels);
		for (int k = 0; k < 3; k++) {
			t.addValue("rms_" + PHASE_FILES[k], r.fractionRms[k]);
			t.addValue("bias_" + PHASE_FILES[k], r.fractionBias[k]);
		}
		t.addValue("edge50_rms_ev", r.edge50Rms);
		t.addValue("edge50_bias_ev", r.edge50Bias);
		t.addValue("minority_recall", r.recall);
		t.addValue("minority_precision", r.precision);
		t.addValue("scale_fitted", r.scaleFitted ? 1 : 0);
		t.addValue("scale_rms_percent", r.scaleFitted ? 100 * r.scaleRms : Double.NaN);
		t.addValue("acquire_s", r.acquireSeconds);
		t.addValue("process_s", r.processSeconds);
		return t;
	}

	/** The {@code xanes2d} plan: every energy with a reference (ABBA), two darks; the macro is written to dir. */
	Path writeMacro(XanesSeriesOptions o, double[] energies, Path dir, Progress progress) throws IOException {
		ScanPlan plan = new ScanPlan();
		plan.type = ScanType.XANES2D;
		plan.sampleName = "particle";
		plan.energies = energies;
		plan.exposureS = o.exposureS;
		plan.refExposureS = o.exposureS;
		plan.refsEvery = 1;
		plan.abba = true;
		plan.refXUm = 200;
		plan.darks = 2;
		ScanProgram program = txm.buildScanMacro(plan, progress);
		Path macro = dir.resolve("scan_macro.txt");
		AtomicFiles.write(macro, tmp -> Files.writeString(tmp, program.macroText(), StandardCharsets.UTF_8));
		return macro;
	}

	/**
	 * Energies at which an alignment is implausible: a magnification more than 5 % from the reference's
	 * (a TXM's changes by a few % at most over a XANES scan) or a shift beyond 1/8 of the image width
	 * (the demo's sample moves by a few pixels); empty if none.
	 */
	static String implausible(SpectralAligner.Result al, double[] energies, int width) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < al.scale.length; i++)
			if (!(Math.abs(al.scale[i] - 1) <= 0.05 && Math.hypot(al.dx[i], al.dy[i]) <= width / 8.0))
				b.append(b.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.1f", energies[i]));
		return b.toString();
	}

	/** The aligner's shifts and scales beside the simulator's magnification ratio; fills the scale figures. */
	static void writeShifts(SpectralAligner.Result al, double[] e, InstrumentSimulator.Config sim, Path out, Result res) throws IOException {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		double mRef = 1 + sim.magnificationPerEv * (e[e.length - 1] - InstrumentSimulator.DESIGN_ENERGY_EV);
		double ss = 0, lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (int i = 0; i < e.length; i++) {
			double trueScale = (1 + sim.magnificationPerEv * (e[i] - InstrumentSimulator.DESIGN_ENERGY_EV)) / mRef;
			t.incrementCounter();
			t.addValue("index", i);
			t.addValue("energy", e[i]);
			t.addValue("dx", al.dx[i]);
			t.addValue("dy", al.dy[i]);
			t.addValue("scale", al.scale[i]);
			t.addValue("true_scale", trueScale);
			ss += (al.scale[i] - trueScale) * (al.scale[i] - trueScale);
			lo = Math.min(lo, trueScale);
			hi = Math.max(hi, trueScale);
		}
		res.scaleRms = Math.sqrt(ss / e.length);
		res.scaleRange = hi - lo;
		CsvTables.write(t, out.resolve("shifts.csv"));
	}

	/** The references: the model spectra tabulated on a 0.25 eV grid, 8200..8700 eV, one column per phase. */
	static Path writeReferences(Path path) throws IOException {
		ModelSpectra[] m = { ModelSpectra.nickel2plus(), ModelSpectra.nickel3plus(), ModelSpectra.nickelMetal() };
		StringBuilder b = new StringBuilder("energy," + String.join(",", PHASE_FILES) + "\n");
		for (int i = 0; i <= 2000; i++) {
			double en = 8200 + 0.25 * i;
			b.append(String.format(Locale.ROOT, "%.2f", en));
			for (ModelSpectra s : m) b.append(String.format(Locale.ROOT, ",%.6f", s.mu(en)));
			b.append('\n');
		}
		AtomicFiles.write(path, tmp -> Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8));
		return path;
	}

	/** The recovered maps the comparison needs. */
	static final class Maps {
		float[] edgeStep, edge50, labels;
		float[][] fractions = new float[3][];
		double edge50Lo, edge50Hi;
		String[] clusterNames;
		double[][] clusterSpectra;
		double[] energies;
	}

	/** XANES normalize, edge and whiteline maps, reference fit and clusters, written into out. */
	Maps analyse(XanesData d, Path refs, XanesSeriesOptions o, Path out, Result res, Progress p) throws IOException {
		Maps m = new Maps();
		org.txmsuite.xanes.NormalizeOptions no = org.txmsuite.xanes.NormalizeOptions.larchDefaults();
		XanesResult norm = Xanes.normalize(d, no, p);
		res.normalizeSummary = norm.summary();
		for (String name : new String[] { "e0_map", "edge_step_map", "mask" }) TiffIO.save(norm.image(name), out.resolve(name + ".tif"));
		m.edgeStep = pixels(norm.image("edge_step_map"));
		res.usedPixels = count(pixels(norm.image("mask")));

		Xanes.EdgeOptions eo = new Xanes.EdgeOptions();
		eo.smoothRadius = o.smoothing;
		XanesResult edges = Xanes.edges(d, no, eo, p);
		for (String name : new String[] { "edge50_map", "whiteline_map" }) {
			TiffIO.save(edges.image(name), out.resolve(name + ".tif"));
			png(edges.image(name + "_view"), out.resolve(name + ".png"));
		}
		ImagePlus e50 = edges.image("edge50_map");
		m.edge50 = pixels(e50);
		m.edge50Lo = e50.getDisplayRangeMin();
		m.edge50Hi = e50.getDisplayRangeMax();

		List<SpectrumTable> references = txm.xanesReferences(refs.toString());
		XanesResult fit = Xanes.fitReferences(d, no, references, new Xanes.FitOptions(), p);
		res.fitSummary = fit.summary();
		for (int k = 0; k < 3; k++) {
			ImagePlus f = fit.image("fraction_" + (k + 1));
			m.fractions[k] = pixels(f);
			TiffIO.save(f, out.resolve("fraction_" + PHASE_FILES[k] + ".tif"));
			png(ColorScale.view("fraction " + PHASE_FILES[k], m.fractions[k], d.width(), d.height(), 0, 1, ""),
				out.resolve("fraction_" + PHASE_FILES[k] + ".png"));
		}
		TiffIO.save(fit.image("residual_map"), out.resolve("residual_map.tif"));

		XanesResult cl = ClusterAnalysis.run(d, no, o.clusters, o.components, 1, p);
		res.clusterSummary = cl.summary();
		ImagePlus labels = cl.image("labels");
		TiffIO.save(labels, out.resolve("labels.tif"));
		png(enlarged(labels), out.resolve("labels.png"));
		png(cl.image("cluster_plot"), out.resolve("cluster_plot.png"));
		ResultsTable cs = cl.table("cluster_spectra");
		CsvTables.write(cs, out.resolve("cluster_spectra.csv"));
		byte[] lb = (byte[]) labels.getProcessor().getPixels();
		m.labels = new float[lb.length];
		for (int i = 0; i < lb.length; i++) m.labels[i] = lb[i] & 0xff;
		m.energies = d.energiesEv();
		m.clusterSpectra = new double[o.clusters][cs.size()];
		for (int k = 0; k < o.clusters; k++)
			for (int i = 0; i < cs.size(); i++) m.clusterSpectra[k][i] = cs.getValue("cluster_" + (k + 1), i);
		return m;
	}

	/**
	 * Places the simulator's truth on the aligned stack (the particle at the reference energy's
	 * magnification, offset found by registering the recovered edge-step map to the true thickness)
	 * and measures the recovered maps against it; writes the true maps beside the recovered ones.
	 */
	static void compare(XanesSample sample, Maps m, double magnification, double pixelUm, Path out, Result res) throws IOException {
		int w = res.width, h = res.height, n = w * h;
		float[][] truth = sample.trueMaps(w, h, pixelUm, 0, 0, magnification, 4);
		Registration reg = new Registration(w, h, 20, 0.1, false);
		float[] step = new float[n];
		for (int i = 0; i < n; i++) step[i] = Float.isFinite(m.edgeStep[i]) ? m.edgeStep[i] : 0;
		double[] d = reg.register(truth[3], step, null);
		truth = sample.trueMaps(w, h, pixelUm, d[0], d[1], magnification, 4);
		res.truthDx = d[0];
		res.truthDy = d[1];
		res.truthCorrelation = correlation(truth[3], step);
		float[] e50 = sample.edge50(new float[][] { truth[0], truth[1], truth[2] });

		double[] ss = new double[3], sb = new double[3];
		double se = 0, sbe = 0, sAll = 0;
		int interior = 0, ne = 0, nAll = 0;
		for (int i = 0; i < n; i++) {
			if (!Float.isFinite(m.fractions[0][i]) || !Float.isFinite(truth[0][i])) continue;
			double err3 = m.fractions[1][i] - truth[1][i];
			sAll += err3 * err3;
			nAll++;
			if (truth[3][i] < INTERIOR) continue;
			interior++;
			for (int k = 0; k < 3; k++) {
				double err = m.fractions[k][i] - truth[k][i];
				ss[k] += err * err;
				sb[k] += err;
			}
			if (truth[2][i] < 0.01 && Float.isFinite(m.edge50[i]) && Float.isFinite(e50[i])) {
				double err = m.edge50[i] - e50[i];
				se += err * err;
				sbe += err;
				ne++;
			}
		}
		res.interiorPixels = interior;
		for (int k = 0; k < 3; k++) {
			res.fractionRms[k] = Math.sqrt(ss[k] / Math.max(1, interior));
			res.fractionBias[k] = sb[k] / Math.max(1, interior);
		}
		res.ni3RmsAllUsed = Math.sqrt(sAll / Math.max(1, nAll));
		res.edge50Rms = Math.sqrt(se / Math.max(1, ne));
		res.edge50Bias = sbe / Math.max(1, ne);
		minority(m, truth[2], res);

		for (int k = 0; k < 3; k++)
			png(ColorScale.view("true " + PHASE_FILES[k], truth[k], w, h, 0, 1, ""), out.resolve("true_fraction_" + PHASE_FILES[k] + ".png"));
		png(ColorScale.view("true edge50", e50, w, h, m.edge50Lo, m.edge50Hi, "eV"), out.resolve("true_edge50.png"));
		double pixelNm = pixelUm * 1000;
		for (int k = 0; k < 3; k++)
			TiffIO.save(ImageJ1Views.map("true_fraction_" + PHASE_FILES[k], w, h, truth[k], pixelNm), out.resolve("true_fraction_" + PHASE_FILES[k] + ".tif"));
		TiffIO.save(ImageJ1Views.map("true_edge50", w, h, e50, pixelNm), out.resolve("true_edge50.tif"));
		TiffIO.save(ImageJ1Views.map("true_thickness", w, h, truth[3], pixelNm), out.resolve("true_thickness.tif"));
	}

	/**
	 * The minority phase's cluster is the one whose mean spectrum crosses 0.5 at the lowest energy
	 * (the metal-like edge; chosen without the truth). Recall and precision against the pixels whose
	 * true metal fraction exceeds 0.5.
	 */
	static void minority(Maps m, float[] trueMetal, Result res) {
		int best = -1;
		double bestE = Double.MAX_VALUE;
		for (int k = 0; k < m.clusterSpectra.length; k++) {
			double[] s = m.clusterSpectra[k];
			for (int i = 1; i < s.length; i++)
				if (s[i] >= 0.5 && s[i - 1] < 0.5) {
					double en = m.energies[i - 1] + (0.5 - s[i - 1]) / (s[i] - s[i - 1]) * (m.energies[i] - m.energies[i - 1]);
					if (en < bestE) {
						bestE = en;
						best = k;
					}
					break;
				}
		}
		res.minorityCluster = best + 1;
		int truthN = 0, size = 0, hits = 0;
		for (int i = 0; i < trueMetal.length; i++) {
			boolean t = trueMetal[i] > 0.5, c = m.labels[i] == best + 1;
			if (t) truthN++;
			if (c) size++;
			if (t && c) hits++;
		}
		res.minorityTrue = truthN;
		res.minorityClusterSize = size;
		res.minorityHits = hits;
		res.recall = truthN > 0 ? hits / (double) truthN : Double.NaN;
		res.precision = size > 0 ? hits / (double) size : Double.NaN;
	}

	static double correlation(float[] a, float[] b) {
		int n = a.length;
		double ma = 0, mb = 0;
		for (int i = 0; i < n; i++) {
			ma += a[i];
			mb += b[i];
		}
		ma /= n;
		mb /= n;
		double sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < n; i++) {
			double x = a[i] - ma, y = b[i] - mb;
			sab += x * y;
			saa += x * x;
			sbb += y * y;
		}
		return sab / Math.sqrt(saa * sbb);
	}

	private static float[] pixels(ImagePlus imp) {
		return ImageJ1Views.floatPixels(imp.getProcessor());
	}

	private static int count(float[] mask) {
		int c = 0;
		for (float v : mask) if (v > 0) c++;
		return c;
	}

	/** A label image enlarged by an integer factor to at least 256 pixels, with its colours. */
	static ImagePlus enlarged(ImagePlus labels) {
		int zoom = Math.max(1, (int) Math.ceil(256.0 / Math.max(labels.getWidth(), labels.getHeight())));
		ImageProcessor ip = labels.getProcessor().duplicate();
		ip.setInterpolationMethod(ImageProcessor.NONE);
		ImageProcessor big = ip.resize(labels.getWidth() * zoom, labels.getHeight() * zoom);
		big.setLut(labels.getProcessor().getLut());
		return new ImagePlus("labels", big.convertToRGB());
	}

	private static void png(ImagePlus imp, Path path) throws IOException {
		AtomicFiles.write(path, tmp -> ImageIO.write(imp.getBufferedImage(), "png", tmp.toFile()));
	}
}

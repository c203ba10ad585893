package org.txmsuite.service;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.txmsuite.acquire.ScanPlan;
import org.txmsuite.acquire.ScanProgram;
import org.txmsuite.acquire.ScanType;
import org.txmsuite.align.AlignOptions;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;
import org.txmsuite.core.Volume;
import org.txmsuite.eos.EosData;
import org.txmsuite.eos.EosModel;
import org.txmsuite.eos.EosOptions;
import org.txmsuite.eos.EosReport;
import org.txmsuite.io.AtomicFiles;
import org.txmsuite.io.CsvTables;
import org.txmsuite.io.TiffIO;
import org.txmsuite.normalize.NormalizeOptions;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.segment.ShellOptions;
import org.txmsuite.segment.ShellResult;
import org.txmsuite.sim.DacSample;
import org.txmsuite.stage.InstrumentSimulator;

/**
 * The main job: a pressure series of DAC scans becomes an equation of state. For each pressure a
 * scan macro is generated (acquire), run on the instrument simulator over Channel Access (stage),
 * imported (io), normalized (normalize), aligned by tomographic consistency (align), reconstructed
 * with missing-wedge SART (recon) and segmented through its Pt shell (segment); the volumes with
 * their uncertainties are fitted to an EOS (eos). Every step is the service call the stage's command
 * makes. The same per-scan chain serves folders of real scans ({@link #measureScan}).
 */
public final class PressureSeries {
	/** One measured pressure point. */
	public static final class Point {
		public final double pressureGpa, sigmaPGpa, volumeUm3, uncertaintyUm3, trueVolumeUm3;
		/** The scan's name: its output sub-folder in the series folder. */
		public final String scan;

		Point(String scan, double p, double sigP, double v, double sigV, double trueV) {
			this.scan = scan;
			pressureGpa = p;
			sigmaPGpa = sigP;
			volumeUm3 = v;
			uncertaintyUm3 = sigV;
			trueVolumeUm3 = trueV;
		}
	}

	/** The series' result: points, the EOS fit, and the truth when simulated. */
	public static final class Result {
		public final List<Point> points;
		public final EosReport eos;
		public final double[] trueParameters;

		Result(List<Point> points, EosReport eos, double[] trueParameters) {
			this.points = points;
			this.eos = eos;
			this.trueParameters = trueParameters;
		}
	}

	private final TxmService txm;

	public PressureSeries(TxmService txm) {
		this.txm = txm;
	}

	/** Simulates and measures the whole series into {@code out}, then fits and reports. */
	public Result simulate(PressureSeriesOptions o, Path out, Progress progress) throws IOException {
		o.check();
		Files.createDirectories(out);
		DacSample base = new DacSample(o.shape, o.sizeUm, o.shellUm).beads(2, 0.3, o.seed);
		double v0 = base.interiorVolumeUm3();
		double[] truth = EosModel.BM3.complete(new double[] { v0, o.k0Gpa, o.kp, Double.NaN });
		List<Point> points = new ArrayList<>();
		int n = o.pressuresGpa.length;
		for (int i = 0; i < n; i++) {
			progress.checkCancelled();
			double p = o.pressuresGpa[i];
			double v = EosModel.BM3.volume(p, truth);
			if (!Double.isFinite(v))
				throw new TxmException("pressure " + p + " GPa is outside the true EOS's range (V below 0.3 V0 for K0 = " + o.k0Gpa + " GPa)");
			DacSample sample = base.compressed(v / v0);
			Path dir = out.resolve(String.format(Locale.ROOT, "p%02d_%.2fGPa", i, p));
			Progress sub = subProgress(progress, i, n, String.format(Locale.ROOT, "%.2f GPa", p));
			acquire(o, sample, dir, sub);
			Point pt = measureScan(dir.resolve("frames"), dir, p, o.sigmaPGpa, sample.interiorVolumeUm3(), o, sub);
			points.add(pt);
		}
		return finish(points, truth, out, progress);
	}

	/**
	 * Measures a series of real or imported scans: {@code pressures} has a {@code scan} column (a folder
	 * of frames or a scan file, relative to {@code folder}), {@code pressure_gpa} and optionally
	 * {@code sigP}. Same chain and outputs as the simulated series, without the truth columns.
	 */
	public Result fromScans(Path folder, ResultsTable pressures, PressureSeriesOptions o, Path out, Progress progress)
		throws IOException
	{
		List<Path> scans = new ArrayList<>();
		for (int i = 0; i < pressures.size(); i++) {
			String name = pressures.getStringValue("scan", i);
			if (name == null || name.isEmpty() || name.equals("NaN"))
				throw new TxmException("pressure table row " + (i + 1) + ": no 'scan' (a folder or file name in " + folder + ")");
			Path scan = folder.resolve(name);
			if (!Files.exists(scan)) throw new TxmException("pressure table row " + (i + 1) + ": scan not found: " + scan);
			scans.add(scan);
		}
		requireScans(scans, folder);
		if (pressures.getColumnIndex("pressure_gpa") == ResultsTable.COLUMN_NOT_FOUND)
			throw new TxmException("pressure table needs a 'pressure_gpa' column (and 'scan', optional 'sigP')");
		boolean hasSigP = pressures.getColumnIndex("sigP") != ResultsTable.COLUMN_NOT_FOUND;
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < scans.size(); i++) {
			progress.checkCancelled();
			double p = pressures.getValue("pressure_gpa", i);
			double sigP = hasSigP ? pressures.getValue("sigP", i) : o.sigmaPGpa;
			Path dir = out.resolve(scans.get(i).getFileName().toString().replaceAll("\\.[A-Za-z0-9]+$", ""));
			points.add(measureScan(scans.get(i), dir, p, sigP, Double.NaN, o, subProgress(progress, i, scans.size(), scans.get(i).getFileName().toString())));
		}
		return finish(points, null, out, progress);
	}

	/** Generates the scan macro and runs it on a simulator showing {@code sample}; frames go to dir/frames. */
	void acquire(PressureSeriesOptions o, DacSample sample, Path dir, Progress progress) throws IOException {
		ScanPlan plan = new ScanPlan();
		plan.type = ScanType.TOMOGRAPHY;
		plan.sampleName = "dac";
		plan.angleStart = -90;
		plan.angleEnd = 90;
		plan.angleStep = o.stepDeg;
		plan.angleWindows = org.txmsuite.acquire.AngleSets.windows(o.cell, null);
		plan.energies = new double[] { 11000 };
		plan.exposureS = o.exposureS;
		plan.exposuresPerPosition = o.exposuresPerPosition;
		plan.refExposures = o.exposuresPerPosition;
		plan.refExposureS = o.exposureS;
		plan.refsEvery = o.refsEvery;
		plan.refsBeforeAfter = true;
		plan.refXUm = 200;
		plan.darks = 2;
		ScanProgram program = txm.buildScanMacro(plan, progress);
		Files.createDirectories(dir);
		Path macro = dir.resolve("scan_macro.txt");
		AtomicFiles.write(macro, tmp -> Files.writeString(tmp, program.macroText(), StandardCharsets.UTF_8));
		InstrumentSimulator.Config sim = new InstrumentSimulator.Config();
		sim.customPhantom = sample.phantom();
		sim.pixelUm = o.pixelNm / 1000;
		sim.width = o.width;
		sim.height = o.height;
		sim.speed = 100; // simulated seconds per real second: 1 s exposures take 10 ms; drift follows simulated time
		sim.runoutPx = o.runoutPx;
		sim.photonsPerSecond = o.photonsPerSecond;
		sim.seed = o.seed + Math.round(sample.sizeUm() * 1e4);
		txm.runScanMacro(macro, "simulator", 0, dir.resolve("frames"), false, sim, progress);
	}

	/**
	 * The per-scan chain on a folder of frames (or any importable scan): import, normalize by
	 * time-interpolated references, align, reconstruct, measure the Pt shell's interior. Writes the
	 * volume, its orthogonal-slice check image and a one-row table into {@code dir}.
	 */
	public Point measureScan(Path scan, Path dir, double pressureGpa, double sigmaPGpa, double trueVolumeUm3,
		PressureSeriesOptions o, Progress progress) throws IOException
	{
		FrameStack raw = txm.importData(scan, 1, true, false, progress);
		FrameStack absorbance = txm.normalize(raw, null, null,
			new NormalizeOptions().mode(NormalizeOptions.ReferenceMode.LINEAR), progress).frames();
		double[] angles = absorbance.anglesDeg();
		FrameStack projections = absorbance;
		if (o.align) {
			projections = txm.alignProjections(absorbance, angles, new AlignOptions().maxLoops(30), progress).aligned;
		}
		ReconOptions recon = new ReconOptions().algorithm(ReconOptions.Algorithm.SART).iterations(o.reconIterations)
			.nonnegative(o.nonnegative).tvWeight(o.tvWeight).discreteRounds(o.discreteRounds);
		Volume volume = txm.reconstruct(txm.image(projections, "projections"), "", recon, progress, null);
		if (!Double.isFinite(volume.voxelXNm())) volume.voxelSizeNm(o.pixelNm);
		ShellOptions shell = new ShellOptions();
		shell.voxelSizeNm = volume.voxelXNm();
		ShellResult r = txm.measurePtShell(volume, shell, progress);
		Files.createDirectories(dir);
		TiffIO.save(txm.image(volume, "volume"), dir.resolve("volume.tif"));
		png(new ImagePlus("view", new ColorProcessor(r.viewWidth, r.viewHeight, r.view.clone())), dir.resolve("view.png"));
		return new Point(dir.getFileName().toString(), pressureGpa, sigmaPGpa, r.interiorVolumeUm3, r.uncertaintyUm3, trueVolumeUm3);
	}

	/** Fits the points (BM3, effective variance), writes tables, plots and the report. */
	Result finish(List<Point> points, double[] truth, Path out, Progress progress) throws IOException {
		ResultsTable t = volumesTable(points);
		CsvTables.write(t, out.resolve("volumes.csv"));
		EosData data = txm.eosData(t, "um^3");
		EosReport eos = txm.fitEos(data, EosOptions.of("BM3", "effective-variance", ""), progress);
		CsvTables.write(eos.parameters(), out.resolve("parameters.csv"));
		CsvTables.write(eos.residuals(), out.resolve("residuals.csv"));
		png(eos.pvPlot(), out.resolve("eos_plot.png"));
		png(eos.ffPlot(), out.resolve("ff_plot.png"));
		png(eos.ellipsePlot(), out.resolve("ellipse_plot.png"));
		Result result = new Result(points, eos, truth);
		String report = report(result);
		AtomicFiles.write(out.resolve("report.md"), tmp -> Files.writeString(tmp, report, StandardCharsets.UTF_8));
		return result;
	}

	/**
	 * The points as a table: scan, pressure_gpa, sigP, volume_um3, uncertainty_um3 (the segmentation's
	 * 2-sigma figure), sigV (1 sigma, what the EOS fit weights by), and the truth when simulated.
	 */
	public static ResultsTable volumesTable(List<Point> points) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (Point p : points) {
			t.incrementCounter();
			t.addValue("scan", p.scan);
			t.addValue("pressure_gpa", p.pressureGpa);
			t.addValue("sigP", p.sigmaPGpa);
			t.addValue("volume_um3", p.volumeUm3);
			t.addValue("uncertainty_um3", p.uncertaintyUm3);
			t.addValue("sigV", p.uncertaintyUm3 / 2); // the segmentation's uncertainty is 2 sigma; the fit weights by 1 sigma
			if (Double.isFinite(p.trueVolumeUm3)) {
				t.addValue("true_volume_um3", p.trueVolumeUm3);
				t.addValue("error_percent", 100 * (p.volumeUm3 - p.trueVolumeUm3) / p.trueVolumeUm3);
			}
		}
		return t;
	}

	/** The Markdown report (true beside recovered values when simulated). */
	public static String report(Result r) {
		return PressureSeriesReport.markdown(r);
	}

	private static void png(ImagePlus imp, Path path) throws IOException {
		AtomicFiles.write(path, tmp -> ImageIO.write(imp.getBufferedImage(), "png", tmp.toFile()));
	}

	/** Progress of step {@code i} of {@code n}, scaled into the overall bar. */
	static Progress subProgress(Progress parent, int i, int n, String label) {
		return new Progress() {
			@Override
			public void report(long done, long total, String message) {
				double f = total > 0 ? Math.min(1, done / (double) total) : 0;
				parent.report(Math.round((i + f) * 1000), 1000L * n, label + ": " + message);
			}

			@Override
			public boolean isCancelled() {
				return parent.isCancelled();
			}
		};
	}

	/** Throws if the folder has no scans. */
	static void requireScans(List<Path> scans, Path folder) {
		if (scans.isEmpty()) throw new TxmException("no scans in " + folder + ": expected one folder (or file) per pressure");
	}
}

package org.txmsuite.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.core.TxmException;
import org.txmsuite.service.PressureSeries;
import org.txmsuite.service.PressureSeriesOptions;
import org.txmsuite.service.TxmService;
import org.txmsuite.sim.DacScanSpec;

/**
 * A pressure series of DAC scans to an equation of state: simulated (macro on the instrument
 * simulator over Channel Access) or a folder of measured scans with a pressure table. Each scan is
 * normalized, aligned, reconstructed and measured through its Pt shell; volumes are fitted (BM3).
 */
@Plugin(type = Command.class, label = "Pressure Series to EOS", menuPath = "Plugins>TXM Suite>Pipelines>Pressure Series to EOS")
public class PressureSeriesCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Data", choices = { "simulate", "scans" }, description = "simulate a series, or measure scans_folder with pressure_table")
	private String data = "simulate";
	@Parameter(label = "Output folder", style = "directory", required = false, description = "per-scan folders, tables, plots, report.md (headless: --out)")
	private File output_folder;
	@Parameter(label = "Scans folder", style = "directory", required = false, description = "for data=scans: one folder (or scan file) per pressure")
	private File scans_folder;
	@Parameter(label = "Pressure table", required = false, description = "for data=scans: columns scan, pressure_gpa, optional sigP")
	private ResultsTable pressure_table;
	@Parameter(label = "Pressures (GPa)", description = "for data=simulate")
	private String pressures = "0,1.5,3,4.5,6,7.5,9";
	@Parameter(label = "Core shape", choices = { "cube", "cylinder", "sphere" })
	private String shape = "cube";
	@Parameter(label = "Core size at 0 GPa (um)", min = "0.1")
	private double size_um = 3;
	@Parameter(label = "Pt shell (um)", min = "0.01")
	private double shell_um = 0.3;
	@Parameter(label = "Pixel size (nm)", min = "1")
	private double pixel_nm = 50;
	@Parameter(label = "Detector width (px)", min = "16")
	private int width = 128;
	@Parameter(label = "Detector height (px)", min = "16")
	private int height = 112;
	@Parameter(label = "Cell", choices = { "two-post", "four-post" })
	private String cell = "two-post";
	@Parameter(label = "Angle step (deg)", min = "0.1")
	private double step_deg = 1;
	@Parameter(label = "True K0 (GPa)", min = "0.1")
	private double k0_gpa = 37;
	@Parameter(label = "True K'")
	private double kp = 6;
	@Parameter(label = "Stage run-out (px)", min = "0")
	private double runout_px = 2;
	@Parameter(label = "SART sweeps", min = "1")
	private int recon_iterations = 10;
	@Parameter(label = "TV weight", min = "0", description = "total-variation regularization of the SART reconstruction")
	private double tv_weight = 0.1;
	@Parameter(label = "Non-negativity", description = "constrain the reconstruction to >= 0 (biases Pt-shell interiors high under noise)")
	private boolean nonnegative = false;
	@Parameter(label = "Discrete rounds", min = "0", description = "rounds of discrete refinement (DART) of the reconstruction: puts back the "
		+ "Pt shell the missing wedge smears; 0: off")
	private int discrete_rounds = 20;
	@Parameter(label = "Exposures per angle", min = "1", description = "for data=simulate: averaged on import")
	private int exposures = 3;
	@Parameter(label = "Align projections")
	private boolean align = true;
	@Parameter(label = "Random seed")
	private long seed = 7;

	@Parameter(type = ItemIO.OUTPUT, label = "Parameters")
	private ResultsTable parameters;
	@Parameter(type = ItemIO.OUTPUT, label = "Volumes")
	private ResultsTable volumes;
	@Parameter(type = ItemIO.OUTPUT, label = "EOS plot")
	private ImagePlus plot;
	@Parameter(type = ItemIO.OUTPUT, label = "Report")
	private String report;

	@Override
	public void run() {
		if (output_folder == null) throw new TxmException("output_folder is not set; choose where the series' files go");
		PressureSeriesOptions o = new PressureSeriesOptions();
		o.pressuresGpa = PressureSeriesOptions.parsePressures(pressures);
		o.shape = DacScanSpec.parseShape(shape);
		o.sizeUm = size_um;
		o.shellUm = shell_um;
		o.pixelNm = pixel_nm;
		o.width = width;
		o.height = height;
		o.cell = cell;
		o.stepDeg = step_deg;
		o.k0Gpa = k0_gpa;
		o.kp = kp;
		o.runoutPx = runout_px;
		o.reconIterations = recon_iterations;
		o.tvWeight = tv_weight;
		o.nonnegative = nonnegative;
		o.discreteRounds = discrete_rounds;
		o.exposuresPerPosition = exposures;
		o.align = align;
		o.seed = seed;
		PressureSeries series = new PressureSeries(txm);
		try {
			PressureSeries.Result r;
			if (data.equals("scans")) {
				if (scans_folder == null || pressure_table == null)
					throw new TxmException("data=scans needs scans_folder and pressure_table (columns scan, pressure_gpa, optional sigP)");
				r = series.fromScans(scans_folder.toPath(), pressure_table, o, output_folder.toPath(), txm.progress("Pressure series", this::isCanceled));
			}
			else r = series.simulate(o, output_folder.toPath(), txm.progress("Pressure series", this::isCanceled));
			parameters = r.eos.parameters();
			volumes = PressureSeries.volumesTable(r.points);
			plot = r.eos.pvPlot();
			report = PressureSeries.report(r);
		}
		catch (IOException e) {
			throw new TxmException("cannot write into " + output_folder + ": " + e.getMessage(), e);
		}
	}
}

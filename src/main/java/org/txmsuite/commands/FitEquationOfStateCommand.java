package org.txmsuite.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.eos.EosOptions;
import org.txmsuite.eos.EosReport;
import org.txmsuite.service.TxmService;

/** Fits an equation of state to P-V data as EosFit7 does (models, weighting, fixed parameters, esds). */
@Plugin(type = Command.class, label = "Fit Equation of State", menuPath = "Plugins>TXM Suite>EOS>Fit Equation of State")
public class FitEquationOfStateCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "P-V table", description = "columns P (GPa), V, optional sigP, sigV (case-insensitive); "
		+ "also pressure_gpa, volume_um3, uncertainty_um3 from the segmentation stage")
	private ResultsTable table;

	@Parameter(label = "Model", choices = { "BM3", "BM2", "BM4", "Vinet3", "Vinet2", "NS3", "NS2", "NS4", "Murnaghan", "Tait3",
		"Tait2", "Tait4" }, description = "Birch-Murnaghan, Vinet, natural strain, Murnaghan or Tait, with truncation order")
	private String model = "BM3";

	@Parameter(label = "Weighting", choices = { "effective-variance", "sigma-p", "none" },
		description = "effective variance: sigma^2 = sigP^2 + (K/V sigV)^2, recomputed each cycle (EosFit7)")
	private String weighting = "effective-variance";

	@Parameter(label = "Fixed values", required = false, description = "e.g. V0=11.81 or V0=11.81, Kp=4 (empty: all refined)")
	private String fixed = "";

	@Parameter(label = "Pressure range (GPa)", required = false, description = "min-max, e.g. 0-10 (empty: all data)")
	private String pressure_range = "";

	@Parameter(label = "Volume unit", choices = { "auto", "A^3", "nm^3", "um^3", "cm^3/mol", "V/V0" },
		description = "auto: from the column name (volume_um3 is um^3, V/V0 relative), else A^3")
	private String volume_unit = "auto";

	@Parameter(label = "Max cycles", min = "1", description = "least-squares cycles before the fit is declared not converged")
	private int max_cycles = 200;

	@Parameter(type = ItemIO.OUTPUT, label = "Parameters")
	private ResultsTable parameters;

	@Parameter(type = ItemIO.OUTPUT, label = "Residuals")
	private ResultsTable residuals;

	@Parameter(type = ItemIO.OUTPUT, label = "P-V plot")
	private ImagePlus plot;

	@Parameter(type = ItemIO.OUTPUT, label = "F-f plot")
	private ImagePlus ff_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "F-f table")
	private ResultsTable ff;

	@Parameter(type = ItemIO.OUTPUT, label = "K0-K' ellipses")
	private ImagePlus ellipse_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Covariance")
	private ResultsTable covariance;

	@Parameter(type = ItemIO.OUTPUT, label = "Correlation")
	private ResultsTable correlation;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	public void run() {
		EosOptions options = EosOptions.of(model, weighting, fixed).pressureRange(pressure_range).maxCycles(max_cycles);
		EosReport r = txm.fitEos(txm.eosData(table, volume_unit), options, txm.progress("Fit Equation of State", this::isCanceled));
		parameters = r.parameters();
		residuals = r.residuals();
		plot = r.pvPlot();
		ff_plot = r.ffPlot();
		ff = r.ff();
		ellipse_plot = r.ellipsePlot();
		covariance = r.matrix(false);
		correlation = r.matrix(true);
		summary = r.summary();
	}
}

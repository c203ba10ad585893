package org.txmsuite.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.eos.EosFitter;
import org.txmsuite.eos.EosOptions;
import org.txmsuite.eos.EosSegments;
import org.txmsuite.service.TxmService;

/** Fits one equation of state separately over several pressure ranges (a compressibility change between them). */
@Plugin(type = Command.class, label = "Fit Equation of State Segments",
	menuPath = "Plugins>TXM Suite>EOS>Fit Equation of State Segments")
public class FitEquationOfStateSegmentsCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "P-V table", description = "columns P (GPa), V, optional sigP, sigV, as for Fit Equation of State")
	private ResultsTable table;

	@Parameter(label = "Pressure ranges (GPa)", description = "ranges fitted separately, e.g. 0-10; 13-40")
	private String ranges = "0-10; 13-100";

	@Parameter(label = "Model", choices = { "BM3", "BM2", "BM4", "Vinet3", "Vinet2", "NS3", "NS2", "NS4", "Murnaghan", "Tait3",
		"Tait2", "Tait4" })
	private String model = "BM3";

	@Parameter(label = "Weighting", choices = { "effective-variance", "sigma-p", "none" })
	private String weighting = "effective-variance";

	@Parameter(label = "Fixed values", required = false, description = "e.g. Kp=4 (empty: all refined)")
	private String fixed = "";

	@Parameter(label = "Volume unit", choices = { "auto", "A^3", "nm^3", "um^3", "cm^3/mol", "V/V0" })
	private String volume_unit = "auto";

	@Parameter(type = ItemIO.OUTPUT, label = "Segments")
	private ResultsTable segments;

	@Parameter(type = ItemIO.OUTPUT, label = "P-V plot")
	private ImagePlus plot;

	@Parameter(type = ItemIO.OUTPUT, label = "K0-K' ellipses")
	private ImagePlus ellipse_plot;

	@Override
	public void run() {
		EosSegments s = txm.fitEosSegments(txm.eosData(table, volume_unit), EosOptions.of(model, weighting, fixed),
			EosFitter.parseRanges(ranges), txm.progress("Fit Equation of State Segments", this::isCanceled));
		segments = s.table();
		plot = s.plot();
		ellipse_plot = s.ellipsePlot();
	}
}

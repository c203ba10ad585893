package org.txmsuite.commands;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.xanes.LinearCombination;
import org.txmsuite.xanes.Xanes;
import org.txmsuite.xanes.XanesResult;

/** Linear combination of reference spectra (non-negative, optionally summing to one) per pixel or spectrum. */
@Plugin(type = Command.class, label = "XANES Reference Fitting", menuPath = "Plugins>TXM Suite>XANES>XANES Reference Fitting")
public class XanesReferenceFitCommand extends AbstractXanesCommand {
	@Parameter(label = "Reference files", description = "comma-separated paths of reference spectra (each column of each file is one reference, up to 6)")
	private String references;

	@Parameter(label = "Sum to one", description = "constrain the reference weights to sum to 1")
	private boolean sum_to_one = true;

	@Parameter(label = "Background", choices = { "none", "constant", "linear" }, description = "unconstrained background added to the references")
	private String background = "none";

	@Parameter(label = "Fit from (eV)", description = "lowest energy fitted; 0 = the whole grid")
	private double fit_min = 0;

	@Parameter(label = "Fit to (eV)", description = "highest energy fitted; 0 = the whole grid")
	private double fit_max = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Fraction 1")
	private ImagePlus fraction_1;
	@Parameter(type = ItemIO.OUTPUT, label = "Fraction 2")
	private ImagePlus fraction_2;
	@Parameter(type = ItemIO.OUTPUT, label = "Fraction 3")
	private ImagePlus fraction_3;
	@Parameter(type = ItemIO.OUTPUT, label = "Fraction 4")
	private ImagePlus fraction_4;
	@Parameter(type = ItemIO.OUTPUT, label = "Fraction 5")
	private ImagePlus fraction_5;
	@Parameter(type = ItemIO.OUTPUT, label = "Fraction 6")
	private ImagePlus fraction_6;

	@Parameter(type = ItemIO.OUTPUT, label = "R-factor map")
	private ImagePlus residual_map;

	@Override
	public void run() {
		Xanes.FitOptions fo = new Xanes.FitOptions();
		fo.sumToOne = sum_to_one;
		fo.background = LinearCombination.Background.valueOf(background.toUpperCase(java.util.Locale.ROOT));
		fo.minEv = fit_min > 0 ? fit_min : Double.NaN;
		fo.maxEv = fit_max > 0 ? fit_max : Double.NaN;
		XanesResult r = Xanes.fitReferences(data(), options(), txm.xanesReferences(references), fo, progress("XANES Reference Fitting"));
		fraction_1 = out(r, "fraction_1", ImagePlus.class);
		fraction_2 = out(r, "fraction_2", ImagePlus.class);
		fraction_3 = out(r, "fraction_3", ImagePlus.class);
		fraction_4 = out(r, "fraction_4", ImagePlus.class);
		fraction_5 = out(r, "fraction_5", ImagePlus.class);
		fraction_6 = out(r, "fraction_6", ImagePlus.class);
		residual_map = out(r, "residual_map", ImagePlus.class);
		common(r);
	}
}

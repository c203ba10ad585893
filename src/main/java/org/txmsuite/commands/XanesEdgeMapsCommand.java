package org.txmsuite.commands;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.xanes.EdgeAnalysis;
import org.txmsuite.xanes.Xanes;
import org.txmsuite.xanes.XanesResult;

/** Edge energy at 50 % of the step and whiteline peak by a local fit, per pixel or spectrum. */
@Plugin(type = Command.class, label = "XANES Edge and Whiteline Maps", menuPath = "Plugins>TXM Suite>XANES>XANES Edge and Whiteline Maps")
public class XanesEdgeMapsCommand extends AbstractXanesCommand {
	@Parameter(label = "Whiteline fit", choices = { "Gaussian", "Polynomial", "Lorentzian" }, description = "local peak model around the maximum: quadratic in ln(mu), in mu, or in 1/mu")
	private String whiteline_fit = "Gaussian";

	@Parameter(label = "Fit points", choices = { "3", "5", "7" }, description = "points in the local whiteline fit")
	private String fit_points = "5";

	@Parameter(label = "Whiteline window start (eV from E0)")
	private double whiteline_min = 0;

	@Parameter(label = "Whiteline window end (eV from E0)")
	private double whiteline_max = 40;

	@Parameter(label = "Smoothing radius (pixels)", min = "0", max = "10", description = "box smoothing of the normalized spectra before the whiteline fit (2 = 5x5); images only")
	private int smoothing = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Edge 50% map")
	private ImagePlus edge50_map;

	@Parameter(type = ItemIO.OUTPUT, label = "Whiteline map")
	private ImagePlus whiteline_map;

	@Parameter(type = ItemIO.OUTPUT, label = "Whiteline height map")
	private ImagePlus whiteline_height_map;

	@Parameter(type = ItemIO.OUTPUT, label = "Whiteline fit RMS map")
	private ImagePlus whiteline_rms_map;

	@Parameter(type = ItemIO.OUTPUT, label = "Edge 50% view")
	private ImagePlus edge50_map_view;

	@Parameter(type = ItemIO.OUTPUT, label = "Whiteline view")
	private ImagePlus whiteline_map_view;

	@Override
	public void run() {
		Xanes.EdgeOptions eo = new Xanes.EdgeOptions();
		eo.peak = EdgeAnalysis.Peak.parse(whiteline_fit);
		eo.points = Integer.parseInt(fit_points);
		eo.whitelineMinEv = whiteline_min;
		eo.whitelineMaxEv = whiteline_max;
		eo.smoothRadius = smoothing;
		XanesResult r = Xanes.edges(data(), options(), eo, progress("XANES Edge and Whiteline Maps"));
		edge50_map = out(r, "edge50_map", ImagePlus.class);
		whiteline_map = out(r, "whiteline_map", ImagePlus.class);
		whiteline_height_map = out(r, "whiteline_height_map", ImagePlus.class);
		whiteline_rms_map = out(r, "whiteline_rms_map", ImagePlus.class);
		edge50_map_view = out(r, "edge50_map_view", ImagePlus.class);
		whiteline_map_view = out(r, "whiteline_map_view", ImagePlus.class);
		common(r);
	}
}

package org.txmsuite.commands;

import ij.ImagePlus;
import ij.gui.Plot;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.align.CenterFinder;
import org.txmsuite.core.FrameStack;
import org.txmsuite.service.TxmService;

/** Finds the rotation centre by reprojection consistency (works on limited-angle data). */
@Plugin(type = Command.class, label = "Find Rotation Center", menuPath = "Plugins>TXM Suite>Align>Find Rotation Center")
public class FindRotationCenterCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Projections", description = "absorbance projections, aligned")
	private ImagePlus input;
	@Parameter(label = "Angles (deg)", required = false,
		description = "start:stop:step, a comma list or a text file; blank = the stack's metadata")
	private String angles = "";
	@Parameter(label = "Search range (+- px)", min = "1")
	private double range_px = 10;
	@Parameter(label = "Detector rows used", min = "1")
	private int rows = 8;

	@Parameter(type = ItemIO.OUTPUT, label = "Rotation centre (px)")
	private double center;
	@Parameter(type = ItemIO.OUTPUT, label = "Quality curve")
	private ImagePlus quality;

	@Override
	public void run() {
		FrameStack frames = txm.frames(input);
		CenterFinder.Result r = txm.findCenter(frames, txm.angles(angles, frames), range_px, rows,
			txm.progress("Find Rotation Center", this::isCanceled));
		center = r.center;
		Plot plot = new Plot("Rotation centre", "centre (px)", "RMS reprojection residual");
		plot.add("connected circle", r.candidates, r.residual);
		plot.addLabel(0.02, 0.08, String.format("centre = %.2f px", center));
		quality = plot.getImagePlus();
	}
}

package org.txmsuite.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.align.SpectralAligner;
import org.txmsuite.core.FrameStack;
import org.txmsuite.service.TxmService;

/** Aligns the images of a XANES stack in translation and magnification. */
@Plugin(type = Command.class, label = "Align Spectral Stack", menuPath = "Plugins>TXM Suite>Align>Align Spectral Stack")
public class AlignSpectralStackCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Spectral stack", description = "one image per energy (energies in the metadata)")
	private ImagePlus input;
	@Parameter(label = "Reference frame", description = "index of the frame the others are aligned to; negative = the last")
	private int reference = -1;
	@Parameter(label = "Magnification", choices = { "linear", "per-energy", "none" },
		description = "linear: magnification linear in energy (robust fit; recommended across an edge); per-energy: one per image; none: translation only")
	private String scale = "linear";

	@Parameter(type = ItemIO.OUTPUT, label = "Aligned stack")
	private ImagePlus aligned;
	@Parameter(type = ItemIO.OUTPUT, label = "Shifts and scale")
	private ResultsTable shifts;

	@Override
	public void run() {
		FrameStack frames = txm.frames(input);
		SpectralAligner.Result r = txm.alignSpectral(frames, reference, SpectralAligner.ScaleModel.parse(scale), txm.progress("Align Spectral Stack", this::isCanceled));
		aligned = txm.image(r.aligned, "aligned");
		double[] e = frames.energiesEv();
		shifts = new ResultsTable();
		for (int i = 0; i < e.length; i++) {
			shifts.incrementCounter();
			shifts.addValue("index", i);
			shifts.addValue("energy", e[i]);
			shifts.addValue("dx", r.dx[i]);
			shifts.addValue("dy", r.dy[i]);
			shifts.addValue("scale", r.scale[i]);
		}
	}
}

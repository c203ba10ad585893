package org.txmsuite.commands;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.core.FrameStack;
import org.txmsuite.normalize.NormalizeOptions;
import org.txmsuite.normalize.NormalizeResult;
import org.txmsuite.service.TxmService;

/** Divides sample frames by references (flat field) after dark subtraction: transmission or absorbance. */
@Plugin(type = Command.class, label = "Normalize by References",
	menuPath = "Plugins>TXM Suite>Preprocess>Normalize by References")
public class NormalizeByReferencesCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(required = false)
	private LogService log;

	@Parameter(label = "Stack", description = "sample frames, and optionally references (labels flat.../ref...) and darks (dark...)")
	private ImagePlus input;

	@Parameter(label = "References", required = false, description = "optional separate stack of references (beam without sample)")
	private ImagePlus flats;

	@Parameter(label = "Darks", required = false, description = "optional separate stack of dark frames (no beam)")
	private ImagePlus darks;

	@Parameter(label = "Output", choices = { "absorbance", "transmission" }, description = "absorbance -ln T or transmission T")
	private String output = "absorbance";

	@Parameter(label = "Reference choice", choices = { "linear", "nearest", "mean", "median" },
		description = "linear: interpolate in time between the references before and after each frame; nearest: the "
			+ "nearest reference block; mean/median: of all references (at the frame's energy)")
	private String interpolation = "linear";

	@Parameter(label = "Exposure correction", description = "divide by exposure times when sample and reference exposures are known")
	private boolean exposure_correction = true;

	@Parameter(label = "Zinger threshold", min = "0", stepSize = "0.1",
		description = "replace pixels brighter than (1 + threshold) x their 3x3 median; 0 = off")
	private double zinger_threshold = 0;

	@Parameter(label = "Background region", required = false,
		description = "x,y,w,h of a beam-only region scaled to transmission 1 (ring current); empty = none")
	private String background_roi = "";

	@Parameter(label = "Binning", min = "1", description = "average bin x bin pixels before normalizing")
	private int bin = 1;

	@Parameter(type = ItemIO.OUTPUT, label = "Normalized")
	private ImagePlus normalized;

	@Override
	public void run() {
		NormalizeOptions o = new NormalizeOptions().output(NormalizeOptions.Output.parse(output))
			.mode(NormalizeOptions.ReferenceMode.parse(interpolation)).exposureCorrection(exposure_correction)
			.zingerThreshold(zinger_threshold).backgroundRoi(background_roi).bin(bin);
		// the macro bridge hands the current image to unset image parameters: the input itself means "not given"
		FrameStack f = flats == null || flats == input ? null : txm.frames(flats);
		FrameStack d = darks == null || darks == input ? null : txm.frames(darks);
		NormalizeResult r = txm.normalize(txm.frames(input), f, d, o, txm.progress("Normalize by References", this::isCanceled));
		normalized = txm.image(r.frames(), "normalized");
		normalized.setProperty("Info", normalized.getProperty("Info") + "txm.normalize=" + r.summary() + "\n");
		if (log != null) {
			for (String w : r.warnings()) log.warn("Normalize by References: " + w);
			log.info("Normalize by References: " + r.summary());
		}
	}
}

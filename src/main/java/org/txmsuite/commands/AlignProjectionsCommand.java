package org.txmsuite.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.align.AlignOptions;
import org.txmsuite.align.AlignResult;
import org.txmsuite.core.FrameStack;
import org.txmsuite.service.TxmService;

/** Aligns tomographic projections for stage jitter (tomographic consistency or neighbour cross-correlation). */
@Plugin(type = Command.class, label = "Align Projections", menuPath = "Plugins>TXM Suite>Align>Align Projections")
public class AlignProjectionsCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Projections", description = "absorbance projections (-ln of transmission)")
	private ImagePlus input;
	@Parameter(label = "Angles (deg)", required = false,
		description = "start:stop:step, a comma list or a text file; blank = the stack's metadata")
	private String angles = "";
	@Parameter(label = "Method", choices = { "tomographic-consistency", "cross-correlation" })
	private String method = "tomographic-consistency";
	@Parameter(label = "Most loops per level", min = "1")
	private int max_loops = 40;
	@Parameter(label = "Stop at RMS shift update (px)", min = "0")
	private double tolerance = 0.005;
	@Parameter(label = "Coarse to fine (2x binned first)")
	private boolean coarse_to_fine = true;
	@Parameter(label = "Rotation centre (px)", description = "negative = the geometric centre (W-1)/2")
	private double center = -1;
	@Parameter(label = "Refine the centre", description = "carry the mean horizontal shift as the rotation centre")
	private boolean refine_center = false;
	@Parameter(label = "Align vertically")
	private boolean vertical = true;

	@Parameter(type = ItemIO.OUTPUT, label = "Aligned projections")
	private ImagePlus aligned;
	@Parameter(type = ItemIO.OUTPUT, label = "Shifts (px)")
	private ResultsTable shifts;

	@Override
	public void run() {
		FrameStack frames = txm.frames(input);
		double[] a = txm.angles(angles, frames);
		AlignOptions o = new AlignOptions().method("cross-correlation".equals(method) ? AlignOptions.Method.CROSS_CORRELATION
			: AlignOptions.Method.TOMOGRAPHIC_CONSISTENCY).maxLoops(max_loops).tolerance(tolerance).coarseToFine(coarse_to_fine)
			.center(center < 0 ? Double.NaN : center).refineCenter(refine_center).vertical(vertical);
		AlignResult r = txm.alignProjections(frames, a, o, txm.progress("Align Projections", this::isCanceled));
		aligned = txm.image(r.aligned, "aligned");
		shifts = new ResultsTable();
		for (int i = 0; i < a.length; i++) {
			shifts.incrementCounter();
			shifts.addValue("index", i);
			shifts.addValue("angle", a[i]);
			shifts.addValue("dx", r.dx[i]);
			shifts.addValue("dy", r.dy[i]);
		}
	}
}

package org.txmsuite.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.txmsuite.segment.SegmentResult;
import org.txmsuite.service.TxmService;

/** Inputs and outputs the two volume-measuring commands share: the volume, its voxel size, labels, table and check view. */
abstract class SegmentCommandBase extends ContextCommand {
	@Parameter
	protected TxmService txm;

	@Parameter(label = "Reconstructed volume", persist = false)
	protected ImagePlus input;
	@Parameter(label = "Voxel size (nm)", description = "0 = from the image's calibration or metadata", min = "0", persist = false)
	protected double voxel_size_nm = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	private ImagePlus labels;
	@Parameter(type = ItemIO.OUTPUT, label = "Volumes")
	private ResultsTable volumes;
	@Parameter(type = ItemIO.OUTPUT, label = "Check view")
	private ImagePlus view;
	@Parameter(type = ItemIO.OUTPUT, label = "Uncertainty (um^3)")
	protected double uncertainty_um3;

	/** Sets the image and table outputs from a result. */
	protected void publish(SegmentResult r) {
		Map<String, Object> out = txm.segmentationOutputs(r);
		labels = (ImagePlus) out.get("labels");
		volumes = (ResultsTable) out.get("volumes");
		view = (ImagePlus) out.get("view");
	}
}

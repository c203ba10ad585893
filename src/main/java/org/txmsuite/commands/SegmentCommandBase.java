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
	@Parameter
	private org.scijava.log.LogService log;

	@Parameter(label = "Reconstructed volume", persist = false)
	protected ImagePlus input;
	@Parameter(label = "Voxel size (nm)", description = "0 = from the image's calibration or metadata", min = "0", persist = false)
	protected double voxel_size_nm = 0;

	@Parameter(label = "Projection angles (degrees)", required = false, persist = false,
		description = "angles the volume was reconstructed from, for the missing-wedge term of the uncertainty: "
			+ "\"start:stop:step\", a list or a text file; empty = from the volume's metadata (volumes from Reconstruct Tomogram carry them)")
	protected String angles = "";

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	private ImagePlus labels;
	@Parameter(type = ItemIO.OUTPUT, label = "Volumes")
	private ResultsTable volumes;
	@Parameter(type = ItemIO.OUTPUT, label = "Check view")
	private ImagePlus view;
	@Parameter(type = ItemIO.OUTPUT, label = "Uncertainty (um^3)")
	protected double uncertainty_um3;

	/** The given projection angles in degrees, or null to use the volume's own record. */
	protected double[] thetaDeg() {
		return angles == null || angles.trim().isEmpty() ? null : org.txmsuite.recon.AngleSpec.parse(angles, 0);
	}

	/** Sets the image and table outputs from a result. */
	protected void publish(SegmentResult r) {
		if (!r.objects.isEmpty() && Double.isNaN(r.objects.get(0).wedgeSurfaceFraction))
			log.warn(getClass().getSimpleName() + ": the projection angles are unknown, so the uncertainty has no missing-wedge term; "
				+ "give angles=\"start:stop:step\" for volumes not made by Reconstruct Tomogram");
		Map<String, Object> out = txm.segmentationOutputs(r);
		labels = (ImagePlus) out.get("labels");
		volumes = (ResultsTable) out.get("volumes");
		view = (ImagePlus) out.get("view");
	}
}

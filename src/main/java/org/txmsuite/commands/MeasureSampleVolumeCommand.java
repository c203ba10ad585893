package org.txmsuite.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.segment.SampleOptions;
import org.txmsuite.segment.SampleResult;

/** Volume of a directly visible sample (GeO2 glass, metallic glass) in its pressure medium, gasket excluded. */
@Plugin(type = Command.class, label = "Measure Sample Volume", menuPath = "Plugins>TXM Suite>Segment>Measure Sample Volume")
public class MeasureSampleVolumeCommand extends SegmentCommandBase {
	@Parameter(label = "Threshold", description = "lower grey level of the sample; NaN = automatic (Otsu)", persist = false)
	private double threshold = Double.NaN;
	@Parameter(label = "Upper threshold", description = "brighter voxels (gasket, Au beads) are excluded; NaN = none", persist = false)
	private double max_threshold = Double.NaN;
	@Parameter(label = "Components", choices = { "largest", "all" }, description = "measure the largest component or every component", persist = false)
	private String components = "largest";
	@Parameter(label = "Smoothing sigma (voxels)", min = "0", persist = false)
	private double smooth_voxels = 0.7;
	@Parameter(label = "Partial-volume band (voxels)", min = "1", persist = false)
	private int band_voxels = 3;
	@Parameter(label = "Smallest component (voxels)", min = "1", persist = false)
	private int min_object_voxels = 20;

	@Parameter(type = ItemIO.OUTPUT, label = "Sample volume (um^3)")
	private double sample_volume_um3;

	@Override
	public void run() {
		SampleOptions o = new SampleOptions();
		o.voxelSizeNm = voxel_size_nm;
		o.thetaDeg = thetaDeg();
		o.threshold = threshold;
		o.maxThreshold = max_threshold;
		o.allComponents = "all".equals(components);
		o.smoothVoxels = smooth_voxels;
		o.bandVoxels = band_voxels;
		o.minObjectVoxels = min_object_voxels;
		SampleResult r = txm.measureSample(txm.volume(input), o, txm.progress("Measure Sample Volume", this::isCanceled));
		publish(r);
		sample_volume_um3 = r.sampleVolumeUm3;
		uncertainty_um3 = r.uncertaintyUm3;
	}
}

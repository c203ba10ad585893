package org.txmsuite.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.segment.ShellOptions;
import org.txmsuite.segment.ShellResult;

/** Volume of the hollow inside a Pt shell (low-Z sample in a DAC), with surface area and uncertainty. */
@Plugin(type = Command.class, label = "Measure Pt Shell Volume", menuPath = "Plugins>TXM Suite>Segment>Measure Pt Shell Volume")
public class MeasurePtShellVolumeCommand extends SegmentCommandBase {
	@Parameter(label = "Threshold", description = "grey level between Pt and the rest; NaN = automatic (Otsu)", persist = false)
	private double threshold = Double.NaN;
	@Parameter(label = "Smoothing sigma (voxels)", min = "0", persist = false)
	private double smooth_voxels = 0.7;
	@Parameter(label = "Largest gap-closing radius (voxels)", description = "gaps up to about twice this wide are closed", min = "0", persist = false)
	private int max_closing_voxels = 4;
	@Parameter(label = "Partial-volume band (voxels)", min = "1", persist = false)
	private int band_voxels = 3;
	@Parameter(label = "Smallest object (voxels)", description = "beads and ruby smaller than this are ignored", min = "1", persist = false)
	private int min_object_voxels = 20;
	@Parameter(label = "Find ruby", description = "look for objects of intermediate contrast in the medium", persist = false)
	private boolean find_ruby = true;

	@Parameter(type = ItemIO.OUTPUT, label = "Interior volume (um^3)")
	private double interior_volume_um3;

	@Override
	public void run() {
		ShellOptions o = new ShellOptions();
		o.voxelSizeNm = voxel_size_nm;
		o.thetaDeg = thetaDeg();
		o.threshold = threshold;
		o.smoothVoxels = smooth_voxels;
		o.maxClosingVoxels = max_closing_voxels;
		o.bandVoxels = band_voxels;
		o.minObjectVoxels = min_object_voxels;
		o.findRuby = find_ruby;
		ShellResult r = txm.measurePtShell(txm.volume(input), o, txm.progress("Measure Pt Shell Volume", this::isCanceled));
		publish(r);
		interior_volume_um3 = r.interiorVolumeUm3;
		uncertainty_um3 = r.uncertaintyUm3;
	}
}

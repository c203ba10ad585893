package org.txmsuite.commands;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.core.FrameStack;
import org.txmsuite.sim.DacSample;
import org.txmsuite.sim.DacScanSpec;
import org.txmsuite.service.TxmService;

/** Simulates a raw DAC tomography scan (darks, drifting flats, noisy projections) of a Pt-coated sample. */
@Plugin(type = Command.class, label = "Simulate DAC Scan", menuPath = "Plugins>TXM Suite>Simulate>Simulate DAC Scan")
public class SimulateDacScanCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Core shape", choices = { "cube", "cylinder", "sphere" })
	private String shape = "cube";
	@Parameter(label = "Core size (um)", description = "cube edge, cylinder diameter and height, or sphere diameter", min = "0.01")
	private double size_um = 3;
	@Parameter(label = "Pt shell (um)", min = "0.001")
	private double shell_um = 0.3;
	@Parameter(label = "Pixel size (nm)", min = "1")
	private double pixel_nm = 50;
	@Parameter(label = "Detector width (px)", min = "8")
	private int width = 128;
	@Parameter(label = "Detector height (px)", min = "1")
	private int height = 128;
	@Parameter(label = "Cell", choices = { "two-post", "four-post", "full" }, description = "angular range: 135, 152 (two windows) or 180 degrees")
	private String cell = "two-post";
	@Parameter(label = "Angle step (deg)", min = "0.01")
	private double step_deg = 1;
	@Parameter(label = "Jitter (px)", description = "random projection run-out, uniform in +-jitter", min = "0")
	private double jitter_px = 0;
	@Parameter(label = "Photons per second", min = "1")
	private double photons = 5000;
	@Parameter(label = "Beam drift over the scan (relative)")
	private double drift = 0.05;
	@Parameter(label = "Reference every N projections", min = "1")
	private int refs_every = 10;
	@Parameter(label = "Random seed")
	private long seed = 1;

	@Parameter(type = ItemIO.OUTPUT, label = "Raw scan")
	private ImagePlus scan;
	@Parameter(type = ItemIO.OUTPUT, label = "True interior volume (um^3)")
	private double true_volume_um3;

	@Override
	public void run() {
		DacScanSpec spec = new DacScanSpec();
		spec.shape = DacScanSpec.parseShape(shape);
		spec.sizeUm = size_um;
		spec.shellUm = shell_um;
		spec.pixelNm = pixel_nm;
		spec.width = width;
		spec.height = height;
		spec.cell = cell;
		spec.stepDeg = step_deg;
		spec.jitterPx = jitter_px;
		spec.photonsPerS = photons;
		spec.driftPerScan = drift;
		spec.refsEvery = refs_every;
		spec.seed = seed;
		DacSample sample = spec.sample();
		FrameStack raw = spec.simulator(sample).rawScan(spec.angles());
		scan = txm.image(raw, "scan");
		true_volume_um3 = sample.interiorVolumeUm3();
	}
}

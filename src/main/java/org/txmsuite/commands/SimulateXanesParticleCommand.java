package org.txmsuite.commands;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.acquire.EnergyRegions;
import org.txmsuite.core.ImageJ1Views;
import org.txmsuite.core.SpectralStack;
import org.txmsuite.sim.ModelSpectra;
import org.txmsuite.sim.XanesParticle;
import org.txmsuite.service.TxmService;

/**
 * Simulates a 2D Ni K-edge XANES scan of a battery cathode particle: Ni2+ (NiO-like) and Ni3+
 * (LiNiO2-like) domains in varying fractions plus an optional minority phase (Ni metal-like).
 */
@Plugin(type = Command.class, label = "Simulate XANES Particle", menuPath = "Plugins>TXM Suite>Simulate>Simulate XANES Particle")
public class SimulateXanesParticleCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Image size (px)", min = "16")
	private int size = 64;
	@Parameter(label = "Energies (eV)", description = "regions start:end:step, e.g. 8250:8320:10,8320:8370:1,8370:8550:15")
	private String energies = "8250:8320:10,8322:8370:1,8380:8550:15";
	@Parameter(label = "Edge step (absorbance)", min = "0")
	private double edge_step = 1.0;
	@Parameter(label = "Per-pixel SNR", description = "edge step / noise sigma at full thickness; 0 = no noise", min = "0")
	private double snr = 100;
	@Parameter(label = "Minority phase area fraction", min = "0", max = "0.5")
	private double minority = 0.02;
	@Parameter(label = "Pixel size (nm)", min = "0")
	private double pixel_nm = 30;
	@Parameter(label = "Random seed")
	private long seed = 5;

	@Parameter(type = ItemIO.OUTPUT, label = "XANES stack")
	private ImagePlus stack;
	@Parameter(type = ItemIO.OUTPUT, label = "True Ni3+ fraction")
	private ImagePlus true_fraction;
	@Parameter(type = ItemIO.OUTPUT, label = "True minority phase")
	private ImagePlus true_minority;

	@Override
	public void run() {
		double[] e = EnergyRegions.parse(energies);
		XanesParticle p = new XanesParticle(size, e, ModelSpectra.nickel2plus().mu(e), ModelSpectra.nickel3plus().mu(e),
			minority > 0 ? ModelSpectra.nickelMetal().mu(e) : null, minority, seed);
		SpectralStack s = p.absorbance(edge_step, snr).pixelSizeNm(pixel_nm);
		stack = txm.image(s, "xanes");
		true_fraction = ImageJ1Views.map("true_fraction", size, size, p.fractionB(), pixel_nm);
		true_minority = ImageJ1Views.map("true_minority", size, size, p.minorityMask(), pixel_nm);
	}
}

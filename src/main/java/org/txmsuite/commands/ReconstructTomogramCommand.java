package org.txmsuite.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.core.Progress;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.service.TxmService;

/**
 * Reconstructs a tomogram from an absorbance projection stack with ART, SART, SIRT (constraints,
 * optional TV) or FBP. Geometry and algorithms: {@link org.txmsuite.recon.Projector},
 * {@link org.txmsuite.recon.SliceSolver}, docs/stages/recon.md.
 */
@Plugin(type = Command.class, label = "Reconstruct Tomogram",
	menuPath = "Plugins>TXM Suite>Reconstruct>Reconstruct Tomogram")
public class ReconstructTomogramCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Projections", description = "ABSORBANCE projection stack, one frame per angle")
	private ImagePlus input;

	@Parameter(label = "Angles (deg)", required = false, persist = false,
		description = "start:stop:step (inclusive), a comma list or a text file; blank: the stack's metadata")
	private String angles = "";

	@Parameter(label = "Algorithm", choices = { "SART", "ART", "SIRT", "FBP" },
		description = "SART (one projection per update) is the recommended limited-angle method")
	private String algorithm = "SART";

	@Parameter(label = "Iterations", min = "1", description = "sweeps over all projections (not used by FBP)")
	private int iterations = 5;

	@Parameter(label = "Relaxation", min = "0", description = "relaxation factor in (0, 2); 0: the algorithm's default (ART 0.5, SART 1, SIRT 1.9, SIRT with momentum 1)")
	private double relaxation = 0;

	@Parameter(label = "Non-negative", description = "clamp negative attenuation to zero (the biggest single limited-angle gain)")
	private boolean nonnegative = true;

	@Parameter(label = "Upper bound", min = "0", description = "largest allowed voxel value; 0: none")
	private double upper_bound = 0;

	@Parameter(label = "Cylinder support", description = "zero outside the cylinder seen by every projection")
	private boolean support = true;

	@Parameter(label = "TV weight", min = "0", description = "total-variation regularization (ASD-POCS step fraction); 0: off, 0.2 typical")
	private double tv_weight = 0;

	@Parameter(label = "Momentum", description = "Nesterov acceleration between blocks of projections; with TV, 5 sweeps "
		+ "reach what about 20 do without it (use it with a TV weight: alone it amplifies streaks)")
	private boolean momentum = false;

	@Parameter(label = "Discrete rounds", min = "0", description = "rounds of discrete refinement (DART) after the sweeps, for objects of a few "
		+ "uniform materials such as a Pt shell: removes most missing-wedge smear of thick uniform parts; 0: off, 20 typical")
	private int discrete_rounds = 0;

	@Parameter(label = "Discrete levels", required = false, persist = false,
		description = "the materials' grey levels for the discrete refinement, ascending, comma-separated; empty: two levels found automatically")
	private String discrete_levels = "";

	@Parameter(label = "Rotation centre (px)", description = "detector pixel of the rotation axis; -1: (width-1)/2")
	private double center = -1;

	@Parameter(label = "FBP filter", choices = { "ramp", "shepp-logan", "cosine", "hamming", "hann" })
	private String filter = "ramp";

	@Parameter(label = "Start from FBP", description = "iterative algorithms start from the FBP image instead of zero")
	private boolean fbp_start = false;

	@Parameter(label = "First row", min = "0", description = "first detector row to reconstruct")
	private int row_start = 0;

	@Parameter(label = "Last row", min = "-1", description = "last detector row to reconstruct (inclusive); -1: the last")
	private int row_end = -1;

	@Parameter(label = "Threads", min = "0", description = "worker threads; 0: all cores")
	private int threads = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Volume")
	private ImagePlus volume;

	@Parameter(type = ItemIO.OUTPUT, label = "Convergence")
	private ResultsTable convergence;

	@Override
	public void run() {
		ReconOptions o = new ReconOptions().algorithm(ReconOptions.Algorithm.parse(algorithm)).iterations(iterations)
			.relaxation(relaxation > 0 ? relaxation : Double.NaN).nonnegative(nonnegative)
			.upperBound(upper_bound > 0 ? upper_bound : Double.NaN).support(support).tvWeight(tv_weight).momentum(momentum)
			.center(center == -1 ? Double.NaN : center).filter(ReconOptions.Filter.parse(filter)).fbpStart(fbp_start)
			.rows(row_start, row_end).threads(threads).discreteRounds(discrete_rounds).discreteLevels(ReconOptions.parseLevels(discrete_levels));
		Progress p = txm.progress("Reconstruct Tomogram", this::isCanceled);
		List<Double> res = new ArrayList<>();
		volume = txm.image(txm.reconstruct(input, angles, o, p, res), "volume");
		convergence = new ResultsTable();
		for (int i = 0; i < res.size(); i++) {
			convergence.incrementCounter();
			convergence.addValue("sweep", i + 1);
			convergence.addValue("relative_residual", res.get(i));
		}
	}
}

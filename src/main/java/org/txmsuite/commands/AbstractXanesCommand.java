package org.txmsuite.commands;

import ij.ImagePlus;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.txmsuite.core.Progress;
import org.txmsuite.service.TxmService;
import org.txmsuite.xanes.NormalizeOptions;
import org.txmsuite.xanes.XanesData;
import org.txmsuite.xanes.XanesResult;

/** Input and normalization parameters shared by the XANES commands. */
public abstract class AbstractXanesCommand extends ContextCommand {
	static final String LARCH = "Larch 0.9.58 defaults", USER = "user-set";

	@Parameter
	protected TxmService txm;

	@Parameter(label = "Image stack", required = false, description = "spectral image stack (energies in its metadata); 2D, or 3D as a hyperstack with z slices and energies as frames. Give this or a spectrum file.")
	protected ImagePlus input;

	@Parameter(label = "Spectrum file", required = false, description = "CSV or text table (first column energy in eV or keV, one column per spectrum) or an XDI file. Give this or an image stack.")
	protected File spectra;

	@Parameter(label = "Normalization ranges", choices = { LARCH, USER }, description = "Larch 0.9.58 pre_edge defaults per spectrum, or the ranges below")
	protected String ranges = LARCH;

	@Parameter(label = "pre1 (eV from E0)", description = "pre-edge fit start, used when ranges are user-set")
	protected double pre1 = -150;

	@Parameter(label = "pre2 (eV from E0)", description = "pre-edge fit end, used when ranges are user-set")
	protected double pre2 = -30;

	@Parameter(label = "norm1 (eV from E0)", description = "post-edge fit start, used when ranges are user-set")
	protected double norm1 = 50;

	@Parameter(label = "norm2 (eV from E0)", description = "post-edge fit end, used when ranges are user-set")
	protected double norm2 = 300;

	@Parameter(label = "Post-edge degree", choices = { "auto", "0", "1", "2", "3" }, description = "post-edge polynomial degree; auto follows Larch")
	protected String nnorm = "auto";

	@Parameter(label = "Mask threshold", min = "0", max = "1", description = "pixels with an edge step below this fraction of the 99th-percentile edge step are masked")
	protected double mask_threshold = 0.1;

	@Parameter(type = ItemIO.OUTPUT, label = "Mask", description = "255 where the spectrum was used, 0 where masked (images)")
	protected ImagePlus mask;

	@Parameter(type = ItemIO.OUTPUT, label = "Results", description = "one row per spectrum (spectrum files)")
	protected ij.measure.ResultsTable results;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary", description = "spectra used and masked, by reason")
	protected String summary;

	protected XanesData data() {
		return txm.xanesData(input, spectra);
	}

	protected NormalizeOptions options() {
		NormalizeOptions o = NormalizeOptions.larchDefaults().maskThreshold(mask_threshold);
		if (USER.equals(ranges)) o.ranges(pre1, pre2, norm1, norm2);
		if (!"auto".equals(nnorm)) o.nnorm(Integer.parseInt(nnorm));
		return o;
	}

	protected Progress progress(String title) {
		return txm.progress(title, this::isCanceled);
	}

	/** Sets the outputs every XANES command has: mask, results, summary. */
	protected void common(XanesResult r) {
		mask = out(r, "mask", ImagePlus.class);
		results = out(r, "results", ij.measure.ResultsTable.class);
		summary = r.summary();
	}

	/** The named output as the command hands it out (null if the result has none). */
	protected <T> T out(XanesResult r, String name, Class<T> type) {
		Object v = txm.xanesOutput(r, name);
		return type.isInstance(v) ? type.cast(v) : null;
	}
}

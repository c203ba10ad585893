package org.txmsuite.commands;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.align.SpectralAligner;
import org.txmsuite.core.TxmException;
import org.txmsuite.service.TxmService;
import org.txmsuite.service.XanesSeries;
import org.txmsuite.service.XanesSeriesOptions;

/**
 * The XANES demo: a simulated 2D XANES scan of a Ni cathode particle, from the scan macro on the
 * instrument simulator to edge, fraction and cluster maps, compared with the truth (xanes_report.md).
 */
@Plugin(type = Command.class, label = "XANES Series Demo", menuPath = "Plugins>TXM Suite>Pipelines>XANES Series Demo")
public class XanesSeriesCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Output folder", style = "directory", required = false, description = "frames, maps (TIFF and PNG), tables, xanes_report.md (headless: --out)")
	private File output_folder;
	@Parameter(label = "Detector size (px)", min = "24", max = "1024")
	private int size = 96;
	@Parameter(label = "Pixel size (nm)", min = "1")
	private double pixel_nm = 30;
	@Parameter(label = "Energies (eV)", description = "regions start:end:step, e.g. 8250:8320:10,8322:8370:1,8380:8550:15")
	private String energies = "8250:8320:10,8322:8370:1,8380:8550:15";
	@Parameter(label = "Edge step (optical density)", min = "0.01", max = "4")
	private double edge_step = 1;
	@Parameter(label = "Minority phase area fraction", min = "0", max = "0.3")
	private double minority = 0.03;
	@Parameter(label = "Photons per second (open beam, per pixel)", min = "1")
	private double photons_per_second = 20000;
	@Parameter(label = "Exposure (s)", min = "0.001")
	private double exposure_s = 1;
	@Parameter(label = "Displacement per energy move (px)", min = "0", description = "largest random image shift at each energy move")
	private double energy_runout_px = 2;
	@Parameter(label = "Magnification change over 300 eV", description = "relative, e.g. -0.005 (the field grows with energy)")
	private double magnification_per_300ev = -0.005;
	@Parameter(label = "Magnification model", choices = { "linear", "per-energy", "none" }, description = "how Align Spectral Stack models the magnification")
	private String scale = "linear";
	@Parameter(label = "Clusters", min = "2", max = "20")
	private int clusters = 4;
	@Parameter(label = "Random seed")
	private long seed = 5;

	@Parameter(type = ItemIO.OUTPUT, label = "Accuracy")
	private ResultsTable accuracy;
	@Parameter(type = ItemIO.OUTPUT, label = "Report")
	private String report;

	@Override
	public void run() {
		if (output_folder == null) throw new TxmException("output_folder is not set; choose where the demo's files go");
		XanesSeriesOptions o = new XanesSeriesOptions();
		o.size = size;
		o.pixelNm = pixel_nm;
		o.energies = energies;
		o.edgeStep = edge_step;
		o.minority = minority;
		o.photonsPerSecond = photons_per_second;
		o.exposureS = exposure_s;
		o.energyRunoutPx = energy_runout_px;
		o.magnificationPer300Ev = magnification_per_300ev;
		o.scale = SpectralAligner.ScaleModel.parse(scale);
		o.clusters = clusters;
		o.seed = seed;
		try {
			XanesSeries.Result r = new XanesSeries(txm).simulate(o, output_folder.toPath(), txm.progress("XANES series", this::isCanceled));
			accuracy = XanesSeries.accuracyTable(r);
			report = Files.readString(output_folder.toPath().resolve("xanes_report.md"), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new TxmException("cannot write into " + output_folder + ": " + e.getMessage(), e);
		}
	}
}

package org.txmsuite.commands;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.acquire.AngleSets;
import org.txmsuite.acquire.EnergyRegions;
import org.txmsuite.acquire.ScanPlan;
import org.txmsuite.acquire.ScanProgram;
import org.txmsuite.acquire.ScanType;
import org.txmsuite.acquire.ZonePlateCalibration;
import org.txmsuite.service.TxmService;

/** Builds an Xradia XMController acquisition macro and its TXM-Wizard ScanInfo from a scan plan. */
@Plugin(type = Command.class, label = "Build Scan Macro", menuPath = "Plugins>TXM Suite>Acquire>Build Scan Macro")
public class BuildScanMacroCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(required = false)
	private LogService log;

	@Parameter(label = "Scan type", choices = { "tomography", "xanes2d", "xanes3d", "mosaic" }, persist = false)
	private String scan_type = "tomography";

	@Parameter(label = "Sample name", description = "part of every file name: letters, digits, '-', '.', single '_'", persist = false)
	private String sample_name = "sample";

	@Parameter(label = "First angle (deg)", persist = false)
	private double angle_start = -90;

	@Parameter(label = "Last angle (deg)", persist = false)
	private double angle_end = 90;

	@Parameter(label = "Angle step (deg)", persist = false)
	private double angle_step = 1;

	@Parameter(label = "Number of angles", description = "evenly spaced, ends included; 0 uses the angle step", min = "0", persist = false)
	private int angle_count = 0;

	@Parameter(label = "Cell (open windows)", choices = { "none", "two-post", "four-post", "custom windows" },
		description = "two-post DAC: -67.5..67.5 deg; four-post cross DAC: -38..38 and 52..128 deg", persist = false)
	private String dac = "none";

	@Parameter(label = "Custom windows (deg)", description = "for dac=custom windows: from:to,from:to", required = false, persist = false)
	private String dac_windows = "";

	@Parameter(label = "Energies (eV)", description = "regions start:end:step, e.g. 8200:8320:5,8320:8360:0.5,8360:8500:5; one value for tomography/mosaic; empty: leave the energy alone",
		required = false, persist = false)
	private String energies = "";

	@Parameter(label = "Zone-plate calibration", description = "file (energy_ev,zpz[,zpx,zpy,detz]) or E:zpz,E:zpz list; empty: none",
		required = false, persist = false)
	private String zp_calibration = "";

	@Parameter(label = "Backlash approach (eV)", description = "energies are approached from below by this much (0: off)", min = "0", persist = false)
	private double backlash_ev = 0;

	@Parameter(label = "Wait after energy move (s)", min = "0", persist = false)
	private double energy_wait_s = 0;

	@Parameter(label = "Exposure (s)", persist = false)
	private double exposure_s = 1;

	@Parameter(label = "Exposures per position", min = "1", persist = false)
	private int exposures_per_position = 1;

	@Parameter(label = "Binning", min = "1", max = "16", persist = false)
	private int binning = 1;

	@Parameter(label = "Reference exposure (s)", persist = false)
	private double ref_exposure_s = 1;

	@Parameter(label = "Reference exposures", min = "1", persist = false)
	private int ref_exposures = 1;

	@Parameter(label = "References every N positions", description = "0: none", min = "0", persist = false)
	private int refs_every = 0;

	@Parameter(label = "References before and after", persist = false)
	private boolean refs_before_after = false;

	@Parameter(label = "ABBA order", persist = false)
	private boolean abba = false;

	@Parameter(label = "Reference x (um)", description = "out-of-beam sample stage position", persist = false)
	private double ref_x_um = 0;

	@Parameter(label = "Reference y (um)", persist = false)
	private double ref_y_um = 0;

	@Parameter(label = "Sample x (um)", description = "in-beam position (mosaic centre)", persist = false)
	private double sample_x_um = 0;

	@Parameter(label = "Sample y (um)", persist = false)
	private double sample_y_um = 0;

	@Parameter(label = "Dark frames", min = "0", persist = false)
	private int darks = 0;

	@Parameter(label = "Mosaic width (um)", min = "0", persist = false)
	private double mosaic_width_um = 0;

	@Parameter(label = "Mosaic height (um)", min = "0", persist = false)
	private double mosaic_height_um = 0;

	@Parameter(label = "Field of view (um)", persist = false)
	private double mosaic_fov_um = 36;

	@Parameter(label = "Mosaic overlap (fraction)", min = "0", max = "0.9", persist = false)
	private double mosaic_overlap = 0.15;

	@Parameter(label = "Repeats", min = "1", persist = false)
	private int repeats = 1;

	@Parameter(label = "Wait between repeats (s)", min = "0", persist = false)
	private double repeat_wait_s = 0;

	@Parameter(label = "Read-out per frame (s)", description = "for the duration estimate", min = "0", persist = false)
	private double readout_s = 0.1;

	@Parameter(label = "Confirm more than 100000 frames", persist = false)
	private boolean confirm_large = false;

	@Parameter(label = "Also save into folder", description = "writes <sample>_macro.txt and ScanInfo_<sample>.txt there",
		style = "directory", required = false, persist = false)
	private File save_to;

	@Parameter(type = ItemIO.OUTPUT, label = "Macro")
	private String macro;

	@Parameter(type = ItemIO.OUTPUT, label = "ScanInfo")
	private String scan_info;

	@Override
	public void run() {
		ScanPlan p = new ScanPlan();
		p.type = ScanType.parse(scan_type);
		p.sampleName = sample_name;
		p.angleStart = angle_start;
		p.angleEnd = angle_end;
		p.angleStep = angle_step;
		p.angleCount = angle_count;
		p.angleWindows = AngleSets.windows(dac, dac_windows);
		p.energies = energies == null || energies.isBlank() ? new double[0] : EnergyRegions.parse(energies);
		p.zpCalibration = ZonePlateCalibration.parse(zp_calibration);
		p.backlashEv = backlash_ev;
		p.energyWaitS = energy_wait_s;
		p.exposureS = exposure_s;
		p.exposuresPerPosition = exposures_per_position;
		p.binning = binning;
		p.refExposureS = ref_exposure_s;
		p.refExposures = ref_exposures;
		p.refsEvery = refs_every;
		p.refsBeforeAfter = refs_before_after;
		p.abba = abba;
		p.refXUm = ref_x_um;
		p.refYUm = ref_y_um;
		p.sampleXUm = sample_x_um;
		p.sampleYUm = sample_y_um;
		p.darks = darks;
		p.mosaicWidthUm = mosaic_width_um;
		p.mosaicHeightUm = mosaic_height_um;
		p.mosaicFovUm = mosaic_fov_um;
		p.mosaicOverlap = mosaic_overlap;
		p.repeats = repeats;
		p.repeatWaitS = repeat_wait_s;
		p.timing.readoutS = readout_s;
		p.confirmLarge = confirm_large;
		ScanProgram program = txm.buildScanMacro(p, txm.progress("Build Scan Macro", this::isCanceled));
		if (log != null) log.info("Build Scan Macro: " + program.estimate());
		if (save_to != null) program.save(save_to.toPath());
		macro = program.macroText();
		scan_info = program.scanInfoText();
	}
}

package org.txmsuite.commands;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.core.TxmException;
import org.txmsuite.stage.InstrumentSimulator;
import org.txmsuite.stage.ScanRunner;
import org.txmsuite.service.TxmService;

/**
 * Runs an Xradia XMController acquisition macro against the simulator or a Channel Access instrument,
 * saving frames as the macro names them and run_log.csv; rerunning into the same folder resumes.
 */
@Plugin(type = Command.class, label = "Run Scan Macro", menuPath = "Plugins>TXM Suite>Acquire>Run Scan Macro")
public class RunScanMacroCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Macro", description = "XMController macro (moveto, sete, setexp, setbinning, collect, wait)")
	private File macro;

	@Parameter(label = "Instrument", description = "'simulator' (embedded, loopback) or the Channel Access PV prefix of a TXM, e.g. TXM:")
	private String instrument = "simulator";

	@Parameter(label = "Output folder", style = "directory", required = false,
		description = "where frames and run_log.csv go (headless: the --out folder); a folder holding part of the same scan is resumed")
	private File output_folder;

	@Parameter(label = "Port", description = "Channel Access server port on 127.0.0.1 (not used for the simulator)", min = "1", max = "65535")
	private int port = 5064;

	@Parameter(label = "Save .xrm as TIFF", description = "write ImageJ TIFF even where the macro names .xrm files")
	private boolean tiff_only = false;

	@Parameter(label = "Simulator phantom", choices = { "dac-cube", "dac-sphere", "dac-cylinder" })
	private String phantom = "dac-cube";

	@Parameter(label = "Simulator detector (px)", min = "8", max = "4096")
	private int detector_px = 256;

	@Parameter(label = "Simulator speed", description = "simulated seconds per real second", min = "0.01")
	private double speed = 20;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	public void run() {
		if (output_folder == null) throw new TxmException("output_folder is not set; choose where frames and run_log.csv go");
		InstrumentSimulator.Config c = new InstrumentSimulator.Config();
		c.phantom = phantom;
		c.width = c.height = detector_px;
		c.speed = speed;
		ScanRunner.Result r = txm.runScanMacro(macro.toPath(), instrument, port, output_folder.toPath(), tiff_only, c,
			txm.progress("Run Scan Macro", this::isCanceled));
		summary = r.collections + " collections: " + r.collected + " taken, " + r.resumed + " already there; log "
			+ output_folder.toPath().resolve(org.txmsuite.stage.RunLog.FILE);
	}
}

package org.txmsuite.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.stage.InstrumentSimulator;
import org.txmsuite.service.TxmService;

/** Starts a TXM simulator (motors, energy, CCD) on EPICS Channel Access, loopback only. */
@Plugin(type = Command.class, label = "Start Instrument Simulator",
	menuPath = "Plugins>TXM Suite>Acquire>Start Instrument Simulator")
public class StartInstrumentSimulatorCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "PV prefix", description = "prefix of every process variable, e.g. TXMSIM: gives TXMSIM:T.VAL, TXMSIM:cam1:Acquire")
	private String prefix = "TXMSIM:";

	@Parameter(label = "Port", description = "Channel Access server port on 127.0.0.1 (TCP and UDP); 0 picks a free one", min = "0", max = "65535")
	private int port = 5064;

	@Parameter(label = "Phantom", choices = { "dac-cube", "dac-sphere", "dac-cylinder" },
		description = "the sample the CCD sees: a Pt-coated glass core in a diamond anvil cell, with Au beads")
	private String phantom = "dac-cube";

	@Parameter(label = "Detector size (px)", description = "CCD width and height in pixels (unbinned)", min = "8", max = "4096")
	private int detector_px = 256;

	@Parameter(label = "Speed", description = "simulated seconds per real second (exposures, moves, waits)", min = "0.01")
	private double speed = 10;

	@Parameter(label = "Run for (s)", description = "keep serving this many seconds and then stop (headless); 0 = until Fiji quits", min = "0")
	private double run_seconds = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Status")
	private String status;

	@Override
	public void run() {
		InstrumentSimulator.Config c = new InstrumentSimulator.Config();
		c.prefix = prefix;
		c.port = port;
		c.phantom = phantom;
		c.width = c.height = detector_px;
		c.speed = speed;
		InstrumentSimulator s = txm.startSimulator(c);
		status = "instrument simulator '" + s.prefix() + "' serving on 127.0.0.1:" + s.port();
		if (run_seconds > 0) {
			try {
				Thread.sleep(Math.round(run_seconds * 1000));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			s.close();
		}
	}
}

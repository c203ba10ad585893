package org.txmsuite.commands;

import ij.measure.ResultsTable;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.acquire.ScanEstimate;
import org.txmsuite.acquire.TimingModel;
import org.txmsuite.service.TxmService;

/** Reads an XMController macro (ours or a beamline's) and sums it up, or stops at its first bad line. */
@Plugin(type = Command.class, label = "Check Scan Macro", menuPath = "Plugins>TXM Suite>Acquire>Check Scan Macro")
public class CheckScanMacroCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Macro file", description = "XMController macro (.txt)", persist = false)
	private File macro;

	@Parameter(label = "Read-out per frame (s)", description = "for the duration estimate", min = "0", persist = false)
	private double readout_s = 0.1;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private ResultsTable summary;

	@Override
	public void run() {
		TimingModel timing = new TimingModel();
		timing.readoutS = readout_s;
		ScanEstimate e = txm.checkScanMacro(macro.toPath(), timing);
		summary = new ResultsTable();
		summary.incrementCounter();
		summary.addValue("lines", e.lines);
		summary.addValue("moves", e.moves);
		summary.addValue("collects", e.collects);
		summary.addValue("references", e.references);
		summary.addValue("energies", e.energies);
		summary.addValue("angles", e.angles);
		summary.addValue("estimated_seconds", Math.round(e.seconds * 10) / 10.0);
	}
}

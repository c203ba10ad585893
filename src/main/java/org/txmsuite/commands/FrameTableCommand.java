package org.txmsuite.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.io.FrameTable;
import org.txmsuite.service.TxmService;

/** Lists a stack's per-frame metadata (kind, angle, energy, exposure) as a table. */
@Plugin(type = Command.class, label = "Frame Table", menuPath = "Plugins>TXM Suite>Utilities>Frame Table")
public class FrameTableCommand implements Command {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Stack", description = "a stack with TXM metadata or labelled slices")
	private ImagePlus input;

	@Parameter(type = ItemIO.OUTPUT, label = "Frames")
	private ResultsTable frames;

	@Override
	public void run() {
		frames = FrameTable.of(txm.frames(input));
	}
}

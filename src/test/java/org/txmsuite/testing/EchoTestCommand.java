package org.txmsuite.testing;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.core.TxmException;

/** Test-only command exercising every parameter type the launcher converts. */
@Plugin(type = Command.class, label = "TXM Test Echo", menuPath = "Plugins>TXM Suite>Test>TXM Test Echo")
public class EchoTestCommand implements Command {
	@Parameter(required = false)
	private ImagePlus input;
	@Parameter(min = "1")
	private int iterations = 3;
	@Parameter
	private double weight = 0.5;
	@Parameter
	private boolean nonnegative = false;
	@Parameter(choices = { "ART", "SART" })
	private String algorithm = "SART";
	@Parameter(required = false)
	private ResultsTable table;
	@Parameter
	private boolean fail = false;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;
	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable echo;
	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus image;

	@Override
	public void run() {
		if (fail) throw new TxmException("asked to fail");
		summary = algorithm + " " + iterations + " " + weight + " " + nonnegative;
		echo = new ResultsTable();
		echo.incrementCounter();
		echo.addValue("iterations", iterations);
		echo.addValue("rows_in", table == null ? 0 : table.size());
		if (input != null) image = input.duplicate();
	}
}

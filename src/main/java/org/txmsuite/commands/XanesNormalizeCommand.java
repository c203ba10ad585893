package org.txmsuite.commands;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.xanes.Xanes;
import org.txmsuite.xanes.XanesResult;

/** Pre-edge line, post-edge polynomial, E0 and edge step per spectrum or pixel (Larch 0.9.58 pre_edge defaults). */
@Plugin(type = Command.class, label = "XANES Normalize", menuPath = "Plugins>TXM Suite>XANES>XANES Normalize")
public class XanesNormalizeCommand extends AbstractXanesCommand {
	@Parameter(type = ItemIO.OUTPUT, label = "Normalized", description = "normalized stack (image input) or table (spectrum file)")
	private Object normalized;

	@Parameter(type = ItemIO.OUTPUT, label = "E0 map")
	private ImagePlus e0_map;

	@Parameter(type = ItemIO.OUTPUT, label = "Edge step map")
	private ImagePlus edge_step_map;

	@Override
	public void run() {
		XanesResult r = Xanes.normalize(data(), options(), progress("XANES Normalize"));
		normalized = txm.xanesOutput(r, "normalized");
		e0_map = out(r, "e0_map", ImagePlus.class);
		edge_step_map = out(r, "edge_step_map", ImagePlus.class);
		common(r);
	}
}
